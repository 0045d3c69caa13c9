// One way to check inputs (provider/check.ts): the four resources word a bad value alike, with the
// allowed-values text of their field tables, and fail create with the same formatted message.
import { strict as assert } from "node:assert";
import { validateCertificateInputs } from "../../provider/certificate-inputs";
import { clean, formatFailures, type CheckFailure } from "../../provider/check";
import { checkSmimeInputs, checkSslInputs } from "../../provider/sectigo-inputs";
import * as smime from "../../provider/sectigo-smime-impl";
import * as ssl from "../../provider/sectigo-ssl-impl";
import * as validation from "../../provider/validation-impl";
import { validateValidationInputs } from "../../provider/validation-impl";
import { CERTIFICATE_FIELDS } from "../../provider/schema/certificate-fields";
import { allowedTextOf } from "../../provider/schema/field-table";
import { OBJECT_TYPES } from "../../provider/schema/object-types";
import { SECTIGO_SMIME_FIELDS } from "../../provider/schema/sectigo-smime-fields";
import { SECTIGO_SSL_FIELDS } from "../../provider/schema/sectigo-ssl-fields";
import { VALIDATION_FIELDS } from "../../provider/schema/validation-fields";
import { administrator } from "./fixtures";

const reasonOf = (fs: CheckFailure[], property: string) => {
  const f = fs.find((x) => x.property === property);
  assert.ok(f, `no failure for ${property}: ${JSON.stringify(fs)}`);
  return f!.reason;
};

describe("provider: one way to check inputs", () => {
  it("every resource says `<value> is not allowed (<the table's allowed text>)`", () => {
    const cert = validateCertificateInputs({ productCode: "positivessl", domains: ["a.example.com"], administrator, years: 9, deletePolicy: "burn" });
    assert.equal(reasonOf(cert, "years"), `9 is not allowed (${CERTIFICATE_FIELDS.inputs.years.allowedText})`);
    assert.equal(reasonOf(cert, "deletePolicy"), `"burn" is not allowed (${allowedTextOf(CERTIFICATE_FIELDS.inputs.deletePolicy)})`);
    assert.equal(allowedTextOf(CERTIFICATE_FIELDS.inputs.deletePolicy), '"cancelPending", "retain", "cancel" or "revoke"');

    const v = validateValidationInputs({ certId: "260113vghhracpaw", timeoutMinutes: 0 });
    assert.equal(reasonOf(v, "timeoutMinutes"), `0 is not allowed (${VALIDATION_FIELDS.inputs.timeoutMinutes.allowedText})`);

    const s = checkSslInputs({ orderNumber: "1", waitTimeoutMinutes: 0, waitForIssuance: "yes" });
    assert.equal(reasonOf(s, "waitTimeoutMinutes"), `0 is not allowed (${SECTIGO_SSL_FIELDS.inputs.waitTimeoutMinutes.allowedText})`);
    assert.equal(reasonOf(s, "waitForIssuance"), `"yes" is not allowed (${SECTIGO_SSL_FIELDS.inputs.waitForIssuance.allowedText})`);

    const m = checkSmimeInputs({ orderNumber: "1", email: "not-an-email", key: { rsaBits: 1024 } });
    assert.equal(reasonOf(m, "email"), `"not-an-email" is not allowed (${SECTIGO_SMIME_FIELDS.inputs.email.allowedText})`);
    assert.equal(reasonOf(m, "key.rsaBits"), `1024 is not allowed (${allowedTextOf(OBJECT_TYPES.Key.properties.rsaBits)})`);
  });

  it("a nested value is told the allowed values of its object type in the table", () => {
    const fs = validateCertificateInputs({ productCode: "positivessl", domains: ["a.example.com"], administrator, key: { rsaBits: 1024, curve: "P-521" } });
    assert.equal(reasonOf(fs, "key.rsaBits"), "1024 is not allowed (2048, 3072 or 4096)");
  });

  it("create refuses bad inputs with the same formatted message in every resource", async () => {
    await assert.rejects(validation.create({ certId: "260113vghhracpaw", timeoutMinutes: 0 }), (e: Error) => {
      assert.match(e.message, /^invalid CertificateValidation inputs:\n {2}timeoutMinutes: 0 is not allowed \(/);
      return true;
    });
    await assert.rejects(ssl.create({ orderNumber: "1", waitTimeoutMinutes: 0 }), (e: Error) => {
      assert.match(e.message, /^invalid SectigoSslCertificate inputs:\n {2}waitTimeoutMinutes: 0 is not allowed \(minutes, more than 0 and at most 1440\)$/);
      return true;
    });
    await assert.rejects(smime.create({ orderNumber: "1", email: "a@example.com", key: { rsaBits: 1024 } }), (e: Error) => {
      assert.match(e.message, /^invalid SmimeCertificate inputs:\n {2}key\.rsaBits: 1024 is not allowed \(2048, 3072 or 4096\)$/);
      return true;
    });
    assert.equal(
      formatFailures([{ property: "years", reason: "9 is not allowed (an integer from 1 to 6)" }]),
      "invalid Certificate inputs:\n  years: 9 is not allowed (an integer from 1 to 6)",
    );
  });

  it("clean drops undefined values, also in arrays of objects, and keeps the rest", () => {
    assert.deepEqual(clean({ a: undefined, b: 0, c: [{ d: undefined, e: "x" }, "y"], f: null }), { b: 0, c: [{ e: "x" }, "y"], f: null });
  });
});
