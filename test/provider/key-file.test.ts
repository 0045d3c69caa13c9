// Issue 9.7: with `privateKeyFile` the private key never becomes a Pulumi output: it lives in a
// 0600 file, and the order's CSR is made from it.
import { strict as assert } from "node:assert";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as impl from "../../provider/cert-impl";
import * as validation from "../../provider/validation-impl";
import { certificateMatchesKeyFile, keyFromFile } from "../../provider/key-file";
import { validateCertificateInputs } from "../../provider/certificate-inputs";
import { generateKeyPair, parseCsr, publicKeyMatches } from "../../sdk/x509";
import { baseInputs } from "./fixtures";
import { Host, useSimulator, type Props } from "./harness";

describe("provider: privateKeyFile (issue 9.7)", function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "nicsrs-keyfile-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe("the file", () => {
    it("is created with mode 0600 when absent, and its key is reused after", async () => {
      const path = join(dir, "site.key");
      const first = await keyFromFile(path, { algorithm: "ECDSA", curve: "P-256" });
      assert.equal(first.created, true);
      assert.equal(statSync(path).mode & 0o777, 0o600);
      assert.match(readFileSync(path, "utf8"), /BEGIN PRIVATE KEY/);
      const again = await keyFromFile(path, { algorithm: "ECDSA", curve: "P-256" });
      assert.equal(again.created, false);
      assert.equal(again.privateKeyPem, first.privateKeyPem);
    });

    it("refuses a relative path, a file without a key, and a directory that does not exist; warns on a readable mode", async () => {
      await assert.rejects(keyFromFile("site.key", undefined), /privateKeyFile "site\.key": must be an absolute path/);
      const junk = join(dir, "junk.pem");
      writeFileSync(junk, "hello", { mode: 0o600 });
      await assert.rejects(keyFromFile(junk, undefined), /does not hold a PEM private key/);
      await assert.rejects(keyFromFile(join(dir, "no", "such", "dir.key"), undefined), /cannot be created \(ENOENT/);
      const open = join(dir, "open.key");
      const { privateKeyPem } = await keyFromFile(join(dir, "k.key"), { algorithm: "ECDSA", curve: "P-256" });
      writeFileSync(open, privateKeyPem, { mode: 0o644 });
      const warnings: string[] = [];
      await keyFromFile(open, undefined, (l) => warnings.push(l));
      assert.match(warnings.join("\n"), /has mode 0644; others can read the key/);
    });

    it("check: not with csr or keySource ca, and only an absolute path", () => {
      const fs = (over: Props) => validateCertificateInputs({ ...baseInputs(), ...over }).map((f) => `${f.property}: ${f.reason}`);
      assert.deepEqual(fs({ privateKeyFile: "/etc/ssl/private/site.key" }), []);
      assert.match(fs({ privateKeyFile: "site.key" }).join("\n"), /privateKeyFile: "site\.key" is not an absolute path/);
      assert.match(fs({ privateKeyFile: "/k", keySource: "ca" }).join("\n"), /privateKeyFile: cannot be combined with keySource "ca"/);
    });
  });

  describe("create against the simulator", () => {
    const h = useSimulator();
    const cert = new Host(impl);

    it("orders with a CSR from the file's key and outputs no private key", async () => {
      const path = join(dir, "site.key");
      const { outs } = await cert.create({ ...baseInputs(), refIdSeed: `test/keyfile/${Date.now()}`, privateKeyFile: path, key: { algorithm: "ECDSA", curve: "P-256" } });
      assert.equal(outs.privateKeyPem, undefined, "no private key in the outputs");
      assert.ok(!JSON.stringify(outs).includes("PRIVATE KEY"), "no private key anywhere in the outputs");
      const key = readFileSync(path, "utf8");
      assert.equal(statSync(path).mode & 0o777, 0o600);
      assert.ok(publicKeyMatches(key, String(outs.csrPem)), "the CSR belongs to the file's key");
      assert.deepEqual(parseCsr(String(outs.csrPem)).sans.sort(), ["api.example.com", "www.example.com"]);
      assert.equal((await h.calls()).place, 1);
    });

    /** A Certificate with its key in `path`, ordered and issued (DCV approved, then validated). */
    async function issuedWithKeyFile(path: string) {
      const inputs = { ...baseInputs(), refIdSeed: `test/keyfile-issued/${path}/${Date.now()}`, privateKeyFile: path, key: { algorithm: "ECDSA", curve: "P-256" } };
      const { id, outs } = await cert.create(inputs);
      await h.sim.admin.approveDcv(id);
      await new Host(validation).create({ certId: id, timeoutMinutes: 1 });
      return { inputs, id, outs };
    }

    it("the issued certificate is checked against the file's key: a different key there means a free reissue with it", async () => {
      const path = join(dir, "site.key");
      const { inputs, id, outs } = await issuedWithKeyFile(path);

      const issued = (await cert.read(id, outs)).props!;
      assert.match(String(issued.certificatePem), /BEGIN CERTIFICATE/);
      assert.equal(await certificateMatchesKeyFile(path, String(issued.certificatePem)), "match");
      assert.equal(issued.keyMismatch, undefined);
      assert.equal((await cert.diff(id, issued, inputs)).changes, false);

      // The file now holds another key (restored from an old backup, regenerated by hand …).
      writeFileSync(path, (await generateKeyPair({ algorithm: "ECDSA", curve: "P-256" })).privateKeyPem, { mode: 0o600 });
      const refreshed = (await cert.read(id, issued)).props!;
      assert.equal(refreshed.keyMismatch, true);
      h.progress.length = 0;
      const d = await cert.diff(id, refreshed, inputs);
      assert.equal(d.changes, true);
      assert.deepEqual(d.replaces, []);
      assert.match(h.progress.join("\n"), /plan: free reissue inside the subscription: the issued certificate does not match the private key/);

      await h.sim.admin.resetCalls();
      const updated = await cert.update(id, refreshed, inputs);
      const calls = await h.calls();
      assert.equal(calls.reissue, 1);
      assert.equal(calls.place ?? 0, 0);
      assert.equal(updated.privateKeyPem, undefined, "still no key in the outputs");
      const reissued = await h.sim.admin.order(String(updated.certId));
      assert.equal(reissued.reissueOf, id);
      assert.ok(publicKeyMatches(readFileSync(path, "utf8"), reissued.csrPem), "the reissue's CSR is the file's key");
    });

    it("a key file absent on this machine is reported, not taken for a mismatch", async () => {
      const path = join(dir, "elsewhere.key");
      const { inputs, id, outs } = await issuedWithKeyFile(path);
      rmSync(path);
      h.progress.length = 0;
      const p = (await cert.read(id, outs)).props!;
      assert.match(String(p.certificatePem), /BEGIN CERTIFICATE/);
      assert.equal(p.keyMismatch, undefined);
      assert.match(h.progress.join("\n"), /privateKeyFile .*elsewhere\.key holds no key on this machine; the issued certificate was not checked against it/);
      assert.equal((await cert.diff(id, p, inputs)).changes, false);
    });
  });
});
