// The contacts a paid order sends (administrator; organization, tech and finance for OV/EV) are
// required to place an order, not to adopt one by certId (the CA does not report them, so `pulumi
// import` cannot fill them in). An adopted Certificate without them is refused a renewal, in diff,
// before anything is sent; a free reissue does not need them.
import { strict as assert } from "node:assert";
import { diff } from "../../provider/cert-impl";
import { missingOrderContacts, toSpec, validateCertificateInputs } from "../../provider/certificate-inputs";
import type { CertificateArgs } from "../../provider/certificate";
import { assertRenewalContacts } from "../../provider/renewal-contacts";
import { CERTIFICATE_FIELDS } from "../../provider/schema/certificate-fields";
import { generateSchema } from "../../provider/schema/generate";
import { setProgressSink } from "../../provider/poll";
import { UNKNOWN } from "../../provider/unknowns";
import { administrator, issuedState, organization } from "./fixtures";

const CERT_ID = "260113vghhracpaw";
const adopted = { productCode: "positivessl", domains: ["www.example.com"], certId: CERT_ID };

describe("provider: order contacts are needed to place or renew an order, not to adopt one", () => {
  it("check: without certId, administrator is required, and the failure says so", () => {
    const failures = validateCertificateInputs({ productCode: "positivessl", domains: ["www.example.com"] });
    assert.deepEqual(
      failures.map((f) => f.property),
      ["administrator"],
    );
    assert.match(failures[0].reason, /^is required when certId is not set: a new order sends it \(a contact \{ firstName, .* \}\)$/);
  });

  it("check: with certId, no administrator is needed; nor the OV/EV contacts", () => {
    assert.deepEqual(validateCertificateInputs(adopted), []);
    assert.deepEqual(validateCertificateInputs({ ...adopted, productCode: "sectigo-ov" }), []);
    // a certId still unknown in preview counts as given
    assert.deepEqual(validateCertificateInputs({ ...adopted, certId: UNKNOWN }), []);
  });

  it("check: an OV order placed without its contacts names each of them, and when they are needed", () => {
    const failures = validateCertificateInputs({ productCode: "sectigo-ov", domains: ["www.example.com"], administrator });
    assert.deepEqual(failures.map((f) => f.property).sort(), ["finance", "organization", "tech"]);
    for (const f of failures) assert.match(f.reason, /^is required for OV products such as sectigo-ov when certId is not set \(/);
    assert.deepEqual(validateCertificateInputs({ productCode: "sectigo-ov", domains: ["www.example.com"], administrator, organization, tech: administrator, finance: administrator }), []);
  });

  it("the schema and CertificateArgs make administrator optional, its description saying when it is needed", () => {
    const schema = generateSchema() as { resources: Record<string, { requiredInputs?: string[] }> };
    assert.deepEqual(schema.resources["nicsrs:index:Certificate"].requiredInputs?.sort(), ["domains", "productCode"]);
    assert.match(CERTIFICATE_FIELDS.inputs.administrator.description, /required unless `certId` adopts an existing order/);
    const args: CertificateArgs = { productCode: "positivessl", domains: ["www.example.com"], certId: CERT_ID }; // compiles without administrator
    assert.equal("administrator" in args, false);
  });

  it("missingOrderContacts: administrator for DV; plus organization, tech, finance for OV/EV", () => {
    assert.deepEqual(missingOrderContacts(toSpec(adopted)), ["administrator"]);
    assert.deepEqual(missingOrderContacts(toSpec({ ...adopted, administrator })), []);
    assert.deepEqual(missingOrderContacts(toSpec({ ...adopted, productCode: "sectigo-ev", administrator })), ["organization", "tech", "finance"]);
  });

  it("a renewal due without the contacts is refused with what to add and that nothing was ordered", () => {
    assert.throws(
      () => assertRenewalContacts(CERT_ID, toSpec({ ...adopted, productCode: "sectigo-ov" }), "the subscription ends soon"),
      (err: Error) => {
        assert.match(err.message, /^260113vghhracpaw: a renewal is due \(the subscription ends soon\), and a renewal is a new paid order that must send administrator, organization, tech, finance/);
        assert.match(err.message, /Add administrator, organization, tech, finance to the Certificate's inputs and run again; nothing was ordered\.$/);
        return true;
      },
    );
    assert.doesNotThrow(() => assertRenewalContacts(CERT_ID, toSpec({ ...adopted, administrator }), "x"));
  });

  describe("diff of an adopted Certificate without administrator", () => {
    const state = issuedState({ administrator: undefined, productCode: "positivessl", domains: ["www.example.com"], adoptedCertId: CERT_ID, certId: CERT_ID });
    const news = { ...adopted, refIdSeed: "test/dev/web" };
    const saved = process.env.NICSRS_NOW;
    const lines: string[] = [];
    let oldSink: (line: string) => void;
    before(() => (oldSink = setProgressSink((line) => lines.push(line))));
    after(() => setProgressSink(oldSink));
    beforeEach(() => (lines.length = 0));
    afterEach(() => (saved === undefined ? delete process.env.NICSRS_NOW : (process.env.NICSRS_NOW = saved)));

    it("outside any window: no changes", async () => {
      process.env.NICSRS_NOW = "2027-01-01T00:00:00.000Z";
      assert.equal((await diff(CERT_ID, state, news)).changes, false);
    });

    it("in the reissue window: a free reissue is planned (it sends no contact)", async () => {
      process.env.NICSRS_NOW = "2027-06-10T00:00:00.000Z"; // notAfter 2027-06-19, subscription until 2027-12-01
      const d = await diff(CERT_ID, state, news);
      assert.equal(d.changes, true);
      assert.deepEqual(d.replaces, []);
      assert.match(lines.join("\n"), /^260113vghhracpaw: plan: free reissue inside the subscription: /);
    });

    it("when the renewal is due: diff fails naming administrator; with it, the paid renewal is planned", async () => {
      process.env.NICSRS_NOW = "2027-11-01T00:00:00.000Z";
      await assert.rejects(diff(CERT_ID, state, news), /a renewal is due \(.*renew \(new subscription\)\), and a renewal is a new paid order that must send administrator,/);
      assert.deepEqual(lines, [], "no plan line for a change that cannot be made");
      const d = await diff(CERT_ID, state, { ...news, administrator });
      assert.equal(d.changes, true);
      assert.match(lines.join("\n"), /^260113vghhracpaw: plan: renewal \(paid: positivessl, 1 year\): /);
    });
  });
});
