// The nicsrs-simulator command: flags, the printed URL, SIGTERM.
import assert from "node:assert/strict";
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { postNicsrs } from "../helpers/simulator";

describe("simulator: cli", () => {
  it("starts with --port 0 --token --credit --data-dir, prints the URL, serves, stops on SIGTERM", async function () {
    this.timeout(60_000);
    const dir = mkdtempSync(join(tmpdir(), "nicsrs-cli-"));
    const child = spawn(
      process.execPath,
      ["-r", "ts-node/register", join(__dirname, "../../simulator/cli.ts"), "--port", "0", "--token", "cli-token", "--credit", "42", "--data-dir", dir],
      { env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" }, stdio: ["ignore", "pipe", "pipe"] },
    );
    try {
      let out = "";
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on("data", (c: Buffer) => {
          out += c.toString();
          const m = /listening on (http:\/\/\S+)/.exec(out);
          if (m) resolve(m[1]);
        });
        child.stderr.on("data", (c: Buffer) => (out += c.toString()));
        child.once("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const res = await postNicsrs(url, "cli-token", "productList", {});
      assert.equal(res.json.code, 1);
      const credit = await fetch(`${url}/__admin/credit`).then((r) => r.json());
      assert.deepEqual(credit, { credit: 42 });
      assert.ok(out.includes(`pulumi config set nicsrs:endpoint ${url}\n`), out);
      assert.ok(out.includes("pulumi config set --secret nicsrs:apiToken cli-token\n"), out);
      assert.match(out, /API token: +cli-token/);
      const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      child.kill("SIGTERM");
      assert.equal(await exit, 0);
      assert.match(out, /POST \/ssl\/productList -> 200 code=1/);
      const requestLog = out.split("\n").filter((line) => /^\d{4}-\d\d-\d\dT/.test(line));
      assert.ok(requestLog.length > 0, out);
      assert.ok(!requestLog.some((line) => line.includes("cli-token")), "request logs never show the token");
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("--help lists every flag with a description and its default", () => {
    const out = execFileSync(process.execPath, ["-r", "ts-node/register", join(__dirname, "../../simulator/cli.ts"), "--help"], {
      env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" },
      encoding: "utf8",
    });
    for (const [flag, dflt] of [
      ["--port N", "8580"],
      ["--host H", "127.0.0.1"],
      ["--data-dir DIR", ".nicsrs-simulator"],
      ["--token T", "sim-token"],
      ["--dns HOST:PORT", "the system resolvers"],
      ["--processing-collects N", "0"],
    ]) {
      const line = out.split("\n").find((l) => l.includes(flag));
      assert.ok(line, `${flag} missing from:\n${out}`);
      assert.match(line, new RegExp(`--\\S+ \\S+ +\\w.*\\(default: ${dflt.replace(/\./g, "\\.")}\\)$`), line);
    }
    for (const flag of ["auto-validate-seconds", "auto-validate-collects", "credit", "http-validation-host", "http-validation-port", "https-validation-port", "help"]) {
      assert.match(out, new RegExp(`--${flag}\\b.* \\w+`), flag);
    }
  });

  it("a bad number names the flag", () => {
    const res = spawnSync(process.execPath, ["-r", "ts-node/register", join(__dirname, "../../simulator/cli.ts"), "--port", "eighty"], {
      env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" },
      encoding: "utf8",
    });
    assert.equal(res.status, 1);
    assert.match(res.stderr, /--port must be a number, got "eighty"/);
  });
});
