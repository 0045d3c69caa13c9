import { strict as assert } from "node:assert";
import { dcvFilePath, dnsRecordName, normalizeDcv, normalizeDcvMethod } from "../../sdk/nicsrs/dcv";

describe("nicsrs DCV normalization", () => {
  describe("dnsRecordName", () => {
    it("appends the domain to a relative host", () => {
      assert.equal(dnsRecordName("_abc123", "example.com"), "_abc123.example.com");
    });
    it("keeps a host that is already an FQDN under the domain (trailing dot dropped)", () => {
      assert.equal(dnsRecordName("_abc123.example.com.", "example.com"), "_abc123.example.com");
      assert.equal(dnsRecordName("_abc.WWW.Example.com", "www.example.com"), "_abc.WWW.Example.com");
    });
    it("drops a wildcard's *. from the domain and from an FQDN host", () => {
      assert.equal(dnsRecordName("_dnsauth", "*.example.com"), "_dnsauth.example.com");
      assert.equal(dnsRecordName("_abc.*.example.com", "*.example.com"), "_abc.example.com");
    });
    it("does not mistake a suffix match without a dot boundary for an FQDN", () => {
      assert.equal(dnsRecordName("_x.myexample.com", "example.com"), "_x.myexample.com.example.com");
    });
  });

  describe("dcvFilePath", () => {
    it("defaults to /.well-known/pki-validation/<name>", () => {
      assert.equal(dcvFilePath("ABC.txt", undefined), "/.well-known/pki-validation/ABC.txt");
    });
    it("joins a directory path with the name", () => {
      assert.equal(dcvFilePath("ABC.txt", "/.well-known/pki-validation/"), "/.well-known/pki-validation/ABC.txt");
      assert.equal(dcvFilePath("ABC.txt", ".well-known/pki-validation"), "/.well-known/pki-validation/ABC.txt");
    });
    it("keeps a full path and takes the path of a URL", () => {
      assert.equal(dcvFilePath("ABC.txt", "/.well-known/pki-validation/ABC.txt"), "/.well-known/pki-validation/ABC.txt");
      assert.equal(dcvFilePath("ABC.txt", "http://example.com/.well-known/pki-validation/ABC.txt"), "/.well-known/pki-validation/ABC.txt");
      assert.equal(dcvFilePath(undefined, "https://x.test/.well-known/pki-validation/Z.txt"), "/.well-known/pki-validation/Z.txt");
    });
  });

  it("normalizeDcvMethod accepts loose spellings", () => {
    assert.equal(normalizeDcvMethod("cname_csr_hash"), "CNAME_CSR_HASH");
    assert.equal(normalizeDcvMethod("DNS"), "CNAME_CSR_HASH");
    assert.equal(normalizeDcvMethod("https"), "HTTPS_CSR_HASH");
    assert.equal(normalizeDcvMethod("HTTP_CSR_HASH"), "HTTP_CSR_HASH");
    assert.equal(normalizeDcvMethod("email"), "EMAIL");
    assert.equal(normalizeDcvMethod("carrier pigeon"), undefined);
    assert.equal(normalizeDcvMethod(null), undefined);
  });

  describe("normalizeDcv", () => {
    it("dcvInfo: one record per domain with its own values (CNAME and TXT, FQDN names)", () => {
      const dcv = normalizeDcv(
        {
          dcvInfo: {
            "example.com": { DCVdnsHost: "_AAA", DCVdnsValue: "aaa.bbb.sectigo.com", DCVdnsType: "cname" },
            "*.example.org": { DCVdnsHost: "_dnsauth", DCVdnsValue: "tok123", DCVdnsType: "TXT" },
          },
        },
        [
          { domainName: "example.com", dcvMethod: "CNAME_CSR_HASH" },
          { domainName: "*.example.org", dcvMethod: "CNAME_CSR_HASH" },
        ],
      );
      assert.deepEqual(dcv, {
        dns: [
          { domain: "example.com", method: "CNAME_CSR_HASH", name: "_AAA.example.com", type: "CNAME", value: "aaa.bbb.sectigo.com" },
          { domain: "*.example.org", method: "CNAME_CSR_HASH", name: "_dnsauth.example.org", type: "TXT", value: "tok123" },
        ],
        files: [],
        emails: [],
      });
    });

    it("dcvInfo keyed without the wildcard still matches a wildcard domain, and methods are inferred from values", () => {
      const dcv = normalizeDcv({ dcvInfo: { "EXAMPLE.net": { DCVdnsHost: "_h", DCVdnsValue: "v" } } }, [{ domainName: "*.example.net" }]);
      assert.equal(dcv.dns.length, 1);
      assert.equal(dcv.dns[0]!.name, "_h.example.net");
      assert.equal(dcv.dns[0]!.domain, "*.example.net");
      assert.equal(dcv.dns[0]!.type, "CNAME");
    });

    it("single fields apply to every domain of the matching method; other methods untouched", () => {
      const dcv = normalizeDcv(
        {
          DCVdnsHost: "_MD5HASH",
          DCVdnsValue: "x.y.sectigo.com",
          DCVdnsType: "CNAME",
          DCVfileName: "MD5HASH.txt",
          DCVfileContent: "SHA\nsectigo.com\n",
          DCVfilePath: "/.well-known/pki-validation/",
        },
        [
          { domainName: "a.example.com", dcvMethod: "CNAME_CSR_HASH" },
          { domainName: "b.example.com", dcvMethod: "CNAME_CSR_HASH" },
          { domainName: "c.example.com", dcvMethod: "HTTP_CSR_HASH" },
          { domainName: "d.example.com", dcvMethod: "HTTPS_CSR_HASH" },
          { domainName: "e.example.com", dcvMethod: "EMAIL", dcvEmail: "admin@example.com" },
        ],
      );
      assert.deepEqual(
        dcv.dns.map((r) => r.name),
        ["_MD5HASH.a.example.com", "_MD5HASH.b.example.com"],
      );
      assert.deepEqual(dcv.files, [
        {
          domain: "c.example.com",
          method: "HTTP_CSR_HASH",
          url: "http://c.example.com/.well-known/pki-validation/MD5HASH.txt",
          path: "/.well-known/pki-validation/MD5HASH.txt",
          content: "SHA\nsectigo.com\n",
        },
        {
          domain: "d.example.com",
          method: "HTTPS_CSR_HASH",
          url: "https://d.example.com/.well-known/pki-validation/MD5HASH.txt",
          path: "/.well-known/pki-validation/MD5HASH.txt",
          content: "SHA\nsectigo.com\n",
        },
      ]);
      assert.deepEqual(dcv.emails, [{ domain: "e.example.com", email: "admin@example.com" }]);
    });

    it("TXT type defaults from a _dnsauth host when DCVdnsType is missing", () => {
      const dcv = normalizeDcv({ DCVdnsHost: "_dnsauth", DCVdnsValue: "rnd" }, [{ domainName: "x.test", dcvMethod: "CNAME_CSR_HASH" }]);
      assert.equal(dcv.dns[0]!.type, "TXT");
      assert.equal(dcv.dns[0]!.name, "_dnsauth.x.test");
    });

    it("dcvList gives the domains and methods (collect), single fields the values", () => {
      const dcv = normalizeDcv({
        DCVfileName: "F.txt",
        DCVfileContent: "content",
        dcvList: [
          { domainName: "www.example.com", dcvMethod: "HTTP_CSR_HASH", is_verify: "" },
          { domainName: "mail.example.com", dcvMethod: "EMAIL", dcvEmail: "postmaster@example.com", is_verify: "verified" },
        ],
      });
      assert.deepEqual(dcv.files.map((f) => f.url), ["http://www.example.com/.well-known/pki-validation/F.txt"]);
      assert.deepEqual(dcv.emails, [{ domain: "mail.example.com", email: "postmaster@example.com" }]);
      assert.equal(dcv.dns.length, 0);
    });

    it("dcvList method overrides what was requested (after updateDCV)", () => {
      const dcv = normalizeDcv(
        { dcvList: [{ domainName: "a.test", dcvMethod: "EMAIL", dcvEmail: "admin@a.test" }] },
        [{ domainName: "a.test", dcvMethod: "CNAME_CSR_HASH" }],
      );
      assert.deepEqual(dcv, { dns: [], files: [], emails: [{ domain: "a.test", email: "admin@a.test" }] });
    });

    it("a top-level dcvEmail is not spread over a domain it cannot validate", () => {
      const dcv = normalizeDcv({ dcvEmail: "admin@one.test" }, [
        { domainName: "www.one.test", dcvMethod: "EMAIL" },
        { domainName: "two.test", dcvMethod: "EMAIL" },
      ]);
      assert.deepEqual(dcv.emails, [{ domain: "www.one.test", email: "admin@one.test" }]);
    });

    it("single domain with only top-level fields and method (no domain list) uses them", () => {
      const dcv = normalizeDcv({ dcvMethod: "HTTPS_CSR_HASH", DCVfileName: "H.txt", DCVfileContent: "c" }, [{ domainName: "s.test" }]);
      assert.equal(dcv.files[0]!.url, "https://s.test/.well-known/pki-validation/H.txt");
    });

    it("domains whose values are unknown get no record, and a domain appears once", () => {
      const dcv = normalizeDcv(
        { dcvList: [{ domainName: "a.test", dcvMethod: "CNAME_CSR_HASH" }, { domainName: "A.test.", dcvMethod: "CNAME_CSR_HASH" }] },
        [{ domainName: "a.test", dcvMethod: "CNAME_CSR_HASH" }],
      );
      assert.deepEqual(dcv, { dns: [], files: [], emails: [] });
      const one = normalizeDcv(
        { DCVdnsHost: "_h", DCVdnsValue: "v", dcvList: [{ domainName: "A.test", dcvMethod: "CNAME_CSR_HASH" }] },
        [{ domainName: "a.test", dcvMethod: "CNAME_CSR_HASH" }],
      );
      assert.equal(one.dns.length, 1);
    });

    it("dcvInfo values win over single fields for the same domain", () => {
      const dcv = normalizeDcv(
        { DCVdnsHost: "_top", DCVdnsValue: "top", dcvInfo: { "b.test": { DCVdnsHost: "_own", DCVdnsValue: "own" } } },
        [
          { domainName: "a.test", dcvMethod: "CNAME_CSR_HASH" },
          { domainName: "b.test", dcvMethod: "CNAME_CSR_HASH" },
        ],
      );
      assert.deepEqual(
        dcv.dns.map((r) => [r.name, r.value]),
        [
          ["_top.a.test", "top"],
          ["_own.b.test", "own"],
        ],
      );
    });

    it("per-domain file info from dcvInfo (HTTP) with an URL path", () => {
      const dcv = normalizeDcv({
        dcvInfo: {
          "w.test": { dcvMethod: "HTTP_CSR_HASH", DCVfileName: "W.txt", DCVfileContent: "w", DCVfilePath: "http://w.test/.well-known/pki-validation/W.txt" },
        },
      });
      assert.deepEqual(dcv.files, [
        { domain: "w.test", method: "HTTP_CSR_HASH", url: "http://w.test/.well-known/pki-validation/W.txt", path: "/.well-known/pki-validation/W.txt", content: "w" },
      ]);
    });
  });
});
