// The CertificateValidation dynamic provider's implementation: waits until the CA has issued the
// certificate of `certId` and outputs the issued material. Loaded by package name at call time.
import { z } from "zod";
import { NicSrsApiError, NicSrsResponseError, NicSrsTransportError, type CollectResult } from "../sdk/nicsrs";
import { formatFailures, type CheckFailure } from "./certificate-inputs";
import { DEAD_STATUSES } from "./certificate-diff";
import { clean, dcvOutputs, isIssued, issuedMaterial, pendingSummary, verifiedDomains } from "./certificate-outputs";
import { nicsrsClient } from "./credentials";
import { pollUntil, progress } from "./poll";
import { boundFailures, VALIDATION_LIMITS } from "./input-bounds";
import { containsUnknown, formatPath, segments, stripUnknowns, underAny } from "./unknowns";

export { configure } from "./credentials";

type Props = Record<string, unknown>;

export const DEFAULT_TIMEOUT_MINUTES = 60;

const FQDN_RE = /^(\*\.)?([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?\.?$/i;

export const ValidationInputsSchema = z.strictObject({
  certId: z.string().trim().min(1, 'a NicSRS certId such as "260113vghhracpaw"'),
  validationRecordFqdns: z.array(z.string().regex(FQDN_RE, "is not a valid DNS name")).optional(),
  timeoutMinutes: z.number().positive().max(1440).optional(),
});

const ALLOWED: Record<string, string> = {
  certId: 'a NicSRS certId such as "260113vghhracpaw" (or pass `certificate`)',
  validationRecordFqdns: "a list of DNS record names",
  timeoutMinutes: "minutes, more than 0 and at most 1440 (default 60)",
};

export function validateValidationInputs(raw: Props): CheckFailure[] {
  const { __provider: _p, ...input } = raw ?? {};
  const tooLong = boundFailures(input, VALIDATION_LIMITS);
  if (tooLong.length > 0) return tooLong;
  const { value, unknownPaths } = stripUnknowns(input);
  const r = ValidationInputsSchema.safeParse(value, { error: (iss) => ALLOWED[String(iss.path?.[0])] ?? "see the CertificateValidation documentation" });
  if (r.success) return [];
  const failures: CheckFailure[] = [];
  for (const iss0 of r.error.issues) {
    const iss = { ...iss0, path: segments(iss0.path) };
    if (iss.code === "unrecognized_keys") {
      for (const k of iss.keys) failures.push({ property: k, reason: `is not an input of CertificateValidation (inputs: certificate or certId, validationRecordFqdns, timeoutMinutes)` });
      continue;
    }
    if (underAny(iss.path, unknownPaths)) continue;
    let v: unknown = input;
    for (const seg of iss.path) v = (v as Record<string | number, unknown> | undefined)?.[seg as string];
    const shown = v === undefined ? undefined : typeof v === "string" ? JSON.stringify(v.length > 80 ? `${v.slice(0, 77)}...` : v) : typeof v === "object" ? "an object" : String(v);
    const msg = iss.message;
    failures.push({
      property: formatPath(iss.path),
      reason: shown === undefined ? `is required (${msg})` : msg.startsWith("is ") ? `${shown} ${msg}` : `${shown} is not allowed (${msg})`,
    });
  }
  return failures;
}

export async function check(_olds: Props, news: Props): Promise<{ inputs: Props; failures: CheckFailure[] }> {
  return { inputs: news, failures: validateValidationInputs(news ?? {}) };
}

export async function diff(_id: string, olds: Props, news: Props) {
  const certIdChanged = containsUnknown(news?.certId) || news?.certId !== olds?.certId;
  const others = ["validationRecordFqdns", "timeoutMinutes"].filter(
    (k) => containsUnknown(news?.[k]) || JSON.stringify(news?.[k] ?? null) !== JSON.stringify(olds?.[k] ?? null),
  );
  const changed = [...(certIdChanged ? ["certId"] : []), ...others];
  return {
    changes: changed.length > 0,
    replaces: certIdChanged ? ["certId"] : [],
    stables: certIdChanged ? [] : ["certId"],
    deleteBeforeReplace: false,
  };
}

const stripDot = (n: string) => n.toLowerCase().replace(/\.$/, "");

function inputsOf(inputs: Props): Props {
  const out: Props = {};
  for (const k of ["certId", "validationRecordFqdns", "timeoutMinutes"]) if (inputs[k] !== undefined) out[k] = inputs[k];
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

/** A collect that survives transient trouble (the client already retried): undefined means "ask again". */
async function collectTolerant(certId: string): Promise<CollectResult | undefined> {
  try {
    return await nicsrsClient().collect(certId);
  } catch (err) {
    if (err instanceof NicSrsTransportError || err instanceof NicSrsResponseError) {
      progress(`collect ${certId} failed (${err.message}); asking again`);
      return undefined;
    }
    throw err;
  }
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
  const failures = validateValidationInputs(inputs);
  if (failures.length > 0) throw new Error(formatFailures(failures, "CertificateValidation"));
  const certId = String(inputs.certId).trim();
  const timeoutMinutes = typeof inputs.timeoutMinutes === "number" ? inputs.timeoutMinutes : DEFAULT_TIMEOUT_MINUTES;
  const client = nicsrsClient();

  let first: CollectResult;
  try {
    first = await client.collect(certId);
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
  if ((DEAD_STATUSES as readonly string[]).includes(first.status)) throw deadError(certId, first);

  let pending = true;
  let last = first;
  const result = await pollUntil(
    async () => {
      if (pending) {
        pending = false;
        return first;
      }
      return (await collectTolerant(certId)) ?? last;
    },
    (c) => {
      last = c;
      if ((DEAD_STATUSES as readonly string[]).includes(c.status)) throw deadError(certId, c);
      return isIssued(c);
    },
    {
      timeoutMs: timeoutMinutes * 60_000,
      onWait: (c, ms, n) => {
        if (n === 1 || n % 5 === 0 || ms >= 30_000) progress(`waiting for ${certId} (${c.status}): ${pendingSummary(c)}; next check in ${Math.max(1, Math.round(ms / 1000))} s`);
      },
    },
  );
  if (!result.done) {
    throw new Error(`certificate order ${certId} was not issued within ${timeoutMinutes} minutes (status ${result.value.status}). Still pending: ${pendingSummary(result.value)}`);
  }
  progress(`${certId} issued`);
  return { id: certId, outs: outputsFrom(inputs, result.value) };
}

export async function read(id: string, props: Props): Promise<{ id?: string; props?: Props; inputs?: Props }> {
  const certId = typeof props?.certId === "string" ? props.certId : id;
  const c = await nicsrsClient().collect(certId);
  return { id, props: { ...props, ...outputsFrom(props, c) }, inputs: inputsOf(props) };
}

export async function update(_id: string, olds: Props, news: Props): Promise<{ outs: Props }> {
  const failures = validateValidationInputs(news);
  if (failures.length > 0) throw new Error(formatFailures(failures, "CertificateValidation"));
  const out: Props = { ...olds };
  delete out.__provider;
  delete out.validationRecordFqdns;
  delete out.timeoutMinutes;
  return { outs: clean({ ...out, ...inputsOf(news) }) };
}

// No delete: validation is a wait, not an object at the CA (the provider object has no delete).
