// SmimeCertificate's provider implementation: for an S/MIME order already placed at Sectigo, makes the key
// and CSR here (or takes the user's CSR), submits the CSR once, and collects until the certificate is issued.
// The CSR is a one-shot mutation (a second one gets -18): it is sent again only when the CA certainly
// refused it (-154) or when the answer was lost, where a -18 then proves the first one arrived.
import { SectigoApiError, SectigoTransportError, type SectigoResult, type SmimeRequest } from "../sdk/sectigo";
import { createCsr, generateKeyPair, parseCertificate, parseCsr } from "../sdk/x509";
import { normalizeSpki } from "../sdk/x509/match";
import { assertNoFailures, clean, type CheckFailure } from "./check";
import { backoffDelay, pollUntil, progress, sleep } from "./poll";
import { sectigoClient } from "./sectigo-credentials";
import { checkSmimeInputs, idString } from "./sectigo-inputs";
import { CERTIFICATE_OUTPUTS, certificateOutputs, statusOf, STATUS_FOR_CODE } from "./sectigo-outputs";
import { namesOf, replaceNames } from "./schema/field-table";
import { OBJECT_TYPES } from "./schema/object-types";
import { SECTIGO_SMIME_FIELDS } from "./schema/sectigo-smime-fields";
import { initFailed, keepingProvider } from "./init-failed";
import { formatDelay, sectigoPollSchedule } from "./sectigo-poll";
import { containsUnknown } from "./unknowns";

export { configureSectigo as configure } from "./sectigo-credentials";

type Props = Record<string, unknown>;

const FIELDS = SECTIGO_SMIME_FIELDS.inputs;
const INPUTS = namesOf(FIELDS);
const REPLACE_ON = replaceNames(FIELDS);
/** Codes that end the order. */
const TERMINAL = new Set([-20, -21]);
/** Codes after which the order may still be issued: keep collecting. */
const WAITING = new Set([-22, -154]);

export async function check(_olds: Props, news: Props): Promise<{ inputs: Props; failures: CheckFailure[] }> {
  return { inputs: news, failures: checkSmimeInputs(news ?? {}) };
}

export async function diff(_id: string, olds: Props, news: Props) {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  const changed = INPUTS.filter((k) => containsUnknown(news[k]) || !same(olds[k], news[k]));
  return { changes: changed.length > 0, replaces: changed.filter((k) => REPLACE_ON.includes(k)), deleteBeforeReplace: false };
}

function identifier(p: Props): Pick<SmimeRequest, "orderNumber" | "collectionCode"> {
  const orderNumber = idString(p.orderNumber);
  return orderNumber ? { orderNumber } : { collectionCode: idString(p.collectionCode) };
}

const describe = (p: Props) => (idString(p.orderNumber) ? `S/MIME order ${idString(p.orderNumber)}` : "S/MIME order (collection code)");

async function keyAndCsr(inputs: Props): Promise<Props> {
  if (typeof inputs.csr === "string") return { csrPem: inputs.csr };
  const key = (inputs.key ?? {}) as { algorithm?: "RSA" | "ECDSA"; rsaBits?: 2048 | 3072 | 4096; curve?: "P-256" | "P-384" };
  const { privateKeyPem } = await generateKeyPair({ algorithm: key.algorithm ?? OBJECT_TYPES.Key.properties.algorithm.default, rsaBits: key.rsaBits, curve: key.curve });
  const email = String(inputs.email);
  return { privateKeyPem, csrPem: await createCsr({ privateKeyPem, commonName: email, emails: [email] }) };
}

type Step = { result?: SectigoResult; code?: number; message?: string };

/** Sends the CSR until the CA has it. Returns the first answer that followed acceptance (or a -18). */
async function submitCsr(props: Props, deadline: number): Promise<Step> {
  const schedule = sectigoPollSchedule();
  for (let n = 0; ; n++) {
    try {
      const result = await sectigoClient().requestAndCollectSmime({ ...identifier(props), csr: String(props.csrPem), returnCertificate: true, queryType: 1, responseType: 3 });
      props.csrSubmitted = true;
      return { result };
    } catch (e) {
      if (e instanceof SectigoApiError && e.code === -18) {
        // Already there: ours from an attempt whose answer was lost, or someone else's. The key check at issuance tells.
        props.csrSubmitted = true;
        return {};
      }
      const refused = e instanceof SectigoApiError && WAITING.has(e.code);
      const lost = e instanceof SectigoTransportError;
      if ((!refused && !lost) || Date.now() >= deadline) throw e;
      const delay = Math.min(backoffDelay(n, schedule), Math.max(0, deadline - Date.now()));
      progress(`${describe(props)}: CSR not accepted yet (${e.message}); trying again in ${formatDelay(delay)}`);
      await sleep(delay);
    }
  }
}

