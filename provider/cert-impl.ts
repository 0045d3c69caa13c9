// The Certificate dynamic provider's implementation. Loaded by package name at call time from
// the shared provider object in ./certificate.ts (which captures nothing), in the provider process.
import type { CollectResult, NicSrsClient } from "../sdk/nicsrs";
import { NicSrsApiError, NicSrsError } from "../sdk/nicsrs";
import { deriveRefId, toSpec, validateCertificateInputs, type CertificateSpec, type DomainDcv } from "./certificate-inputs";
import { assertNoFailures, type CheckFailure } from "./check";
import { diffCertificate, storedInputs } from "./certificate-diff";
import { dcvOutputs, issuedMaterial, orderOutputs, verifiedDomains } from "./certificate-outputs";
import { givenInputs, newState, readState, writeState, type CertificateOutputs, type CertificateState } from "./certificate-state";
import { nicsrsClient } from "./credentials";
import { certificateMatchesKey, newKeyMaterial, type KeyMaterial } from "./key-material";
import { initFailed, keepingProvider } from "./init-failed";
import { certificateMatchesKeyFile } from "./key-file";
import { dcvSummary } from "./dcv-summary";
import { progress } from "./poll";
import { GENERATION_INPUT, orderGeneration, placeRefId } from "./order-ref";
import { orderIdempotently, orderParams, reissueParams, type OrderOutcome } from "./idempotent-order";
import { EXPIRED, isDead, isIssued, isOver } from "./order-status";
import { dnsSettings } from "./dns-config";
import { assertCaaAllows } from "./caa-check";
import { domainReport, waitForIssued } from "./issuance-wait";
import { planningNow, planRenewal, renewalState, type RenewalAction } from "./renewal-plan";
import { COLLECT_ONLY_TEXT, DCV_SWITCH_TEXT, describeChange, describeCreate, newOrderText, REISSUE_TEXT, renewalText } from "./plan-wording";
import { deleteOutcomeText, type DeleteOutcome } from "./delete-wording";
import { assertRenewalContacts } from "./renewal-contacts";

export { configureWithDns as configure } from "./dns-config";

type Props = Record<string, unknown>;

/** Outputs that describe the current order or its certificate (cleared when a new order starts). */
const ORDER_OUTPUTS = [
  "status",
  "vendorId",
  "vendorCertId",
  "dcvRecords",
  "dcvFiles",
  "dcvEmails",
  "validatedDomains",
  "certificatePem",
  "caCertificatePem",
  "fullChainPem",
  "pkcs12",
  "pkcs12Password",
  "notBefore",
  "notAfter",
  "serialNumber",
  "sha256Fingerprint",
  "keyMismatch",
] as const satisfies readonly (keyof CertificateOutputs)[];

// ---- check / diff --------------------------------------------------------------------------

export async function check(olds: Props, news: Props): Promise<{ inputs: Props; failures: CheckFailure[] }> {
  const inputs = { ...news, [GENERATION_INPUT]: orderGeneration(olds, news ?? {}) };
  const failures = validateCertificateInputs(inputs);
  // A create has no diff: its plan line comes from check (old inputs are empty only for a create).
  if (failures.length === 0 && Object.keys(olds ?? {}).length === 0) progress(`${certificateLabel(news)}: plan: ${describeCreate(news)}`);
  return { inputs, failures };
}

export async function diff(id: string, olds: Props, news: Props) {
  const d = diffCertificate(olds ?? {}, news ?? {}, planningNow());
  const current = String(olds?.certId ?? id);
  const newSpec = toSpec(news ?? {});
  if (d.renewal?.action === "renew") assertRenewalContacts(current, newSpec, d.renewal.reason);
  if (d.changes) progress(`${current}: plan: ${describeChange(d, olds ?? {}, newSpec, toSpec(storedInputs(olds ?? {})))}`);
  return { changes: d.changes, replaces: d.replaces, stables: d.stables, deleteBeforeReplace: d.deleteBeforeReplace };
}

/** "Certificate www.example.com" (check has no resource name): for plan lines. */
function certificateLabel(inputs: Props): string {
  const first = Array.isArray(inputs?.domains) && typeof inputs.domains[0] === "string" ? inputs.domains[0] : undefined;
  return first && first.length <= 253 ? `Certificate ${first}` : "Certificate";
}

