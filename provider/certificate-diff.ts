// Certificate diff from state alone (no CA call): which inputs changed, whether that replaces the
// order, and whether a renewal is due. Pure.
import { isDeepStrictEqual } from "node:util";
import { INPUT_NAMES, REPLACE_KEYS, toSpec, type CertificateSpec } from "./certificate-inputs";
import { planRenewal, renewalState, type RenewalPlan } from "./renewal-plan";
import { containsUnknown } from "./unknowns";
import {
  CERTIFICATE_FIELDS,
  CERTIFICATE_HIDDEN_INPUTS,
  CERTIFICATE_STABLE_STATE,
  CERTIFICATE_STORED_INPUTS,
} from "./schema/certificate-fields";
import { createOnlyNames, stableNames } from "./schema/field-table";

import { isDead } from "./order-status";

export interface CertificateDiffResult {
  changes: boolean;
  replaces: string[];
  stables: string[];
  deleteBeforeReplace: false;
  /** Every changed key (inputs, plus `renewal` / `status` / `keyMismatch`), for logs and tests. */
  changed: string[];
  /** Set when the renewal planner asks for a reissue or renew. */
  renewal?: RenewalPlan;
}

/** Inputs that never change on an in-place update (the engine keeps their outputs known in preview). */
const STABLES = [...stableNames(CERTIFICATE_FIELDS.inputs), ...stableNames(CERTIFICATE_HIDDEN_INPUTS), ...CERTIFICATE_STABLE_STATE];

/**
 * Old input values as stored in state. `certId` and `refId` are outputs there (the current order);
 * the inputs of those names are kept as `adoptedCertId` and `requestedRefId`.
 */
export function storedInputs(olds: Record<string, unknown>): Record<string, unknown> {
  const stored: Record<string, string> = CERTIFICATE_STORED_INPUTS;
  const out: Record<string, unknown> = {};
  for (const name of INPUT_NAMES) {
    const v = olds[stored[name] ?? name];
    if (v !== undefined) out[name] = v;
  }
  return out;
}

/** Whether an input is the same in two specs; an input the spec does not carry is compared as given. */
function sameField(name: string, a: CertificateSpec, b: CertificateSpec, rawA: Record<string, unknown>, rawB: Record<string, unknown>): boolean {
  switch (name) {
    case "productCode":
      return a.productCode.toLowerCase() === b.productCode.toLowerCase();
    case "domains":
      return a.domains[0] === b.domains[0] && isDeepStrictEqual([...a.domains].sort(), [...b.domains].sort());
    case "csr":
      return (a.csr ?? "").replace(/\s+/g, "") === (b.csr ?? "").replace(/\s+/g, "");
    case "key":
      return isDeepStrictEqual(a.key ?? null, b.key ?? null);
    case "keySource":
      return a.keySource === b.keySource;
    case "dcvMethod":
    case "dcvEmail":
    case "domainDcv":
      return isDeepStrictEqual(
        [...a.dcv].sort((x, y) => x.domain.localeCompare(y.domain)),
        [...b.dcv].sort((x, y) => x.domain.localeCompare(y.domain)),
      );
    default:
      if (!(name in a)) return isDeepStrictEqual(rawA[name] ?? null, rawB[name] ?? null);
      return isDeepStrictEqual((a as unknown as Record<string, unknown>)[name] ?? null, (b as unknown as Record<string, unknown>)[name] ?? null);
  }
}

/** Inputs that only matter when an order is placed; later changes are kept in state, nothing else. */
const CREATE_ONLY = new Set([...createOnlyNames(CERTIFICATE_FIELDS.inputs), ...createOnlyNames(CERTIFICATE_HIDDEN_INPUTS)]);

export function diffCertificate(olds: Record<string, unknown>, news: Record<string, unknown>, now: Date): CertificateDiffResult {
  const oldRaw = storedInputs(olds ?? {});
  const newRaw: Record<string, unknown> = {};
  for (const name of INPUT_NAMES) if (news?.[name] !== undefined) newRaw[name] = news[name];
  const oldSpec = toSpec(oldRaw);
  const newSpec = toSpec(stripUnknownTopLevel(newRaw));

  const changed: string[] = [];
  const replaces: string[] = [];
  for (const name of INPUT_NAMES) {
    if (CREATE_ONLY.has(name)) continue;
    const unknown = containsUnknown(newRaw[name]);
    if (!unknown && name === "certId") {
      if ((oldRaw.certId ?? null) !== (newRaw.certId ?? null)) changed.push(name);
      continue;
    }
    if (!unknown && sameField(name, oldSpec, newSpec, oldRaw, newRaw)) continue;
    changed.push(name);
  }
  for (const name of changed) if (REPLACE_KEYS.includes(name)) replaces.push(name);

  const status = typeof olds?.status === "string" ? olds.status : undefined;
  if (isDead(status)) {
    changed.push("status");
    replaces.push("status");
  }

  let renewal: RenewalPlan | undefined;
  if (replaces.length === 0) {
    const renewBeforeDays = containsUnknown(newRaw.renewBeforeDays) ? oldSpec.renewBeforeDays : newSpec.renewBeforeDays;
    const plan = planRenewal(renewalState(olds ?? {}, oldSpec.years, status), { renewBeforeDays, now });
    if (plan.action !== "none") {
      renewal = plan;
      changed.push("renewal");
    } else if (olds?.keyMismatch === true) {
      changed.push("keyMismatch"); // update reissues with the key (free)
    }
  }
  return {
    changes: changed.length > 0,
    replaces,
    stables: replaces.length === 0 ? STABLES : [],
    deleteBeforeReplace: false,
    changed,
    ...(renewal ? { renewal } : {}),
  };
}


/** Unknown fields dropped so toSpec can still read the known ones (the unknown ones count as changed). */
function stripUnknownTopLevel(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) if (!containsUnknown(v)) out[k] = v;
  return out;
}