async function collect(props: Props): Promise<Step> {
  try {
    return { result: await sectigoClient().requestAndCollectSmime({ ...identifier(props), queryType: 1, responseType: 3 }) };
  } catch (e) {
    if (e instanceof SectigoApiError && (TERMINAL.has(e.code) || WAITING.has(e.code))) return { code: e.code, message: e.errorMessage };
    throw e;
  }
}

function apply(props: Props, step: Step): Props {
  if (step.result) {
    const r = step.result;
    return clean({ ...props, statusCode: r.statusCode, status: statusOf(r), statusMessage: undefined, ...(r.leafPem ? certificateOutputs(r) : {}) });
  }
  if (step.code !== undefined) return clean({ ...props, statusCode: step.code, status: STATUS_FOR_CODE[step.code], statusMessage: step.message });
  return props;
}

/** The issued certificate must be for our key (a -18 may mean someone else's CSR was used). */
function keyMismatch(props: Props): string | undefined {
  if (typeof props.certificatePem !== "string") return undefined;
  const certKey = normalizeSpki(parseCertificate(props.certificatePem).publicKeySpkiDer);
  const ourKey = normalizeSpki(parseCsr(String(props.csrPem)).publicKeySpkiDer);
  return Buffer.from(certKey).equals(Buffer.from(ourKey)) ? undefined : `${describe(props)} was issued for a different key than this resource's CSR (the order already had a CSR)`;
}

async function untilIssued(id: string, start: Props): Promise<Props> {
  const timeoutMs = (typeof start.waitTimeoutMinutes === "number" ? start.waitTimeoutMinutes : FIELDS.waitTimeoutMinutes.default) * 60_000;
  const deadline = Date.now() + timeoutMs;
  let props = { ...start };
  try {
    if (props.csrSubmitted !== true) props = apply(props, await submitCsr(props, deadline));
    if (props.status !== "issued") {
      const polled = await pollUntil(
        () => collect(props),
        (s) => (s.result !== undefined && s.result.statusCode !== 0) || (s.code !== undefined && TERMINAL.has(s.code)),
        { timeoutMs: Math.max(0, deadline - Date.now()), schedule: sectigoPollSchedule(), onWait: (_s, delay) => progress(`${describe(props)} is being processed; next collect in ${formatDelay(delay)}`) },
      );
      props = apply(props, polled.value);
    }
  } catch (e) {
    // The CSR may be at the CA already: keep the key in state so that the next update finishes the job.
    if (props.csrSubmitted === true) throw initFailed(`${describe(props)}: ${(e as Error).message}`, id, props);
    throw e;
  }
  if (props.status !== "issued") throw initFailed(`${describe(props)}: ${props.statusMessage ?? `not issued within ${timeoutMs / 60_000} minutes`} (${String(props.status)})`, id, props);
  const mismatch = keyMismatch(props);
  if (mismatch) throw initFailed(mismatch, id, props);
  return props;
}

export function create(inputs: Props): Promise<{ id: string; outs: Props }> {
  return keepingProvider(inputs, () => createSmime(inputs));
}

async function createSmime(inputs: Props): Promise<{ id: string; outs: Props }> {
  assertNoFailures(checkSmimeInputs(inputs), "SmimeCertificate");
  const id = idString(inputs.orderNumber) ?? `collectionCode:${idString(inputs.collectionCode)}`;
  const echo = Object.fromEntries(INPUTS.filter((k) => inputs[k] !== undefined).map((k) => [k, inputs[k]]));
  const start = { ...echo, ...(await keyAndCsr(inputs)), csrSubmitted: false };
  return { id, outs: await untilIssued(id, start) };
}

export async function read(id: string, props: Props): Promise<{ id: string; props: Props }> {
  if (props.csrSubmitted !== true) return { id, props };
  const step = await collect(props);
  // A revoked or rejected order keeps its last certificate in state, with the status saying so.
  const next = apply(props, step);
  if (!step.result?.leafPem) for (const k of CERTIFICATE_OUTPUTS) if (props[k] !== undefined) next[k] = props[k];
  return { id, props: next };
}

export function update(id: string, olds: Props, news: Props): Promise<{ outs: Props }> {
  const props = clean<Props>({ ...olds, waitTimeoutMinutes: news.waitTimeoutMinutes });
  if (props.status === "issued" && typeof props.certificatePem === "string") return Promise.resolve({ outs: props });
  return keepingProvider(news, async () => ({ outs: await untilIssued(id, props) }));
}

/** Forgets the certificate: nothing changes at Sectigo. */
export async function del(): Promise<void> {}
export { del as delete };
