// The CertificateValidation dynamic provider's implementation: waits until the CA has issued the
// certificate of `certId` and outputs the issued material. Loaded by package name at call time.
import { z } from "zod";
import { NicSrsApiError, type CollectResult } from "../sdk/nicsrs";
import { assertNoFailures, clean, schemaFailures, withoutProvider, type CheckFailure } from "./check";
import { isDead, isIssued } from "./order-status";
import { dcvOutputs, issuedMaterial, verifiedDomains } from "./certificate-outputs";
import { nicsrsClient } from "./credentials";
import { dnsSettings, type DnsSettings } from "./dns-config";
import { collectThroughTransients, domainReport, waitForIssued } from "./issuance-wait";
import { progress } from "./poll";
import { boundFailures, VALIDATION_LIMITS } from "./input-bounds";
import { containsUnknown } from "./unknowns";
import { allowedTextOf, namesOf, replaceNames, stableNames, type FieldFacts } from "./schema/field-table";
import { VALIDATION_FIELDS } from "./schema/validation-fields";

export { configureWithDns as configure } from "./dns-config";

type Props = Record<string, unknown>;

const FIELDS = VALIDATION_FIELDS.inputs;
export const DEFAULT_TIMEOUT_MINUTES = FIELDS.timeoutMinutes.default;
const INPUTS = namesOf(FIELDS);
const FACTS: FieldFacts = FIELDS;
const REPLACE_ON = replaceNames(FIELDS);
const STABLE = stableNames(FIELDS);

