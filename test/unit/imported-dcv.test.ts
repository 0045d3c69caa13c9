// The DCV inputs `pulumi import` gives a Certificate, from the methods and mailboxes the CA lists.
import { strict as assert } from "node:assert";
import { importedDcv } from "../../provider/native/imported-dcv";
import { validateCertificateInputs } from "../../provider/certificate-inputs";

const d = (domain: string, method?: "CNAME_CSR_HASH" | "HTTP_CSR_HASH" | "EMAIL", email?: string) => ({ domain, method, email, verified: true });

describe("native: the DCV inputs of an imported order", () => {
  it("nothing when every domain uses the default method, or none is listed", () => {
    assert.deepEqual(importedDcv([d("a.example.com", "CNAME_CSR_HASH"), d("b.example.com", "CNAME_CSR_HASH")]), {});
    assert.deepEqual(importedDcv([d("a.example.com")]), {});
  });

  it("one method for all: dcvMethod (and dcvEmail for EMAIL with one mailbox)", () => {
    assert.deepEqual(importedDcv([d("a.example.com", "HTTP_CSR_HASH"), d("b.example.com", "HTTP_CSR_HASH")]), { dcvMethod: "HTTP_CSR_HASH" });
    assert.deepEqual(importedDcv([d("a.example.com", "EMAIL", "Admin@Example.com"), d("www.example.com", "EMAIL", "admin@example.com")]), {
      dcvMethod: "EMAIL",
      dcvEmail: "admin@example.com",
    });
  });

  it("mixed methods or mailboxes: domainDcv for the domains off the default, and the inputs pass check", () => {
    const mixed = importedDcv([d("a.example.com", "CNAME_CSR_HASH"), d("b.example.com", "HTTP_CSR_HASH"), d("c.example.com", "EMAIL", "admin@c.example.com")]);
    assert.deepEqual(mixed, { domainDcv: { "b.example.com": { method: "HTTP_CSR_HASH" }, "c.example.com": { method: "EMAIL", email: "admin@c.example.com" } } });
    const inputs = { productCode: "positivessl-multi-domain", domains: ["a.example.com", "b.example.com", "c.example.com"], certId: "260113vghhracpaw", ...mixed };
    assert.deepEqual(validateCertificateInputs(inputs), []);
    const mailboxes = importedDcv([d("a.example.com", "EMAIL", "admin@a.example.com"), d("b.example.com", "EMAIL", "admin@b.example.com")]);
    assert.deepEqual(mailboxes, { domainDcv: { "a.example.com": { method: "EMAIL", email: "admin@a.example.com" }, "b.example.com": { method: "EMAIL", email: "admin@b.example.com" } } });
  });
});
