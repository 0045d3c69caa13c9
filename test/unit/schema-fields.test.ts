// The field tables (provider/schema) against what the dynamic providers do with them (diffs, defaults,
// secrets), the hand-written Args interfaces against the tables, and the checked-in schema against the generated one.
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import type * as pulumi from "@pulumi/pulumi";
import { CERTIFICATE_SECRET_OUTPUTS, type Certificate, type CertificateArgs } from "../../provider/certificate";
import { diffCertificate } from "../../provider/certificate-diff";
import { DEFAULTS, DELETE_POLICIES, KEY_SOURCES, REPLACE_KEYS, toSpec } from "../../provider/certificate-inputs";
import { VALIDATION_SECRET_OUTPUTS, type CertificateValidation, type CertificateValidationArgs } from "../../provider/certificate-validation";
import { SMIME_SECRET_OUTPUTS, type SmimeCertificate, type SmimeCertificateArgs } from "../../provider/sectigo-smime-certificate";
import * as smime from "../../provider/sectigo-smime-impl";
import type { SectigoSslCertificate, SectigoSslCertificateArgs } from "../../provider/sectigo-ssl-certificate";
import * as ssl from "../../provider/sectigo-ssl-impl";
import * as validation from "../../provider/validation-impl";
import { DCV_METHODS } from "../../sdk/nicsrs/wire";
import { CERTIFICATE_FIELDS } from "../../provider/schema/certificate-fields";
import { defaultsOf, replaceNames, secretNames, stableNames } from "../../provider/schema/field-table";
import { generateSchema, SCHEMA_FILE, schemaText } from "../../provider/schema/generate";
import { SECTIGO_SMIME_FIELDS } from "../../provider/schema/sectigo-smime-fields";
import { SECTIGO_SSL_FIELDS } from "../../provider/schema/sectigo-ssl-fields";
import { VALIDATION_FIELDS } from "../../provider/schema/validation-fields";

// ---- type level: the public Args and declared outputs name exactly the table's fields ----------
type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Declared<R> = Exclude<{ [K in keyof R]-?: R[K] extends pulumi.Output<unknown> ? K : never }[keyof R], "urn" | "id">;
const typeChecks: [
  Equal<keyof CertificateArgs, keyof typeof CERTIFICATE_FIELDS.inputs>,
  Equal<Declared<Certificate>, keyof typeof CERTIFICATE_FIELDS.outputs>,
  Equal<Exclude<keyof CertificateValidationArgs, "certificate">, keyof typeof VALIDATION_FIELDS.inputs>,
  Equal<Declared<CertificateValidation>, keyof typeof VALIDATION_FIELDS.outputs>,
  Equal<keyof SectigoSslCertificateArgs, keyof typeof SECTIGO_SSL_FIELDS.inputs>,
  Equal<Declared<SectigoSslCertificate>, keyof typeof SECTIGO_SSL_FIELDS.outputs>,
  Equal<keyof SmimeCertificateArgs, keyof typeof SECTIGO_SMIME_FIELDS.inputs>,
  Equal<Declared<SmimeCertificate>, keyof typeof SECTIGO_SMIME_FIELDS.outputs>,
] = [true, true, true, true, true, true, true, true];

const sorted = (xs: readonly string[]) => [...xs].sort();

const contact = {
  firstName: "Ada",
  lastName: "Lovelace",
  job: "Ops",
  email: "ada@example.com",
  mobile: "+1 555 0100",
  address: "1 Main St",
  city: "Springfield",
  state: "IL",
  postCode: "62701",
  country: "US",
  organization: "Example Inc",
};
const base = { productCode: "positivessl", domains: ["a.example.com"], administrator: contact, refIdSeed: "proj/dev/site" };
/** A value different from `base` (or from the default) for every Certificate input. */
const CHANGED: Record<keyof typeof CERTIFICATE_FIELDS.inputs, unknown> = {
  productCode: "positivessl-multi-domain",
  years: 2,
  domains: ["b.example.com"],
  dcvMethod: "HTTP_CSR_HASH",
  dcvEmail: "admin@example.com",
  domainDcv: { "a.example.com": { method: "EMAIL", email: "admin@a.example.com" } },
  server: "nginx",
  uniqueValue: "abc123",
  administrator: { ...contact, firstName: "Grace" },
  tech: contact,
  finance: contact,
  organization: { organizationName: "X" },
  csr: "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n",
  key: { algorithm: "ECDSA" },
  keySource: "ca",
  privateKeyFile: "/var/lib/certs/site.key",
  renewBeforeDays: 20,
  waitForIssuance: true,
  waitTimeoutMinutes: 5,
  deletePolicy: "retain",
  refId: "my-ref",
  certId: "260113vghhracpaw",
};