function assertValid(inputs: Props): CertificateSpec {
  assertNoFailures(validateCertificateInputs(inputs), "Certificate");
  return toSpec(inputs);
}

// ---- state changes ---------------------------------------------------------------------------

function withoutOrderOutputs(state: CertificateState): CertificateState {
  const out = { ...state };
  for (const k of ORDER_OUTPUTS) delete out[k];
  return out;
}

/** Outputs from a collect, merged over earlier outputs; keeps the local key and CSR. */
function applyCollect(state: CertificateState, c: CollectResult, now: Date): CertificateState {
  const material = issuedMaterial(c);
  const out: CertificateState = {
    ...state,
    status: c.status,
    ...(c.vendorId ? { vendorId: c.vendorId } : {}),
    ...(c.vendorCertId ? { vendorCertId: c.vendorCertId } : {}),
    validatedDomains: verifiedDomains(c),
    ...material,
  };
  const dcv = dcvOutputs(c.dcv);
  if (dcv.dcvRecords.length + dcv.dcvFiles.length + dcv.dcvEmails.length > 0) Object.assign(out, dcv);
  if (!isIssued(c) && !isDead(c.status)) out.pendingSeenAt = now.toISOString();
  // The CA's key comes with the certificate; a local key must match it.
  if (isIssued(c) && !material.privateKeyPem && state.privateKeyPem !== undefined) {
    if (certificateMatchesKey(state.privateKeyPem, material.certificatePem)) delete out.keyMismatch;
    else out.keyMismatch = true;
  }
  return out;
}

/**
 * With `privateKeyFile` the state holds no key to compare the issued certificate with: the file's
 * key is compared instead. A key file missing on this machine is reported, never acted on.
 */
async function checkKeyFile(state: CertificateState, spec: Pick<CertificateSpec, "privateKeyFile" | "certId">): Promise<CertificateState> {
  const path = spec.privateKeyFile;
  if (!path || !state.certificatePem || state.privateKeyPem !== undefined) return state;
  if (spec.certId && state.certId === spec.certId) return state; // an adopted order's key is its owner's
  const verdict = await certificateMatchesKeyFile(path, state.certificatePem);
  if (verdict === "absent") {
    progress(`${String(state.certId)}: privateKeyFile ${path} holds no key on this machine; the issued certificate was not checked against it`);
    return state;
  }
  const out = { ...state };
  if (verdict === "match") delete out.keyMismatch;
  else out.keyMismatch = true;
  return out;
}

/** Outputs for a new (not yet issued) order, over `base` (inputs and earlier outputs). */
function newOrderOutputs(base: CertificateState, ordered: OrderOutcome, material: KeyMaterial, at: string): CertificateState {
  return {
    ...withoutOrderOutputs(base),
    ...orderOutputs(ordered.order),
    status: "PENDING",
    ...dcvOutputs(ordered.order.dcv),
    validatedDomains: [],
    placedAt: at,
    pendingSeenAt: at,
    csrPem: material.csrPem || undefined,
    privateKeyPem: material.privateKeyPem && !material.keyInFile ? material.privateKeyPem : undefined,
    ...(ordered.keyMismatch ? { keyMismatch: true } : {}),
  };
}

/** The state as the engine stores it, with when the renewal window opens. */
function finish(state: CertificateState, spec: CertificateSpec): Props {
  const plan = planRenewal(renewalState(state, spec.years), { renewBeforeDays: spec.renewBeforeDays, now: new Date(0) });
  return writeState({ ...state, renewalWindowOpensAt: plan.windowOpensAt });
}

async function waitIfAsked(client: NicSrsClient, spec: CertificateSpec, id: string, state: CertificateState): Promise<CertificateState> {
  if (!spec.waitForIssuance || state.status === "COMPLETE") return state;
  const certId = String(state.certId);
  const result = await waitForIssued({
    certId,
    timeoutMs: spec.waitTimeoutMinutes * 60_000,
    collect: () => client.collect(certId),
    dns: dnsSettings(),
    onCollect: (c) => {
      if (isDead(c.status)) throw initFailed(`certificate order ${certId} is ${c.status} at the CA`, id, writeState(applyCollect(state, c, planningNow())));
    },
  });
  const out = await checkKeyFile(applyCollect(state, result.value, planningNow()), spec);
  if (!result.done) {
    throw initFailed(
      `certificate order ${certId} was not issued within ${spec.waitTimeoutMinutes} minutes (status ${result.value.status}): ${domainReport(result.value, result.report)}`,
      id,
      finish(out, spec),
    );
  }
  return out;
}

