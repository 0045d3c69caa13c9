// The published declaration files compile in a program with the tsconfig `pulumi new typescript`
// writes (strict, commonjs, moduleResolution node, no esModuleInterop, no skipLibCheck), and never
// reach zod (whose .d.cts fails there with TS1259). Builds dist/ first.
import { strict as assert } from "node:assert";
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { STOCK_TSCONFIG } from "../helpers/stock-tsconfig";

const ROOT = join(__dirname, "..", "..");
const TSC = join(ROOT, "node_modules", "typescript", "bin", "tsc");

const CONSUMER = `
import * as pulumi from "@pulumi/pulumi";
import { Certificate, CertificateValidation, type ContactArgs } from "pulumi-nicsrs";
import { startSimulator, type RunningSimulator } from "pulumi-nicsrs/simulator";
import { NicSrsClient, type CollectResult, type Contact, type DcvMethod, type OrganizationInfo, type Product, type CaaCheckResult } from "pulumi-nicsrs/sdk";

const administrator: ContactArgs & Contact = {
  job: "IT", city: "Berlin", email: "admin@example.com", state: "BE", mobile: "+49.301234567", address: "Street 1",
  country: "DE", lastName: "Doe", postCode: "10115", firstName: "Jane", organization: "Example GmbH",
};
const method: DcvMethod = "CNAME_CSR_HASH";
const org: OrganizationInfo | undefined = undefined;
const cert = new Certificate("site", { productCode: "positivessl", domains: ["example.com"], dcvMethod: method, administrator });
new CertificateValidation("site-validation", { certId: cert.certId });
export const certId: pulumi.Output<string> = cert.certId;

export async function simulator(): Promise<RunningSimulator> {
  return startSimulator({ port: 0 });
}

export async function facts(client: NicSrsClient): Promise<[Product[], CollectResult, CaaCheckResult, string[], typeof org]> {
  return [await client.productList(), await client.collect("x"), await client.caaCheck("example.com"), await client.approverEmails("example.com"), org];
}
`;

function dtsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".d.ts"))
    .map((e) => join(e.parentPath, e.name));
}

/** A program directory with the package laid out as npm would install it (package.json + dist only). */
function consumerProgram(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), "nicsrs-consumer-"));
  const pkg = join(dir, "node_modules", "pulumi-nicsrs");
  mkdirSync(pkg, { recursive: true });
  copyFileSync(join(ROOT, "package.json"), join(pkg, "package.json"));
  symlinkSync(join(ROOT, "dist"), join(pkg, "dist"), "dir");
  mkdirSync(join(dir, "node_modules", "@pulumi"), { recursive: true });
  symlinkSync(join(ROOT, "node_modules", "@pulumi", "pulumi"), join(dir, "node_modules", "@pulumi", "pulumi"), "dir");
  mkdirSync(join(dir, "node_modules", "@types"), { recursive: true });
  symlinkSync(join(ROOT, "node_modules", "@types", "node"), join(dir, "node_modules", "@types", "node"), "dir");
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ ...STOCK_TSCONFIG, compilerOptions: { ...STOCK_TSCONFIG.compilerOptions, pretty: false } }, null, 2));
  writeFileSync(join(dir, "index.ts"), source);
  return dir;
}

function typecheck(dir: string): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [TSC, "-p", join(dir, "tsconfig.json"), "--noEmit"], { cwd: dir, encoding: "utf8" });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe("published types: the stock Pulumi TypeScript template compiles against dist/", function () {
  this.timeout(300_000);
  const dirs: string[] = [];

  before(() => {
    execFileSync(process.execPath, [TSC, "-p", join(ROOT, "tsconfig.json")], { cwd: ROOT, stdio: "pipe" });
  });
  after(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it("no declaration file in dist/ imports or references zod", () => {
    const files = dtsFiles(join(ROOT, "dist"));
    assert.ok(files.length > 20, `expected the build's .d.ts files, found ${files.length}`);
    const offenders = files.filter((f) => /["']zod(\/[^"']*)?["']|\bz\.Zod|\bZodType\b/.test(readFileSync(f, "utf8"))).map((f) => relative(ROOT, f));
    assert.deepEqual(offenders, []);
  });

  it("a program importing pulumi-nicsrs, pulumi-nicsrs/sdk and pulumi-nicsrs/simulator type-checks with the stock tsconfig (no skipLibCheck)", () => {
    const dir = consumerProgram(CONSUMER);
    dirs.push(dir);
    const r = typecheck(dir);
    assert.equal(r.status, 0, r.output);
  });

  it("and the types are real: a wrong DCV method in that program is a type error", () => {
    const dir = consumerProgram(CONSUMER.replace('const method: DcvMethod = "CNAME_CSR_HASH";', 'const method: DcvMethod = "FTP_UPLOAD";'));
    dirs.push(dir);
    const r = typecheck(dir);
    assert.notEqual(r.status, 0);
    assert.match(r.output, /index\.ts\(\d+,\d+\): error TS2322: Type '"FTP_UPLOAD"' is not assignable to type/);
  });
});
