// The nicsrs-simulator command: flags, the printed URL, SIGTERM.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
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
      assert.ok(!out.includes("cli-token"), "the token is never printed");
      const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      child.kill("SIGTERM");
      assert.equal(await exit, 0);
      assert.match(out, /POST \/ssl\/productList -> 200 code=1/);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
