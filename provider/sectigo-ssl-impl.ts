// SectigoSslCertificate's provider implementation: adopts an existing Sectigo SSL order (orderNumber or
// certificateId), optionally waits for issuance, refreshes on read, forgets on delete. Loaded by package
// name at call time from the provider object in ./sectigo-ssl-certificate.ts.
import { SectigoApiError, type CollectSslRequest, type SectigoResult } from "../sdk/sectigo";
import { assertNoFailures, clean, type CheckFailure } from "./check";
import { progress, pollUntil } from "./poll";
import { sectigoClient } from "./sectigo-credentials";
import { checkSslInputs, idString } from "./sectigo-inputs";
import { CERTIFICATE_OUTPUTS, certificateOutputs, sslStatusOutputs, STATUS_FOR_CODE } from "./sectigo-outputs";
import { namesOf, replaceNames } from "./schema/field-table";
import { SECTIGO_SSL_FIELDS } from "./schema/sectigo-ssl-fields";
import { initFailed, keepingProvider } from "./init-failed";
import { formatDelay, sectigoPollSchedule } from "./sectigo-poll";
import { containsUnknown } from "./unknowns";

export { configureSectigo as configure } from "./sectigo-credentials";

type Props = Record<string, unknown>;

const FIELDS = SECTIGO_SSL_FIELDS.inputs;
const INPUTS = namesOf(FIELDS);
/** Changing which order is adopted is a different resource. */
const REPLACE_ON = replaceNames(FIELDS);
/** Sectigo ends these orders; their last certificate stays in state. */
const TERMINAL = new Set([-20, -21]);

export async function check(_olds: Props, news: Props): Promise<{ inputs: Props; failures: CheckFailure[] }> {
  return { inputs: news, failures: checkSslInputs(news ?? {}) };
}

export async function diff(_id: string, olds: Props, news: Props) {
  const changed = INPUTS.filter((k) => containsUnknown(news[k]) || idString(olds[k]) !== idString(news[k]));
  const replaces = changed.filter((k) => REPLACE_ON.includes(k));
  return { changes: changed.length > 0, replaces, deleteBeforeReplace: false };
}

function request(inputs: Props): CollectSslRequest {
  const orderNumber = idString(inputs.orderNumber);
  const base = {
    queryType: 1,
    responseType: 3,
    responseFormat: 1,
    showValidityPeriod: true,
    showFQDN: true,
    showExtStatus: true,
    showStatusDetails: true,
    showMDCDomainDetails: true,
    showMDCDomainDetails2: true,
  } as const;
  return orderNumber ? { ...base, orderNumber } : { ...base, certificateID: idString(inputs.certificateId) };
}

type Collected = { result?: SectigoResult; endedWith?: SectigoApiError };

/** One collect; the codes that describe the order's fate (rejected, revoked, unpaid) are outcomes, not failures. */
async function collect(inputs: Props): Promise<Collected> {
  try {
    return { result: await sectigoClient().collectSsl(request(inputs)) };
  } catch (e) {
    if (e instanceof SectigoApiError && STATUS_FOR_CODE[e.code] && e.code !== -154) return { endedWith: e };
    throw e;
  }
}

function outputs(inputs: Props, previous: Props, c: Collected): Props {
  const echo = Object.fromEntries(INPUTS.filter((k) => inputs[k] !== undefined).map((k) => [k, inputs[k]]));
  if (c.endedWith) {
    const kept = Object.fromEntries(CERTIFICATE_OUTPUTS.filter((k) => previous[k] !== undefined).map((k) => [k, previous[k]]));
    return clean({ ...echo, ...kept, orderNumber: previous.orderNumber ?? echo.orderNumber, certificateId: previous.certificateId ?? echo.certificateId, statusCode: c.endedWith.code, status: STATUS_FOR_CODE[c.endedWith.code], statusMessage: c.endedWith.errorMessage });
  }
  const r = c.result!;
  const cert = r.leafPem ? certificateOutputs(r) : Object.fromEntries(CERTIFICATE_OUTPUTS.filter((k) => previous[k] !== undefined).map((k) => [k, previous[k]]));
  return clean({ ...echo, orderNumber: idString(inputs.orderNumber) ?? previous.orderNumber, certificateId: idString(inputs.certificateId) ?? previous.certificateId, ...sslStatusOutputs(r), ...cert });
}

async function collectAndMaybeWait(id: string, inputs: Props, previous: Props): Promise<Props> {
  assertNoFailures(checkSslInputs(inputs), "SectigoSslCertificate");
  const what = idString(inputs.orderNumber) ? `order ${idString(inputs.orderNumber)}` : `certificate ${idString(inputs.certificateId)}`;
  if (inputs.waitForIssuance !== true) return outputs(inputs, previous, await collect(inputs));
  const timeoutMs = (typeof inputs.waitTimeoutMinutes === "number" ? inputs.waitTimeoutMinutes : FIELDS.waitTimeoutMinutes.default) * 60_000;
  const polled = await pollUntil(
    () => collect(inputs),
    (c) => (c.endedWith !== undefined && TERMINAL.has(c.endedWith.code)) || (c.result !== undefined && c.result.statusCode !== 0),
    { timeoutMs, schedule: sectigoPollSchedule(), onWait: (_c, delay) => progress(`Sectigo ${what} is being processed; next collect in ${formatDelay(delay)}`) },
  );
  const props = outputs(inputs, previous, polled.value);
  if (polled.value.endedWith && TERMINAL.has(polled.value.endedWith.code)) throw initFailed(`Sectigo ${what}: ${polled.value.endedWith.message}`, id, props);
  if (!polled.done) throw initFailed(`Sectigo ${what} was not issued within ${timeoutMs / 60_000} minutes (${String(props.status)})`, id, props);
  return props;
}

export function create(inputs: Props): Promise<{ id: string; outs: Props }> {
  const id = idString(inputs.orderNumber) ?? `certificateId:${idString(inputs.certificateId)}`;
  return keepingProvider(inputs, async () => ({ id, outs: await collectAndMaybeWait(id, inputs, {}) }));
}

export async function read(id: string, props: Props): Promise<{ id: string; props: Props }> {
  return { id, props: outputs(props, props, await collect(props)) };
}

export function update(id: string, olds: Props, news: Props): Promise<{ outs: Props }> {
  return keepingProvider(news, async () => ({ outs: await collectAndMaybeWait(id, news, olds) }));
}

/** Forgets the order: nothing changes at Sectigo. */
export async function del(): Promise<void> {}
export { del as delete };
