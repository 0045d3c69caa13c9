// The issuance wait's adaptive schedule on a simulated clock: how often it asks the CA while a record
// is missing, once every record is visible, when one appears, and through transient failures.
import { strict as assert } from "node:assert";
import type { CollectResult } from "../../sdk/nicsrs";
import { NicSrsResponseError, NicSrsTransportError, NicSrsApiError } from "../../sdk/nicsrs";
import { DEFAULT_ADAPTIVE, setProgressSink } from "../../provider/poll";
import { waitForIssued } from "../../provider/issuance-wait";
import type { PreflightReport } from "../../provider/dcv-preflight";

const pending = { certId: "c1", status: "PENDING", domains: [{ domain: "www.example.com", verified: false }], dcv: { dns: [], files: [], emails: [] } } as unknown as CollectResult;
const issued = { ...pending, status: "COMPLETE", certificatePem: "-----BEGIN CERTIFICATE-----" } as unknown as CollectResult;
const report = (state: "missing" | "visible"): PreflightReport => ({
  domains: [{ domain: "www.example.com", readiness: state, line: `www.example.com: CNAME _x.www.example.com ${state}` }],
  ready: state === "visible",
  anyMissing: state === "missing",
});

function clock() {
  let t = 0;
  return { now: () => t, sleep: async (ms: number) => void (t += ms), at: () => t };
}

describe("provider: the issuance wait's adaptive schedule (simulated clock)", () => {
  let old: (l: string) => void;
  const lines: string[] = [];
  before(() => (old = setProgressSink((l) => lines.push(l))));
  after(() => setProgressSink(old));
  const dns = { enabled: true, resolvers: [], extraResolvers: [], nameserverAddresses: {} };

  it("a record missing for the whole 10 minutes: at most 25 collects (the slow interval)", async () => {
    const c = clock();
    let collects = 0;
    const r = await waitForIssued({
      certId: "c1",
      timeoutMs: 10 * 60_000,
      collect: async () => (collects++, pending),
      dns,
      preflight: { run: async () => report("missing") },
      schedule: DEFAULT_ADAPTIVE,
      ...c,
    });
    assert.equal(r.done, false);
    assert.equal(r.reason, "timeout");
    assert.ok(collects <= 25 && collects >= 19, `${collects} collects`);
    assert.ok(lines.some((l) => l.includes("www.example.com: CNAME _x.www.example.com missing")));
  });

  it("every record visible: the CA is asked at most 4 s apart", async () => {
    const c = clock();
    const times: number[] = [];
    await waitForIssued({
      certId: "c1",
      timeoutMs: 60_000,
      collect: async () => (times.push(c.at()), times.length >= 10 ? issued : pending),
      dns,
      preflight: { run: async () => report("visible") },
      schedule: DEFAULT_ADAPTIVE,
      ...c,
    });
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    assert.equal(gaps.length, 9);
    assert.ok(gaps.every((g) => g > 0 && g <= 4000), gaps.join(", "));
  });

  it("a record that appears during a slow wait triggers a collect within the DNS re-check interval", async () => {
    const c = clock();
    const appearsAt = 100_000;
    let issuedAt: number | undefined;
    const r = await waitForIssued({
      certId: "c1",
      timeoutMs: 10 * 60_000,
      collect: async () => (c.at() >= appearsAt ? ((issuedAt ??= c.at()), issued) : pending),
      dns,
      preflight: { run: async () => report(c.at() >= appearsAt ? "visible" : "missing") },
      schedule: DEFAULT_ADAPTIVE,
      ...c,
    });
    assert.equal(r.done, true);
    assert.ok(issuedAt! - appearsAt <= DEFAULT_ADAPTIVE.dnsEveryMs, `noticed ${issuedAt! - appearsAt} ms after`);
  });

  it("transient failures (transport, 5xx, code -2) do not end the wait; an API error does", async () => {
    const c = clock();
    const failures = [
      new NicSrsTransportError("collect", "socket hang up", true),
      new NicSrsResponseError("collect", "HTTP 503", 503, ""),
      new NicSrsApiError("collect", -2, ["unknown error"]),
    ];
    let n = 0;
    const r = await waitForIssued({
      certId: "c1",
      timeoutMs: 5 * 60_000,
      collect: async () => {
        n++;
        if (n >= 2 && n <= 4) throw failures[n - 2];
        return n >= 5 ? issued : pending;
      },
      dns: { ...dns, enabled: false },
      schedule: DEFAULT_ADAPTIVE,
      ...c,
    });
    assert.equal(r.done, true);
    assert.equal(n, 5);

    await assert.rejects(
      waitForIssued({
        certId: "c1",
        timeoutMs: 60_000,
        collect: async () => {
          throw new NicSrsApiError("collect", 400, ["permission denied"]);
        },
        dns: { ...dns, enabled: false },
        ...clock(),
      }),
      /permission denied/,
    );
  });
});
