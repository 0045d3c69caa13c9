// The Certificate's state as cert-impl works with it. The engine hands the provider a flat bag of
// properties: the inputs as last applied, the outputs, and `__provider`. cert-impl reads that bag
// once into a CertificateState where it enters (read, update, delete; create starts from the
// inputs) and writes it back once where it returns.
//
// In the bag the inputs keep their own names, except the `certId` and `refId` inputs: outputs of
// those names hold the current order, so the inputs are stored as `adoptedCertId` and
// `requestedRefId`. A known output whose value has the wrong type is dropped when read; keys this
// version does not know are carried through untouched.
import { INPUT_NAMES } from "./certificate-inputs";
import { storedInputs } from "./certificate-diff";
import { clean } from "./check";
import type { DcvEmailOut, DcvFileOut, DcvRecordOut, IssuedMaterial } from "./certificate-outputs";

type Props = Record<string, unknown>;

/** The outputs in state; the issued material's fields as a collect gives them. */
export interface CertificateOutputs extends IssuedMaterial {
  /** The current order (the resource id stays the first order's). */
  certId?: string;
  refId?: string;
  status?: string;
  vendorId?: string;
  vendorCertId?: string;
  dcvRecords?: DcvRecordOut[];
  dcvFiles?: DcvFileOut[];
  dcvEmails?: DcvEmailOut[];
  validatedDomains?: string[];
  csrPem?: string;
  /** The local key, or the CA's once issued (keySource "ca"). */
  privateKeyPem?: string;
  placedAt?: string;
  /** The latest time the order was seen not yet issued (for the renewal planner's estimate). */
  pendingSeenAt?: string;
  renewalWindowOpensAt?: string;
  previousCertIds?: string[];
  unclaimedCertIds?: string[];
  lastAction?: string;
  keyMismatch?: boolean;
}

export interface CertificateState extends CertificateOutputs {
  /** The inputs as last applied, under their input names (`certId` here is the adopted order). */
  inputs: Props;
  /** Keys this version does not know (`__provider` among them), written back as they came. */
  other: Props;
}

type Reader<T> = (v: unknown) => T | undefined;

const text: Reader<string> = (v) => (typeof v === "string" ? v : undefined);
const flag: Reader<boolean> = (v) => (typeof v === "boolean" ? v : undefined);
const texts: Reader<string[]> = (v) => (Array.isArray(v) && v.every((x) => typeof x === "string") ? v : undefined);

/** A list whose every element `row` accepts (a state written by this provider: nothing is dropped). */
function list<T>(row: (o: Props) => T | undefined): Reader<T[]> {
  return (v) => {
    if (!Array.isArray(v)) return undefined;
    const out: T[] = [];
    for (const e of v) {
      const r = e && typeof e === "object" ? row(Object.fromEntries(Object.entries(e))) : undefined;
      if (r === undefined) return undefined;
      out.push(r);
    }
    return out;
  };
}

const dcvRecords = list<DcvRecordOut>((o) => {
  const [domain, method, name, value] = [text(o.domain), text(o.method), text(o.name), text(o.value)];
  const type = o.type === "CNAME" || o.type === "TXT" ? o.type : undefined;
  return domain !== undefined && method !== undefined && name !== undefined && value !== undefined && type ? { domain, method, name, type, value } : undefined;
});

const dcvFiles = list<DcvFileOut>((o) => {
  const [domain, method, url, path, content] = [text(o.domain), text(o.method), text(o.url), text(o.path), text(o.content)];
  return domain !== undefined && method !== undefined && url !== undefined && path !== undefined && content !== undefined ? { domain, method, url, path, content } : undefined;
});

const dcvEmails = list<DcvEmailOut>((o) => {
  const [domain, email] = [text(o.domain), text(o.email)];
  return domain !== undefined && email !== undefined ? { domain, email } : undefined;
});

const READERS: { [K in keyof Required<CertificateOutputs>]: Reader<CertificateOutputs[K]> } = {
  certId: text,
  refId: text,
  status: text,
  vendorId: text,
  vendorCertId: text,
  dcvRecords,
  dcvFiles,
  dcvEmails,
  validatedDomains: texts,
  csrPem: text,
  privateKeyPem: text,
  certificatePem: text,
  caCertificatePem: text,
  fullChainPem: text,
  pkcs12: text,
  pkcs12Password: text,
  notBefore: text,
  notAfter: text,
  serialNumber: text,
  sha256Fingerprint: text,
  subscriptionEndsAt: text,
  placedAt: text,
  pendingSeenAt: text,
  renewalWindowOpensAt: text,
  previousCertIds: texts,
  unclaimedCertIds: texts,
  lastAction: text,
  keyMismatch: flag,
};

const OUTPUT_NAMES = Object.keys(READERS) as (keyof CertificateOutputs)[];

/** Where each input lives in the bag. */
function stateKey(input: string): string {
  return input === "certId" ? "adoptedCertId" : input === "refId" ? "requestedRefId" : input;
}

const INPUT_KEYS = new Set(INPUT_NAMES.map(stateKey));
const OUTPUT_KEYS = new Set<string>(OUTPUT_NAMES);

/** The inputs given to create or update, under their input names (no `__provider`). */
export function givenInputs(inputs: Props): Props {
  const out: Props = {};
  for (const name of INPUT_NAMES) if (inputs?.[name] !== undefined) out[name] = inputs[name];
  return out;
}

/** A state with no outputs yet (create). */
export function newState(inputs: Props): CertificateState {
  return { inputs: givenInputs(inputs), other: {} };
}

export function readState(bag: Props): CertificateState {
  const props = bag ?? {};
  const state: CertificateState = { inputs: storedInputs(props), other: {} };
  const outputs: Record<string, unknown> = {};
  for (const name of OUTPUT_NAMES) {
    const v = READERS[name](props[name]);
    if (v !== undefined) outputs[name] = v;
  }
  for (const [k, v] of Object.entries(props)) if (!INPUT_KEYS.has(k) && !OUTPUT_KEYS.has(k)) state.other[k] = v;
  return Object.assign(state, outputs);
}

/** The bag the engine stores; undefined values are left out (protobuf Structs cannot carry them). */
export function writeState(state: CertificateState): Props {
  const out: Props = { ...state.other };
  for (const [name, v] of Object.entries(state.inputs)) if (v !== undefined) out[stateKey(name)] = v;
  for (const name of OUTPUT_NAMES) {
    const v = state[name];
    if (v !== undefined) out[name] = v;
  }
  return clean(out);
}