// ---- create ----------------------------------------------------------------------------------

export function create(inputs: Props): Promise<{ id: string; outs: Props }> {
  return keepingProvider(inputs, () => createCertificate(inputs));
}

async function createCertificate(inputs: Props): Promise<{ id: string; outs: Props }> {
  const spec = assertValid(inputs);
  const client = nicsrsClient();
  const now = planningNow();
  const base = newState(inputs);

  if (spec.certId) return adopt(client, spec, base, now);

  const material = await newKeyMaterial(spec);
  const given = inputs[GENERATION_INPUT];
  const baseRefId = placeRefId(spec, typeof given === "number" ? given : 1);
  let ordered: OrderOutcome;
  try {
    ordered = await orderIdempotently(
      client,
      "place",
      baseRefId,
      spec,
      material,
      async (refId) => (await assertCaaAllows(spec.productCode, spec.domains), client.place({ productCode: spec.productCode, years: spec.years, refId, params: orderParams(spec, material) })),
      { userRefId: !!spec.refId },
    );
  } catch (err) {
    throw whatHappensNext(err, baseRefId, !!spec.refId);
  }
  const id = ordered.recoveredCertId ?? ordered.order.certId;
  const tookOver = !!(ordered.order.recovered || ordered.recoveredCertId);
  let state = newOrderOutputs(base, ordered, material, ordered.order.appliedAt ?? now.toISOString());
  // Found rather than placed: its state may be further along than PENDING.
  if (tookOver) state = applyCollect(state, await client.collect(ordered.order.certId), now);
  if (ordered.recoveredCertId) state.previousCertIds = [ordered.recoveredCertId];
  if (ordered.unclaimedCertIds.length > 0) state.unclaimedCertIds = ordered.unclaimedCertIds;
  state.lastAction = tookOver
    ? `took over existing paid order ${ordered.recoveredCertId ?? ordered.order.certId} (refId ${ordered.refId}) instead of buying a new one`
    : newOrderText(spec);
  if (state.status !== "COMPLETE") progress(`${String(state.certId)}: ${state.lastAction}; ${dcvSummary(state)}`);
  state = await waitIfAsked(client, spec, id, state);
  return { id, outs: finish(state, spec) };
}

/** After an order whose outcome is unknown: what the next run does about it. */
function whatHappensNext(err: unknown, refId: string, userRefId: boolean): unknown {
  if (!(err instanceof NicSrsError) || err.orderOutcome !== "unknown") return err;
  return err.annotate(
    userRefId
      ? `That order is in no stack state: the next \`pulumi up\` that creates this Certificate looks up refId "${refId}" before ordering, as long as the refId input stays "${refId}".`
      : `That order is in no stack state: the next \`pulumi up\` that creates this Certificate looks up refId "${refId}" (${refId}-2, …) before ordering, whatever inputs you edit meanwhile; ` +
          `an order found there that no longer matches the inputs is cancelled (refunded) while pending, or kept and listed in unclaimedCertIds once issued.`,
  );
}

async function adopt(client: NicSrsClient, spec: CertificateSpec, base: CertificateState, now: Date): Promise<{ id: string; outs: Props }> {
  const certId = spec.certId ?? "";
  let c: CollectResult;
  try {
    c = await client.collect(certId);
  } catch (err) {
    if (err instanceof NicSrsApiError) throw new Error(`cannot adopt certId ${certId}: ${err.message}`);
    throw err;
  }
  if (isDead(c.status)) throw new Error(`cannot adopt certId ${certId}: the order is ${c.status}`);
  const theirs = c.domains.map((d) => d.domain.toLowerCase()).sort();
  const ours = [...spec.domains].sort();
  if (theirs.length > 0 && JSON.stringify(theirs) !== JSON.stringify(ours)) {
    throw new Error(`cannot adopt certId ${certId}: the order covers ${theirs.join(", ")} but domains is ${spec.domains.join(", ")}`);
  }
  let state: CertificateState = { ...base, certId, lastAction: `adopted existing order ${certId} (no new order, no charge)`, ...(isIssued(c) ? {} : { pendingSeenAt: now.toISOString() }) };
  state = applyCollect(state, c, now);
  delete state.keyMismatch; // the key of an adopted order is the owner's, not ours
  state = await waitIfAsked(client, spec, certId, state);
  return { id: certId, outs: finish(state, spec) };
}

