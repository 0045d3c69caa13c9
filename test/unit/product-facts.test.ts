import { strict as assert } from "node:assert";
import { PRODUCTS, findProductSpec } from "../../sdk/nicsrs/products";
import { caaIssuersFor } from "../../sdk/dns/caa-issuers";
import { productFacts } from "../../provider/products";
import { CATALOGUE, findProduct, toWireProduct } from "../../simulator/catalogue";

describe("product facts: one table for the provider and the simulator", () => {
  it("the simulator sells exactly the products the provider knows, with the same facts", () => {
    assert.deepEqual(CATALOGUE.map((p) => p.code).sort(), PRODUCTS.map((p) => p.code).sort());
    for (const sold of CATALOGUE) {
      const facts = productFacts(sold.code);
      assert.equal(facts.known, true, sold.code);
      assert.equal(facts.validationType, sold.validationType, `${sold.code} validationType`);
      assert.equal(facts.maxDomains, sold.maxDomains, `${sold.code} maxDomains`);
      assert.equal(facts.wildcard, sold.wildcard, `${sold.code} wildcard`);
      assert.deepEqual(facts.years, sold.years, `${sold.code} years`);
      assert.equal(facts.vendor, sold.vendor, `${sold.code} vendor`);
      assert.ok(sold.price > 0, `${sold.code} has a price`);
    }
  });

  it("the simulator's productList answer says what the table says", () => {
    for (const spec of PRODUCTS) {
      const wire = toWireProduct(findProduct(spec.code)!);
      assert.equal(wire.supportWildcard, spec.wildcard ? "Y" : "N", spec.code);
      assert.equal(wire.supportSan, spec.maxDomains > 1 ? "Y" : "N", spec.code);
      assert.equal(wire.maxDomain, spec.maxDomains, spec.code);
      assert.equal(wire.maxYear, Math.max(...spec.years), spec.code);
      assert.equal(wire.validationType, spec.validationType, spec.code);
      assert.deepEqual(Object.keys((wire.price as { basePrice: object }).basePrice).length, spec.years.length, spec.code);
    }
  });

  it("the simulator validates DCV and CAA as the brand's CA does", () => {
    for (const sold of CATALOGUE) {
      assert.equal(sold.dcvStyle, sold.vendor === "DigiCert" ? "digicert-random-token" : "sectigo-csr-hash", sold.code);
      assert.ok(caaIssuersFor(sold.vendor as "Sectigo" | "DigiCert").length > 0, sold.code);
    }
  });

  it("codes are matched case-insensitively by the provider; unknown codes get a guessed type and no limits", () => {
    assert.equal(findProductSpec("  PositiveSSL-Wildcard ")?.wildcard, true);
    assert.equal(productFacts("SECTIGO-EV").validationType, "EV");
    assert.deepEqual(productFacts("acme-ov-pro"), { code: "acme-ov-pro", validationType: "OV", known: false });
  });
});
