// Issue 8.5: the dynamic-provider host's stderr copy of an error (with its stack) is dropped; the
// engine's own line remains. With debug logging on, nothing is dropped.
import { strict as assert } from "node:assert";
import { debugLogging, isHostErrorEcho } from "../../provider/quiet-errors";
import { NicSrsTransportError } from "../../sdk/nicsrs";

/** What the host prints: `console.error(`${e}: ${e.stack}`)`. */
const hostLine = (e: Error) => `${e}: ${e.stack}`;

describe("provider: one line per failure (issue 8.5)", () => {
  it("recognizes the host's echo of an error, whatever its class or message", () => {
    assert.ok(isHostErrorEcho([hostLine(new Error("NicSRS collect: connection refused"))]));
    assert.ok(isHostErrorEcho([hostLine(new NicSrsTransportError("collect", "NicSRS collect: connection refused (ECONNREFUSED)", false, "ECONNREFUSED"))]));
    assert.ok(isHostErrorEcho([hostLine(new TypeError("x is not a function"))]));
    assert.ok(isHostErrorEcho([hostLine(new Error("invalid Certificate inputs:\n  years: 9 is not allowed"))]));
    const amended = new Error("NicSRS collect: refused");
    amended.message += " (gave up after 3 attempts)";
    assert.ok(isHostErrorEcho([hostLine(amended)]));
    const noStack = new Error("gone");
    noStack.stack = `${noStack}`;
    assert.ok(isHostErrorEcho([hostLine(noStack)]));
  });

  it("leaves every other line alone", () => {
    assert.equal(isHostErrorEcho(["nicsrs: waiting for 260113vghhracpaw (PENDING): 1 domain pending; next check in 4 s"]), false);
    assert.equal(isHostErrorEcho(["nicsrs: Error: a: Error: b\n    at x"]), false);
    assert.equal(isHostErrorEcho(["Error: a: TypeError: b\n    at x"]), false);
    assert.equal(isHostErrorEcho([new Error("x")]), false);
    assert.equal(isHostErrorEcho(["Error: x: Error: x", "more"]), false);
  });

  it("debug logging: NICSRS_DEBUG or PULUMI_DEBUG", () => {
    assert.equal(debugLogging({}), false);
    assert.equal(debugLogging({ NICSRS_DEBUG: "0" }), false);
    assert.equal(debugLogging({ NICSRS_DEBUG: "1" }), true);
    assert.equal(debugLogging({ PULUMI_DEBUG: "true" }), true);
  });
});
