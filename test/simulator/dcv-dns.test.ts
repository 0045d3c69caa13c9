// DNS-based DCV against a real DNS server (dns2 on loopback): Sectigo CNAME CSR-hash and DigiCert _dnsauth TXT.
import assert from "node:assert/strict";
import { promises as dns } from "node:dns";
import { useDnsServer } from "../helpers/dns-server";
import { useSimulator } from "../helpers/simulator";
import { csrFor, expectedSectigoDcv, placeFields } from "./fixtures";

describe("simulator: DNS DCV", () => {
  const dnsServer = useDnsServer();
  const sim = useSimulator(() => ({ dns: dnsServer.server.address }));

  async function place(fields: ReturnType<typeof placeFields>) {
    const res = await sim.post("place", fields);
    assert.equal(res.json.code, 1, res.text);
    return res.json.data;
  }

  async function collect(certId: string) {
    const res = await sim.post("collect", { certId });
    assert.ok(res.json.code === 1 || res.json.code === 2, res.text);
    return res.json;
  }

  it("the test DNS server answers CNAME and TXT to node's resolver", async () => {
    dnsServer.server.setCname("_x.example.com", "target.example.net");
    dnsServer.server.setTxt("_y.example.com", "hello");
    const r = new dns.Resolver();
    r.setServers([dnsServer.server.address]);
    assert.deepEqual(await r.resolveCname("_x.example.com"), ["target.example.net"]);
    assert.deepEqual(await r.resolveTxt("_y.example.com"), [["hello"]]);
    await assert.rejects(r.resolveCname("_z.example.com"), { code: "ENOTFOUND" });
  });

  it("CNAME CSR-hash: the record equals an independent computation; PENDING until it exists, then COMPLETE", async () => {
    const csr = await csrFor(["www.dns.example.com"]);
    const expected = expectedSectigoDcv(csr);
    const placed = await place(placeFields({ domains: ["www.dns.example.com"], csr }));
    assert.equal(placed.DCVdnsHost, expected.cnameHost);
    assert.equal(placed.DCVdnsValue, expected.cnameValue);
    assert.equal(placed.DCVdnsType, "CNAME");

    const before = await collect(placed.certId);
    assert.equal(before.status, "PENDING");
    assert.equal(before.data.dcvList[0].is_verify, "");
    assert.equal(before.data.certificate, undefined);
    assert.ok(dnsServer.server.queries.includes(`CNAME ${expected.cnameHost.toLowerCase()}.www.dns.example.com`), dnsServer.server.queries.join("\n"));

    dnsServer.server.setCname(`${expected.cnameHost}.www.dns.example.com`, expected.cnameValue);
    const after = await collect(placed.certId);
    assert.equal(after.status, "COMPLETE");
    assert.equal(after.data.dcvList[0].is_verify, "verified");
  });

  it("a CNAME pointing elsewhere does not validate", async () => {
    const csr = await csrFor(["wrong.example.com"]);
    const expected = expectedSectigoDcv(csr);
    const placed = await place(placeFields({ domains: ["wrong.example.com"], csr }));
    dnsServer.server.setCname(`${expected.cnameHost}.wrong.example.com`, "0000.1111.sectigo.com");
    assert.equal((await collect(placed.certId)).status, "PENDING");
    assert.match((await sim.admin.order(placed.certId)).domains[0].lastCheck ?? "", /expected/);
  });

  it("a record at a parent domain validates; the bare TLD is never queried", async () => {
    const csr = await csrFor(["deep.sub.parent.example"]);
    const expected = expectedSectigoDcv(csr);
    const placed = await place(placeFields({ domains: ["deep.sub.parent.example"], csr }));
    assert.equal((await collect(placed.certId)).status, "PENDING");
    const host = expected.cnameHost.toLowerCase();
    assert.deepEqual(
      dnsServer.server.queries.filter((q) => q.includes(host)),
      [`CNAME ${host}.deep.sub.parent.example`, `CNAME ${host}.sub.parent.example`, `CNAME ${host}.parent.example`],
    );
    dnsServer.server.setCname(`${expected.cnameHost}.parent.example`, expected.cnameValue);
    assert.equal((await collect(placed.certId)).status, "COMPLETE");
  });

  it("a wildcard is validated at the name without '*.'; uniqueValue goes into the CNAME value", async () => {
    const csr = await csrFor(["*.wild.example.com"]);
    const expected = expectedSectigoDcv(csr, "Abc123");
    const placed = await place(placeFields({ productCode: "positivessl-wildcard", domains: ["*.wild.example.com"], csr, extra: { uniqueValue: "Abc123" } }));
    assert.equal(placed.DCVdnsValue, expected.cnameValue);
    dnsServer.server.setCname(`${expected.cnameHost}.wild.example.com`, expected.cnameValue);
    assert.equal((await collect(placed.certId)).status, "COMPLETE");
  });

  it("multi-domain: dcvInfo per domain; COMPLETE only once every domain passed", async () => {
    const domains = ["one.multi.example.com", "two.multi.example.org"];
    const csr = await csrFor(domains);
    const expected = expectedSectigoDcv(csr);
    const placed = await place(placeFields({ productCode: "positivessl-multi-domain", domains, csr }));
    assert.deepEqual(Object.keys(placed.dcvInfo), domains);
    dnsServer.server.setCname(`${expected.cnameHost}.one.multi.example.com`, expected.cnameValue);
    const half = await collect(placed.certId);
    assert.equal(half.status, "PENDING");
    assert.deepEqual(half.data.dcvList.map((d: { is_verify: string }) => d.is_verify), ["verified", ""]);
    dnsServer.server.setCname(`${expected.cnameHost}.multi.example.org`, expected.cnameValue);
    assert.equal((await collect(placed.certId)).status, "COMPLETE");
  });

  it("rapidssl-standard-dv: TXT at _dnsauth.<domain> holding the random token from place", async () => {
    const csr = await csrFor(["rapid.example.com"]);
    const placed = await place(placeFields({ productCode: "rapidssl-standard-dv", domains: ["rapid.example.com"], csr }));
    assert.equal(placed.DCVdnsHost, "_dnsauth");
    assert.equal(placed.DCVdnsType, "TXT");
    assert.match(placed.DCVdnsValue, /^[0-9a-f]{32}$/);
    dnsServer.server.setTxt("_dnsauth.rapid.example.com", "some-other-token");
    assert.equal((await collect(placed.certId)).status, "PENDING");
    dnsServer.server.setTxt("_dnsauth.rapid.example.com", "some-other-token", placed.DCVdnsValue);
    assert.equal((await collect(placed.certId)).status, "COMPLETE");
  });
});
