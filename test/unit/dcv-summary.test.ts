import { strict as assert } from "node:assert";
import { dcvSummary } from "../../provider/dcv-summary";

describe("provider: the DCV line after an order", () => {
  it("lists records, files and mailboxes; long lists are cut after five", () => {
    const records = Array.from({ length: 7 }, (_, i) => ({ domain: `d${i}.example.com`, method: "CNAME_CSR_HASH", name: `_abc.d${i}.example.com`, type: "CNAME" as const, value: `v${i}.sectigo.com` }));
    const line = dcvSummary({
      dcvRecords: records,
      dcvFiles: [{ domain: "w.example.com", method: "HTTP_CSR_HASH", url: "http://w.example.com/.well-known/pki-validation/X.txt", path: "/.well-known/pki-validation/X.txt", content: "c" }],
      dcvEmails: [{ domain: "m.example.com", email: "admin@m.example.com" }],
    });
    assert.equal(
      line,
      "DNS records to publish: _abc.d0.example.com CNAME v0.sectigo.com, _abc.d1.example.com CNAME v1.sectigo.com, _abc.d2.example.com CNAME v2.sectigo.com, " +
        "_abc.d3.example.com CNAME v3.sectigo.com, _abc.d4.example.com CNAME v4.sectigo.com … and 2 more; " +
        "files to serve: http://w.example.com/.well-known/pki-validation/X.txt; approval e-mail to: admin@m.example.com",
    );
  });

  it("says so when the CA reported no DCV step", () => {
    assert.equal(dcvSummary({ dcvRecords: [], dcvFiles: [], dcvEmails: [] }), "no DCV step reported by the CA yet");
  });
});
