// File-based DCV over real HTTP/HTTPS (a server the test runs; the VA connects to it via httpValidationHost/Port)
// and EMAIL DCV approved through the admin API.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { publicKeySpkiDerOf } from "../../sdk/x509";
import { CertificateAuthority } from "../../simulator";
import { useSimulator } from "../helpers/simulator";
import { csrFor, expectedSectigoDcv, placeFields, sharedRsaKey } from "./fixtures";

/** Serves `files[host + path]`; records `host path` of each request. */
function fileHandler(files: Map<string, string>, seen: string[]): http.RequestListener {
  return (req, res) => {
    const key = `${req.headers.host}${req.url}`;
    seen.push(key);
    const body = files.get(key);
    res.writeHead(body === undefined ? 404 : 200, { "content-type": "text/plain" });
    res.end(body ?? "not found");
  };
}

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

describe("simulator: HTTP/HTTPS file DCV and EMAIL DCV", () => {
  const files = new Map<string, string>();
  const seen: string[] = [];
  let httpServer: http.Server;
  let httpsServer: https.Server;
  let ports = { http: 0, https: 0 };
  let caDir = "";

  before(async () => {
    httpServer = http.createServer(fileHandler(files, seen));
    caDir = mkdtempSync(join(tmpdir(), "dcv-https-ca-"));
    const ca = await CertificateAuthority.open(caDir);
    const key = await sharedRsaKey();
    const now = new Date();
    const tls = await ca.issueLeaf({ publicKeySpkiDer: publicKeySpkiDerOf(key.privateKeyPem), commonName: "tls.test", dnsNames: ["tls.test"], notBefore: now, notAfter: new Date(now.getTime() + 86_400_000) });
    httpsServer = https.createServer({ key: key.privateKeyPem, cert: tls.certificatePem }, fileHandler(files, seen));
    ports = { http: await listen(httpServer), https: await listen(httpsServer) };
  });
  after(async () => {
    await new Promise((r) => httpServer.close(r));
    await new Promise((r) => httpsServer.close(r));
    rmSync(caDir, { recursive: true, force: true });
  });

  const sim = useSimulator(() => ({ httpValidationHost: "127.0.0.1", httpValidationPort: ports.http, httpsValidationPort: ports.https }));

  async function place(fields: ReturnType<typeof placeFields>) {
    const res = await sim.post("place", fields);
    assert.equal(res.json.code, 1, res.text);
    return res.json.data;
  }
  const status = async (certId: string) => (await sim.post("collect", { certId })).json.status;

  for (const method of ["HTTP_CSR_HASH", "HTTPS_CSR_HASH"] as const) {
    it(`${method}: the file named by the MD5 must hold SHA-256, sectigo.com (and uniqueValue)`, async () => {
      const domain = `${method.startsWith("HTTPS") ? "https" : "http"}.files.example.com`;
      const csr = await csrFor([domain]);
      const expected = expectedSectigoDcv(csr);
      const placed = await place(placeFields({ domains: [domain], csr, method, extra: { uniqueValue: "U42" } }));
      assert.equal(placed.DCVfileName, `${expected.md5}.txt`);
      assert.equal(placed.DCVfilePath, expected.filePath);
      assert.equal(placed.DCVfileContent, `${expected.sha256}\nsectigo.com\nU42`);
      // Real answers carry all six DCV fields whatever the method (issue 14; was "only the chosen method's").
      assert.equal(placed.DCVdnsHost, `_${expected.md5}`);
      assert.equal(placed.dcvMethod, method);

      assert.equal(await status(placed.certId), "PENDING");
      assert.ok(seen.includes(`${domain}${expected.filePath}`), "fetched with the domain as Host");
      files.set(`${domain}${expected.filePath}`, `${expected.sha256}\nsectigo.com\nWRONG\n`);
      assert.equal(await status(placed.certId), "PENDING");
      files.set(`${domain}${expected.filePath}`, `${expected.sha256.toLowerCase()}\r\nsectigo.com\r\nU42\r\n`);
      assert.equal(await status(placed.certId), "COMPLETE");
    });
  }

  it("EMAIL: stays PENDING until approved through the admin API, domain by domain", async () => {
    const domains = ["mail.example.com", "shop.example.org"];
    const fields = placeFields({ productCode: "positivessl-multi-domain", domains, csr: await csrFor(domains), method: "EMAIL", dcvEmail: "admin@example.com" });
    fields.params.domainInfo[1] = { domainName: "shop.example.org", dcvMethod: "EMAIL", dcvEmail: "postmaster@example.org" };
    const placed = await place(fields);
    assert.equal(placed.dcvInfo["mail.example.com"].dcvEmail, "admin@example.com");
    assert.equal(await status(placed.certId), "PENDING");
    assert.match((await sim.admin.order(placed.certId)).domains[0].lastCheck ?? "", /approve/);
    await sim.admin.approveDcv(placed.certId, "mail.example.com");
    const half = (await sim.post("collect", { certId: placed.certId })).json;
    assert.equal(half.status, "PENDING");
    assert.deepEqual(half.data.dcvList.map((d: { is_verify: string }) => d.is_verify), ["verified", ""]);
    await sim.admin.approveDcv(placed.certId, "shop.example.org");
    assert.equal(await status(placed.certId), "COMPLETE");
  });

  it("updateDCV from EMAIL to HTTP, then the file validates", async () => {
    const domain = "switch.example.com";
    const csr = await csrFor([domain]);
    const expected = expectedSectigoDcv(csr);
    const placed = await place(placeFields({ domains: [domain], csr, method: "EMAIL", dcvEmail: "webmaster@switch.example.com" }));
    const bad = await sim.post("updateDCV", { certId: placed.certId, domainName: domain, dcvMethod: "EMAIL", dcvEmail: "root@example.com" });
    assert.equal(bad.json.code, -1);
    assert.ok(bad.json.errors.dcvEmail);
    const upd = await sim.post("updateDCV", { certId: placed.certId, domainName: domain, dcvMethod: "HTTP_CSR_HASH" });
    assert.equal(upd.json.data.DCVfilePath, expected.filePath);
    files.set(`${domain}${expected.filePath}`, `${expected.sha256}\nsectigo.com`);
    assert.equal(await status(placed.certId), "COMPLETE");
  });
});
