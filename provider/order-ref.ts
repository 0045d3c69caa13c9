// The refId of a Certificate's first order and how an order found under it is judged. The refId
// depends on the resource (stack, project, parents, name) and on how often it was replaced, never
// on inputs a user may edit between a failed run and the next: an order whose answer was lost is
// looked up again whatever changed, and then adopted, cancelled or reported — never orphaned.
import { isDeepStrictEqual } from "node:util";
import type { CollectResult } from "../sdk/nicsrs";
import { parseCertificate } from "../sdk/x509";
import { deriveRefId, orderIdentity, REPLACE_KEYS, toSpec, type CertificateSpec } from "./certificate-inputs";

type Props = Record<string, unknown>;

/** The input `check` adds: 1 for a new resource, one more each time an order-defining input changes. */
export const GENERATION_INPUT = "orderGeneration";

function hasState(olds: Props | undefined): olds is Props {
  return !!olds && Object.keys(olds).some((k) => k !== "__provider");
}

/**
 * A resource's order generation, from the old inputs `check` receives (none for a resource not in
 * state: a new one, or one whose create failed). Counting up when an input that replaces the order
 * changes gives a replacement its own refId while the order it replaces is still alive.
 */
export function orderGeneration(olds: Props | undefined, news: Props): number {
  if (!hasState(olds)) return 1;
  const old = olds[GENERATION_INPUT];
  const prev = typeof old === "number" && Number.isInteger(old) && old >= 1 ? old : 1;
  const changed =
    REPLACE_KEYS.some((k) => !isDeepStrictEqual(olds[k] ?? null, news[k] ?? null)) || orderIdentity(toSpec(olds)) !== orderIdentity(toSpec(news));
  return changed ? prev + 1 : prev;
}

/** The refId of the first order: the user's, or `pulumi-<hex>` of the seed and the generation. */
export function placeRefId(spec: CertificateSpec, generation: number): string {
  if (spec.refId) return spec.refId;
  return deriveRefId(spec.refIdSeed ?? "", "place", `generation ${generation}`);
}

/** The domains an order covers, as far as its collect tells (dcvList, DCV records, or the certificate's SANs). */
export function orderDomains(c: CollectResult): string[] | undefined {
  let names = c.domains.map((d) => d.domain);
  if (names.length === 0) names = [...c.dcv.dns, ...c.dcv.files, ...c.dcv.emails].map((d) => d.domain);
  if (names.length === 0 && c.certificatePem) {
    try {
      names = parseCertificate(c.certificatePem).sans;
    } catch {
      names = [];
    }
  }
  if (names.length === 0) return undefined;
  return [...new Set(names.map((n) => n.trim().toLowerCase()))].sort();
}

/** Whether an order found under this resource's refId is the order its inputs ask for (undefined: cannot tell). */
export function matchesInputs(spec: CertificateSpec, c: CollectResult): boolean | undefined {
  const theirs = orderDomains(c);
  if (!theirs) return undefined;
  return isDeepStrictEqual(theirs, [...new Set(spec.domains)].sort());
}
