// sdk/dns against real PowerDNS servers on loopback: example.test delegates sub.example.test to two
// servers (NS + glue), so the lookups walk a real delegation and a record can be on one server only.
import { strict as assert } from "node:assert";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { caaDecision, checkHttpFile, checkRecord, describeCheck, DnsResolver, relevantCaa } from "../../sdk/dns";
import { CAA_ISSUERS } from "../../sdk/dns/caa-issuers";
import { setRrSets } from "../../scripts/dns/powerdns";
import { LAB_SUB_ZONE, LAB_ZONE, startLab, type Lab } from "../../scripts/engine/lab";

describe("sdk/dns: NS walk, per-server record checks and CAA against PowerDNS", function () {
  this.timeout(60_000);
  let lab: Lab;
  let resolver: DnsResolver;
  before(async function () {
    this.timeout(120_000);
    lab = await startLab({ delegatedZone: true });
    resolver = new DnsResolver({ resolvers: [lab.dns.dnsAddress], nameserverAddresses: lab.nameserverAddresses });
  });
  after(() => lab?.stop());

  const record = { name: `_abc.www.${LAB_SUB_ZONE}`, type: "CNAME" as const, value: "aa.bb.sectigo.com" };

  it("finds the delegated zone and both of its authoritative servers by walking NS from the parent", async () => {
    const z = await resolver.zoneOf(record.name);
    assert.equal(z.zone, LAB_SUB_ZONE);
    assert.deepEqual(z.nameservers.map((n) => `${n.name}=${n.address.host}:${n.address.port}`).sort(), [
      `ns1.${LAB_SUB_ZONE}=${lab.subDns[0].dnsAddress}`,
      `ns2.${LAB_SUB_ZONE}=${lab.subDns[1].dnsAddress}`,
    ]);
    const parent = await resolver.zoneOf(`_x.www.${LAB_ZONE}`);
    assert.equal(parent.zone, LAB_ZONE);
  });

  it("missing, then on 1 of 2 servers, then visible; a wrong value names expected and seen", async () => {
    let c = await checkRecord(resolver, record);
    assert.equal(c.state, "missing");
    assert.match(describeCheck(c), /is missing at the authoritative servers of sub\.example\.test \(expected aa\.bb\.sectigo\.com\)/);

    await setRrSets(lab.subDns[1], LAB_SUB_ZONE, [{ name: record.name, type: "CNAME", contents: [`${record.value}.`] }]);
    c = await checkRecord(resolver, record);
    assert.equal(c.state, "partial");
    assert.deepEqual([c.present, c.total], [1, 2]);
    assert.match(describeCheck(c), /present at 1 of 2 authoritative servers \(not yet at ns1\.sub\.example\.test/);

    await setRrSets(lab.subDns[0], LAB_SUB_ZONE, [{ name: record.name, type: "CNAME", contents: [`${record.value}.`] }]);
    c = await checkRecord(resolver, record);
    assert.equal(c.state, "visible");

    for (const s of lab.subDns) await setRrSets(s, LAB_SUB_ZONE, [{ name: record.name, type: "CNAME", contents: ["aa.bc.sectigo.com."] }]);
    c = await checkRecord(resolver, record);
    assert.equal(c.state, "wrong");
    assert.match(describeCheck(c), /has the wrong value: expected aa\.bb\.sectigo\.com, seen aa\.bc\.sectigo\.com/);
  });

  it("follows a CNAME from the record's name to a TXT in another zone", async () => {
    const name = `_dnsauth.api.${LAB_ZONE}`;
    const target = `_dnsauth.api.${LAB_SUB_ZONE}`;
    await setRrSets(lab.dns, LAB_ZONE, [{ name, type: "CNAME", contents: [`${target}.`] }]);
    for (const s of lab.subDns) await setRrSets(s, LAB_SUB_ZONE, [{ name: target, type: "TXT", contents: ['"token-123"'] }]);
    const c = await checkRecord(resolver, { name, type: "TXT", value: "token-123" });
    assert.equal(c.state, "visible", describeCheck(c));
    assert.deepEqual(c.authoritative.map((v) => v.seen), [["token-123"]]);
    const bad = await checkRecord(resolver, { name, type: "TXT", value: "token-999" });
    assert.equal(bad.state, "wrong");
  });

  it("CAA: climbs from a delegated name to the parent's record set; issue, issuewild and the critical flag", async () => {
    const host = `www.${LAB_SUB_ZONE}`;
    let found = await relevantCaa(resolver, host);
    assert.deepEqual(found, { records: [] });
    assert.equal(caaDecision(found, CAA_ISSUERS.Sectigo, false).allowed, true);

    await setRrSets(lab.dns, LAB_ZONE, [{ name: LAB_ZONE, type: "CAA", contents: ['0 issue "letsencrypt.org"', '0 issuewild "sectigo.com"'] }]);
    found = await relevantCaa(resolver, host);
    assert.equal(found.at, LAB_ZONE);
    const plain = caaDecision(found, CAA_ISSUERS.Sectigo, false);
    assert.equal(plain.allowed, false);
    assert.match(plain.reason, /allows only letsencrypt\.org .*needs one of sectigo\.com/);
    assert.equal(caaDecision(await relevantCaa(resolver, `*.${LAB_SUB_ZONE}`), CAA_ISSUERS.Sectigo, true).allowed, true, "issuewild governs wildcards");

    // A CAA set at the delegated zone wins over the parent's.
    for (const s of lab.subDns) await setRrSets(s, LAB_SUB_ZONE, [{ name: LAB_SUB_ZONE, type: "CAA", contents: ['0 issue "comodoca.com"'] }]);
    found = await relevantCaa(resolver, host);
    assert.equal(found.at, LAB_SUB_ZONE);
    assert.equal(caaDecision(found, CAA_ISSUERS.Sectigo, false).allowed, true);
    assert.equal(caaDecision(found, CAA_ISSUERS.DigiCert, false).allowed, false);

    for (const s of lab.subDns) await setRrSets(s, LAB_SUB_ZONE, [{ name: LAB_SUB_ZONE, type: "CAA", contents: ['0 issue "sectigo.com"', '128 futuretag "x"'] }]);
    const critical = caaDecision(await relevantCaa(resolver, host), CAA_ISSUERS.Sectigo, false);
    assert.equal(critical.allowed, false);
    assert.match(critical.reason, /unknown critical property "futuretag"/);
    for (const s of lab.subDns) await setRrSets(s, LAB_SUB_ZONE, [{ name: LAB_SUB_ZONE, type: "CAA", contents: [] }]);
    await setRrSets(lab.dns, LAB_ZONE, [{ name: LAB_ZONE, type: "CAA", contents: [] }]);
  });

  it("HTTP-file DCV: fetches the URL at the host's address from DNS; reports status and body mismatches", async () => {
    await setRrSets(lab.dns, LAB_ZONE, [{ name: `web.${LAB_ZONE}`, type: "A", contents: ["127.0.0.1"] }]);
    const server = createServer((req, res) => {
      if (req.url === "/.well-known/pki-validation/ABC.txt" && req.headers.host?.startsWith(`web.${LAB_ZONE}`)) res.end("HASH\nsectigo.com\n");
      else res.writeHead(404).end("no");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const port = (server.address() as AddressInfo).port;
    try {
      const url = `http://web.${LAB_ZONE}/.well-known/pki-validation/ABC.txt`;
      assert.deepEqual(await checkHttpFile(resolver, url, "hash\nsectigo.com", { port }), { url, ok: true, detail: "content matches" });
      const wrong = await checkHttpFile(resolver, url, "OTHER\nsectigo.com", { port });
      assert.equal(wrong.ok, false);
      assert.match(wrong.detail, /body differs: expected "OTHER\\nsectigo\.com", seen "HASH\\nsectigo\.com"/);
      const missing = await checkHttpFile(resolver, `http://web.${LAB_ZONE}/.well-known/pki-validation/NOPE.txt`, "x", { port });
      assert.deepEqual([missing.ok, missing.detail], [false, "HTTP 404"]);
      const noHost = await checkHttpFile(resolver, `http://nohost.${LAB_ZONE}/x.txt`, "x", { port });
      assert.deepEqual([noHost.ok, noHost.detail], [false, `nohost.${LAB_ZONE} has no A record`]);
    } finally {
      server.close();
    }
  });
});