// ---- read ------------------------------------------------------------------------------------

function isNotFound(err: unknown): boolean {
  return err instanceof NicSrsApiError && err.code === -1 && /no order|not found|not exist/i.test(err.message);
}

export async function read(id: string, props: Props): Promise<{ id?: string; props?: Props; inputs?: Props }> {
  const client = nicsrsClient();
  const state = readState(props);
  const certId = state.certId ?? id;
  let c: CollectResult;
  try {
    c = await client.collect(certId);
  } catch (err) {
    if (isNotFound(err)) return {}; // gone at the CA: the engine drops it from state
    throw err;
  }
  const spec = toSpec(state.inputs);
  const outs = finish(await checkKeyFile(applyCollect(state, c, planningNow()), spec), spec);
  return { id, props: outs, inputs: state.inputs };
}

// ---- update ----------------------------------------------------------------------------------

export function update(id: string, olds: Props, news: Props): Promise<{ outs: Props }> {
  return keepingProvider(news, () => updateCertificate(id, olds, news));
}

/** Collect, switch changed DCV methods, plan, reissue or renew, wait if asked. */
async function updateCertificate(id: string, olds: Props, news: Props): Promise<{ outs: Props }> {
  const spec = assertValid(news);
  const d = diffCertificate(olds, news, planningNow());
  if (d.replaces.length > 0) throw new Error(`internal: update called for a replacement (${d.replaces.join(", ")})`);
  const client = nicsrsClient();
  const now = planningNow();
  const old = readState(olds);
  const certId = old.certId ?? id;
  const oldSpec = toSpec(old.inputs);
  const { __provider: _provider, ...other } = old.other;

  let fresh = await collectNow(client, certId, { ...old, inputs: givenInputs(news), other, lastAction: COLLECT_ONLY_TEXT }, now);
  fresh = { ...fresh, state: await checkKeyFile(fresh.state, spec) };
  fresh = await switchDcv(client, certId, fresh, dcvChanges(oldSpec, spec), now);
  const action = planAction(certId, fresh, oldSpec.years, spec.renewBeforeDays, now);
  if (action === "renew") assertRenewalContacts(certId, spec, "per the dates collected just now");
  let state = action === "none" ? fresh.state : await reorder(client, certId, action, fresh.state, spec, now);
  state = await waitIfAsked(client, spec, id, state);
  return { outs: finish(state, spec) };
}

/** The state after a collect, and that collect. */
interface Collected {
  state: CertificateState;
  c: CollectResult;
}

/** Fresh facts first: the plan made in preview may rest on estimated dates. */
async function collectNow(client: NicSrsClient, certId: string, state: CertificateState, now: Date): Promise<Collected> {
  const c = await client.collect(certId);
  return { state: applyCollect(state, c, now), c };
}

/** Domains whose DCV method or mailbox the new inputs change. */
function dcvChanges(oldSpec: CertificateSpec, spec: CertificateSpec): DomainDcv[] {
  return spec.dcv.filter((n) => {
    const o = oldSpec.dcv.find((x) => x.domain === n.domain);
    return !o || o.method !== n.method || (o.email ?? "") !== (n.email ?? "");
  });
}

/** DCV changes apply in place while the order is pending; otherwise to the next reissue / renew. */
async function switchDcv(client: NicSrsClient, certId: string, at: Collected, changed: DomainDcv[], now: Date): Promise<Collected> {
  if (changed.length === 0 || at.c.status !== "PENDING") return at;
  for (const dcv of changed) {
    await client.updateDcv({ certId, domainName: dcv.domain, dcvMethod: dcv.method, ...(dcv.email ? { dcvEmail: dcv.email } : {}) });
  }
  const lastAction = `${DCV_SWITCH_TEXT}: ${changed.map((x) => `${x.domain} → ${x.method}`).join(", ")}`;
  return collectNow(client, certId, { ...at.state, lastAction }, now);
}