describe("schema: field tables", () => {
  it("the type-level checks compiled", () => assert.deepEqual(typeChecks, Array(8).fill(true)));

  it("the checked-in schema/schema.json is the generated one (rewrite: npx ts-node provider/schema/generate.ts --write)", () => {
    assert.equal(readFileSync(SCHEMA_FILE, "utf8"), schemaText());
  });

  it("secret outputs match the resource classes' additionalSecretOutputs", () => {
    assert.deepEqual(sorted(secretNames(CERTIFICATE_FIELDS.outputs)), sorted(CERTIFICATE_SECRET_OUTPUTS));
    assert.deepEqual(sorted(secretNames(VALIDATION_FIELDS.outputs)), sorted(VALIDATION_SECRET_OUTPUTS));
    assert.deepEqual(sorted(secretNames(SECTIGO_SMIME_FIELDS.outputs)), sorted(SMIME_SECRET_OUTPUTS));
    assert.deepEqual(secretNames(SECTIGO_SSL_FIELDS.outputs), []);
    const schema = generateSchema() as { resources: Record<string, { properties: Record<string, { secret?: boolean }> }> };
    const schemaSecrets = Object.entries(schema.resources["nicsrs:index:Certificate"].properties).filter(([, p]) => p.secret).map(([k]) => k);
    assert.deepEqual(sorted(schemaSecrets), sorted(CERTIFICATE_SECRET_OUTPUTS));
  });

  it("Certificate: exactly the replaceOnChanges inputs replace in certificate-diff; create-only ones change nothing", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const table = CERTIFICATE_FIELDS.inputs as Record<string, { replaceOnChanges?: true; createOnly?: true }>;
    for (const [name, value] of Object.entries(CHANGED)) {
      const olds = { ...base, status: "PENDING", certId: "first" };
      const d = diffCertificate(olds, { ...base, [name]: value }, now);
      assert.equal(d.replaces.includes(name), !!table[name].replaceOnChanges, `${name}: replaces ${JSON.stringify(d.replaces)}`);
      if (table[name].createOnly) assert.deepEqual(d.changed, [], `${name} is create-only`);
    }
    const createOnly = Object.keys(table).filter((k) => table[k].createOnly);
    assert.deepEqual(sorted(REPLACE_KEYS), sorted([...replaceNames(CERTIFICATE_FIELDS.inputs), ...createOnly]));
  });

  it("Certificate: the stable inputs are certificate-diff's stables (plus refIdSeed and the stored adoptedCertId)", () => {
    const d = diffCertificate({ ...base, status: "PENDING" }, base, new Date("2026-01-01T00:00:00Z"));
    assert.deepEqual(sorted(d.stables), sorted([...stableNames(CERTIFICATE_FIELDS.inputs), "refIdSeed", "adoptedCertId"]));
  });

  it("Certificate: defaults and allowed values are the provider's", () => {
    const spec = toSpec(base);
    assert.deepEqual(defaultsOf(CERTIFICATE_FIELDS.inputs), {
      years: DEFAULTS.years,
      dcvMethod: DEFAULTS.dcvMethod,
      keySource: spec.keySource,
      renewBeforeDays: DEFAULTS.renewBeforeDays,
      waitForIssuance: DEFAULTS.waitForIssuance,
      waitTimeoutMinutes: DEFAULTS.waitTimeoutMinutes,
      deletePolicy: DEFAULTS.deletePolicy,
    });
    assert.deepEqual(CERTIFICATE_FIELDS.inputs.dcvMethod.allowed, DCV_METHODS);
    assert.deepEqual(CERTIFICATE_FIELDS.inputs.deletePolicy.allowed, DELETE_POLICIES);
    assert.deepEqual(CERTIFICATE_FIELDS.inputs.keySource.allowed, KEY_SOURCES);
  });

  it("CertificateValidation: certId replaces and is stable; the default timeout is the provider's", async () => {
    const olds = { certId: "a", timeoutMinutes: 10, validationRecordFqdns: ["x.example.com"] };
    for (const [name, value] of Object.entries({ certId: "b", timeoutMinutes: 20, validationRecordFqdns: ["y.example.com"] })) {
      const d = await validation.diff("a", olds, { ...olds, [name]: value });
      assert.equal(d.changes, true, name);
      assert.equal(d.replaces.includes(name), replaceNames(VALIDATION_FIELDS.inputs).includes(name), name);
    }
    assert.deepEqual((await validation.diff("a", olds, olds)).stables, stableNames(VALIDATION_FIELDS.inputs));
    assert.equal(VALIDATION_FIELDS.inputs.timeoutMinutes.default, validation.DEFAULT_TIMEOUT_MINUTES);
  });

  it("Sectigo resources: exactly the replaceOnChanges inputs replace", async () => {
    const sslOlds = { orderNumber: "1", waitForIssuance: false, waitTimeoutMinutes: 60 };
    for (const [name, value] of Object.entries({ orderNumber: "2", certificateId: "3", waitForIssuance: true, waitTimeoutMinutes: 5 })) {
      const d = await ssl.diff("1", sslOlds, { ...sslOlds, [name]: value });
      assert.equal(d.changes, true, name);
      assert.equal(d.replaces.includes(name as never), replaceNames(SECTIGO_SSL_FIELDS.inputs).includes(name), name);
    }
    const smimeOlds = { orderNumber: "1", email: "a@example.com", waitTimeoutMinutes: 60 };
    const smimeChanges = { orderNumber: "2", collectionCode: "c", email: "b@example.com", csr: "x", key: { algorithm: "ECDSA" }, waitTimeoutMinutes: 5 };
    for (const [name, value] of Object.entries(smimeChanges)) {
      const d = await smime.diff("1", smimeOlds, { ...smimeOlds, [name]: value });
      assert.equal(d.changes, true, name);
      assert.equal(d.replaces.includes(name as never), replaceNames(SECTIGO_SMIME_FIELDS.inputs).includes(name), name);
    }
  });
});
