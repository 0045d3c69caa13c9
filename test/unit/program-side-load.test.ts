// The package root is what a Pulumi program loads on every preview and up: the resource classes and
// their field tables, not the CA clients (undici, node-forge, zod), which only the provider process needs.
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");

describe("unit: what the package root loads in the program", function () {
  this.timeout(60_000);

  it("loads the resource classes without the CA clients and their dependencies", () => {
    const script =
      "const before = new Set(Object.keys(require.cache));" +
      "const root = require('./index');" +
      "if (typeof root.Certificate !== 'function' || typeof root.SmimeCertificate !== 'function' || !root.SECTIGO_CONFIG) throw new Error('exports missing');" +
      "process.stdout.write(JSON.stringify(Object.keys(require.cache).filter((k) => !before.has(k))))";
    const loaded = JSON.parse(execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", script], { cwd: ROOT, encoding: "utf8" })) as string[];
    const rel = loaded.map((k) => k.slice(ROOT.length + 1));
    assert.ok(rel.includes("provider/certificate.ts"), `the check did not see the package load: ${rel.join(", ")}`);
    const heavy = rel.filter((k) => /node_modules\/(zod|undici|node-forge|fflate)\/|^sdk\/(sectigo|nicsrs\/(client|wire)\.)|^sdk\/x509/.test(k));
    assert.deepEqual(heavy, [], `the package root loads provider-process code: ${heavy.join(", ")}`);
  });
});