/** Reissue, renew or nothing, from the dates just collected; a key mismatch asks for a reissue. */
function planAction(certId: string, { state, c }: Collected, years: number, renewBeforeDays: number, now: Date): RenewalAction {
  if (!c.certificatePem || (c.status !== "COMPLETE" && c.status !== EXPIRED)) return "none";
  const plan = planRenewal(renewalState(state, years, c.status), { renewBeforeDays, now });
  if (plan.action !== "none") {
    progress(`${certId}: ${plan.reason}`);
    return plan.action;
  }
  if (state.keyMismatch !== true) return "none";
  progress(`${certId}: the issued certificate does not match the key in state; reissuing with it (free)`);
  return "reissue";
}

/** The reissue or renewal, ordered idempotently; the current order moves to previousCertIds. */
async function reorder(client: NicSrsClient, certId: string, action: "reissue" | "renew", state: CertificateState, spec: CertificateSpec, now: Date): Promise<CertificateState> {
  const { csrPem, privateKeyPem } = state;
  const rekeyOnly = state.keyMismatch === true && action === "reissue" && csrPem !== undefined && privateKeyPem !== undefined;
  const material: KeyMaterial = rekeyOnly ? { csrPem, privateKeyPem } : await newKeyMaterial(spec);
  const send = (refId: string) =>
    action === "reissue"
      ? client.reissue({ certId, refId, reason: "renewal window", params: reissueParams(spec, material) })
      : client.renew({ renewId: certId, years: spec.years, refId, params: orderParams(spec, material) });
  const ordered = await orderIdempotently(
    client,
    action,
    deriveRefId(spec.refIdSeed ?? "", action, certId),
    spec,
    material,
    async (refId) => (await assertCaaAllows(spec.productCode, spec.domains), send(refId)),
    { userRefId: false },
  );
  let out = newOrderOutputs(state, ordered, material, ordered.order.appliedAt ?? now.toISOString());
  out.previousCertIds = [...(state.previousCertIds ?? []), certId];
  out.subscriptionEndsAt = action === "reissue" ? state.subscriptionEndsAt || undefined : undefined;
  if (ordered.order.recovered) out = applyCollect(out, await client.collect(ordered.order.certId), now);
  out.lastAction = `${action === "reissue" ? REISSUE_TEXT : renewalText(spec)}: ${certId} -> ${ordered.order.certId}`;
  progress(`${certId} -> ${ordered.order.certId} (${action}); ${dcvSummary(out)}`);
  return out;
}

// ---- delete ----------------------------------------------------------------------------------

async function remove(id: string, props: Props): Promise<void> {
  const state = readState(props);
  const spec = toSpec(state.inputs);
  const certId = state.certId ?? id;
  const notAfter = state.notAfter;
  const say = (outcome: DeleteOutcome, status?: string) => progress(deleteOutcomeText(outcome, { certId, policy: spec.deletePolicy, notAfter, status }));
  if (spec.deletePolicy === "retain") return say("retained");
  const client = nicsrsClient();
  let c: CollectResult;
  try {
    c = await client.collect(certId);
  } catch (err) {
    if (isNotFound(err)) return say("notFound");
    throw err;
  }
  if (isOver(c.status)) return say("alreadyOver", c.status);
  const issued = c.status === "COMPLETE";
  switch (spec.deletePolicy) {
    case "cancelPending":
      if (issued) return say("keptIssued");
      await client.cancel(certId, "deleted by Pulumi (deletePolicy cancelPending)");
      return say("cancelledPending");
    case "cancel":
      await client.cancel(certId, "deleted by Pulumi (deletePolicy cancel)");
      return say(issued ? "cancelledIssued" : "cancelledPending");
    case "revoke":
      if (issued) {
        await client.revoke(certId, "deleted by Pulumi (deletePolicy revoke)");
        return say("revoked");
      }
      await client.cancel(certId, "deleted by Pulumi before issuance (deletePolicy revoke)");
      return say("cancelledPending");
  }
}
export { remove as delete };