const SERVER_RE = /^(\[[0-9a-f:.]+\](:\d{1,5})?|[0-9a-f:]*:[0-9a-f:.]+|[a-z0-9.-]+(:\d{1,5})?)$/i;
const FQDN_RE = /^(\*\.)?([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?\.?$/i;

/** @internal */
export const ValidationInputsSchema = z.strictObject({
  certId: z.string().trim().min(1),
  validationRecordFqdns: z.array(z.string().regex(FQDN_RE, "is not a valid DNS name")).optional(),
  timeoutMinutes: z.number().positive().max(1440).optional(),
  dnsPreflight: z.boolean().optional(),
  dnsResolvers: z.array(z.string().regex(SERVER_RE, "is not an address such as \"1.1.1.1\" or \"127.0.0.1:5353\"")).optional(),
  dnsCheckResolvers: z.array(z.string().regex(SERVER_RE, "is not an address such as \"1.1.1.1\" or \"127.0.0.1:5353\"")).optional(),
  propagationTimeoutMinutes: z.number().positive().max(1440).optional(),
});

const allowedFor = (path: readonly (string | number)[]): string =>
  allowedTextOf(FACTS[String(path[0])]) ?? "see the CertificateValidation documentation";

export function validateValidationInputs(raw: Props): CheckFailure[] {
  const input = withoutProvider(raw);
  const tooLong = boundFailures(input, VALIDATION_LIMITS);
  if (tooLong.length > 0) return tooLong;
  const notHere = () => `an input of CertificateValidation (inputs: certificate or certId, ${INPUTS.filter((k) => k !== "certId").join(", ")})`;
  return schemaFailures(ValidationInputsSchema, input, allowedFor, notHere).failures;
}

export async function check(_olds: Props, news: Props): Promise<{ inputs: Props; failures: CheckFailure[] }> {
  return { inputs: news, failures: validateValidationInputs(news ?? {}) };
}

export async function diff(_id: string, olds: Props, news: Props) {
  const changed: string[] = INPUTS.filter((k) => containsUnknown(news?.[k]) || JSON.stringify(news?.[k] ?? null) !== JSON.stringify(olds?.[k] ?? null));
  const replaces = changed.filter((k) => REPLACE_ON.includes(k));
  return {
    changes: changed.length > 0,
    replaces,
    stables: replaces.length > 0 ? [] : STABLE,
    deleteBeforeReplace: false,
  };
}

const stripDot = (n: string) => n.toLowerCase().replace(/\.$/, "");

function inputsOf(inputs: Props): Props {
  const out: Props = {};
  for (const k of INPUTS) if (inputs[k] !== undefined) out[k] = inputs[k];
  return out;
}

function outputsFrom(inputs: Props, c: CollectResult): Props {
  return clean({
    ...inputsOf(inputs),
    status: c.status,
    validatedDomains: verifiedDomains(c),
    ...issuedMaterial(c),
  });
}

function deadError(certId: string, c: CollectResult): Error {
  const detail = c.rawStatus && c.rawStatus !== c.status ? ` (${c.rawStatus})` : "";
  return new Error(
    `certificate order ${certId} is ${c.status}${detail} at the CA and will not be issued` +
      (c.status === "REVOKED" ? ": it was revoked" : c.status === "CANCELLED" ? ": it was cancelled" : "") +
      "; order a new certificate (the Certificate is replaced on the next `pulumi up` after a refresh)",
  );
}

export async function create(inputs: Props): Promise<{ id: string; outs: Props }> {
  assertNoFailures(validateValidationInputs(inputs), "CertificateValidation");
  const certId = String(inputs.certId).trim();
  const timeoutMinutes = typeof inputs.timeoutMinutes === "number" ? inputs.timeoutMinutes : DEFAULT_TIMEOUT_MINUTES;
  const client = nicsrsClient();
  const settings = settingsFor(inputs);
  const deadline = Date.now() + timeoutMinutes * 60_000;

  let first: CollectResult;
  try {
    first = await collectThroughTransients(certId, () => client.collect(certId), deadline);
  } catch (err) {
    if (err instanceof NicSrsApiError) throw new Error(`cannot validate certId ${certId}: ${err.message}`);
    throw err;
  }
  // Like ACM: fail early when the records the program created do not cover every DNS DCV record.
  if (Array.isArray(inputs.validationRecordFqdns)) {
    const given = new Set((inputs.validationRecordFqdns as string[]).map(stripDot));
    const missing = dcvOutputs(first.dcv).dcvRecords.filter((r) => !given.has(stripDot(r.name)));
    if (missing.length > 0 && !isIssued(first)) {
      throw new Error(
        `validationRecordFqdns does not cover every DNS DCV record of ${certId}; missing: ` +
          missing.map((r) => `${r.name} (${r.type} ${r.value}, for ${r.domain})`).join(", "),
      );
    }
  }
  if (isDead(first.status)) throw deadError(certId, first);

  const result = await waitForIssued({
    certId,
    timeoutMs: Math.max(0, deadline - Date.now()),
    collect: () => client.collect(certId),
    first,
    dns: settings,
    ...(typeof inputs.propagationTimeoutMinutes === "number" ? { propagationTimeoutMs: inputs.propagationTimeoutMinutes * 60_000 } : {}),
    onCollect: (c) => {
      if (isDead(c.status)) throw deadError(certId, c);
    },
  });
  if (!result.done) {
    const why =
      result.reason === "propagation"
        ? `was not issued: its DCV records were still not in place after ${inputs.propagationTimeoutMinutes} minutes (propagationTimeoutMinutes)`
        : `was not issued within ${timeoutMinutes} minutes`;
    throw new Error(`certificate order ${certId} ${why} (status ${result.value.status}): ${domainReport(result.value, result.report)}`);
  }
  progress(`${certId} issued`);
  return { id: certId, outs: outputsFrom(inputs, result.value) };
}

/** The provider's DNS settings with this resource's inputs over them. */
function settingsFor(inputs: Props): DnsSettings {
  const s = dnsSettings();
  return {
    enabled: typeof inputs.dnsPreflight === "boolean" ? inputs.dnsPreflight : s.enabled,
    resolvers: Array.isArray(inputs.dnsResolvers) && inputs.dnsResolvers.length > 0 ? (inputs.dnsResolvers as string[]) : s.resolvers,
    extraResolvers: Array.isArray(inputs.dnsCheckResolvers) ? (inputs.dnsCheckResolvers as string[]) : s.extraResolvers,
    nameserverAddresses: s.nameserverAddresses,
  };
}

export async function read(id: string, props: Props): Promise<{ id?: string; props?: Props; inputs?: Props }> {
  const certId = typeof props?.certId === "string" ? props.certId : id;
  const c = await nicsrsClient().collect(certId);
  return { id, props: { ...props, ...outputsFrom(props, c) }, inputs: inputsOf(props) };
}

export async function update(_id: string, olds: Props, news: Props): Promise<{ outs: Props }> {
  assertNoFailures(validateValidationInputs(news), "CertificateValidation");
  const out: Props = { ...olds };
  delete out.__provider;
  for (const k of INPUTS) if (!REPLACE_ON.includes(k)) delete out[k];
  return { outs: clean({ ...out, ...inputsOf(news) }) };
}

// No delete: validation is a wait, not an object at the CA (the provider object has no delete).
