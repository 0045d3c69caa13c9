// The Certificate dynamic provider's implementation. Loaded by package name at call time from
// the shared provider object in ./certificate.ts (which captures nothing), in the provider process.
import type { CollectResult, NicSrsClient, OrderResult } from "../sdk/nicsrs";
import { NicSrsApiError, NicSrsError } from "../sdk/nicsrs";
import type { DomainInfo } from "../sdk/nicsrs/wire";
import { deriveRefId, INPUT_NAMES, toSpec, validateCertificateInputs, type CertificateSpec } from "./certificate-inputs";
import { assertNoFailures, clean, type CheckFailure } from "./check";
import { DEAD_STATUSES, diffCertificate, storedInputs } from "./certificate-diff";
import { dcvOutputs, isIssued, issuedMaterial, orderOutputs, pendingSummary, verifiedDomains } from "./certificate-outputs";
import { nicsrsClient } from "./credentials";
import { certificateMatchesKey, newKeyMaterial, type KeyMaterial } from "./key-material";
import { initFailed, keepingProvider } from "./init-failed";
import { progress } from "./poll";
import { GENERATION_INPUT, matchesInputs, orderDomains, orderGeneration, placeRefId } from "./order-ref";
import { dnsSettings } from "./dns-config";
import { assertCaaAllows } from "./caa-check";
import { domainReport, waitForIssued } from "./issuance-wait";
import { planningNow, planRenewal, renewalState, type RenewalAction } from "./renewal-plan";
import { COLLECT_ONLY_TEXT, DCV_SWITCH_TEXT, describeChange, describeCreate, newOrderText, REISSUE_TEXT, renewalText } from "./plan-wording";
import { deleteOutcomeText, type DeleteOutcome } from "./delete-wording";

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
] as const;

const DEAD = new Set<string>(DEAD_STATUSES);
const MAX_GENERATIONS = 20;

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
  if (d.changes) progress(`${String(olds?.certId ?? id)}: plan: ${describeChange(d, olds ?? {}, toSpec(news ?? {}), toSpec(storedInputs(olds ?? {})))}`);
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

// ---- outputs ---------------------------------------------------------------------------------

/** The inputs as stored in state: `certId` / `refId` inputs under their own names (those two are outputs). */
function inputEcho(inputs: Props): Props {
  const out: Props = {};
  for (const name of INPUT_NAMES) {
    const v = inputs[name];
    if (v === undefined) continue;
    if (name === "certId") out.adoptedCertId = v;
    else if (name === "refId") out.requestedRefId = v;
    else out[name] = v;
  }
  return out;
}

function withoutOrderOutputs(props: Props): Props {
  const out = { ...props };
  for (const k of ORDER_OUTPUTS) delete out[k];
  return out;
}

/** Outputs from a collect, merged over earlier outputs; keeps the local key and CSR. */
function applyCollect(props: Props, c: CollectResult, now: Date): Props {
  const material = issuedMaterial(c);
  const out: Props = {
    ...props,
    status: c.status,
    ...(c.vendorId ? { vendorId: c.vendorId } : {}),
    ...(c.vendorCertId ? { vendorCertId: c.vendorCertId } : {}),
    validatedDomains: verifiedDomains(c),
    ...material,
  };
  const dcv = dcvOutputs(c.dcv);
  if (dcv.dcvRecords.length + dcv.dcvFiles.length + dcv.dcvEmails.length > 0) Object.assign(out, dcv);
  if (!isIssued(c) && !DEAD.has(c.status)) out.pendingSeenAt = now.toISOString();
  // The CA's key comes with the certificate; a local key must match it.
  if (isIssued(c) && !material.privateKeyPem && typeof props.privateKeyPem === "string") {
    if (certificateMatchesKey(props.privateKeyPem, material.certificatePem)) delete out.keyMismatch;
    else out.keyMismatch = true;
  }
  return out;
}

function finish(props: Props, spec: CertificateSpec): Props {
  const plan = planRenewal(renewalState(props, spec.years), { renewBeforeDays: spec.renewBeforeDays, now: new Date(0) });
  const out = { ...props };
  if (plan.windowOpensAt) out.renewalWindowOpensAt = plan.windowOpensAt;
  else delete out.renewalWindowOpensAt;
  return clean(out);
}

// ---- ordering --------------------------------------------------------------------------------

function domainInfo(spec: CertificateSpec): DomainInfo[] {
  return spec.dcv.map((d) => ({ domainName: d.domain, dcvMethod: d.method, ...(d.email ? { dcvEmail: d.email } : {}) }));
}

function orderParams(spec: CertificateSpec, material: KeyMaterial) {
  return clean({
    csr: material.csrPem,
    server: spec.server,
    uniqueValue: spec.uniqueValue,
    domainInfo: domainInfo(spec),
    organizationInfo: spec.organization,
    Administrator: spec.administrator!,
    tech: spec.tech,
    finance: spec.finance,
  });
}

interface Ordered {
  /** The new (or found) order. */
  order: OrderResult;
  refId: string;
}

type OrderKind = "place" | "reissue" | "renew";

/**
 * Orders with a refId derived from the resource, idempotently: an order already holding the refId
 * (from a run whose answer was lost or whose CLI was killed) is taken instead of a new one. Such an
 * order was sent with a key this run does not have; it is fixed without paying twice: an issued
 * one is reissued with this run's CSR (free), a pending one is cancelled (refunded) and ordered
 * again under the next refId (`<refId>-2`, …), a pending renewal is kept and reissued once issued.
 * Dead orders (cancelled, revoked, failed) under a refId are skipped the same way.
 */
async function orderIdempotently(
  client: NicSrsClient,
  kind: OrderKind,
  baseRefId: string,
  spec: CertificateSpec,
  material: KeyMaterial,
  send: (refId: string) => Promise<OrderResult>,
  opts: { userRefId: boolean },
): Promise<Ordered & { keyMismatch?: boolean; unclaimedCertIds?: string[] }> {
  const unclaimed: string[] = [];
  const withUnclaimed = <T extends object>(r: T) => (unclaimed.length > 0 ? { ...r, unclaimedCertIds: unclaimed } : r);
  for (let g = 1; g <= MAX_GENERATIONS; g++) {
    const refId = g === 1 ? baseRefId : `${baseRefId}-${g}`;
    const found = await client.getCertByRefId(refId);
    if (!found) return withUnclaimed({ order: await send(refId), refId });
    const status = found.status ?? "PENDING";
    const skip = (why: string) => {
      if (opts.userRefId) {
        throw new Error(`refId ${JSON.stringify(refId)} already belongs to order ${found.certId}, which ${why}; give another refId (or none, to have one derived)`);
      }
      progress(`refId ${refId} belongs to order ${found.certId}, which ${why}; trying ${baseRefId}-${g + 1}`);
    };
    if (DEAD.has(status) || status === "EXPIRED") {
      skip(`is ${status}`);
      continue;
    }
    const recovered: OrderResult = { certId: found.certId, refId, dcv: { dns: [], files: [], emails: [] }, recovered: true };
    const takeOver = () =>
      progress(`order ${found.certId} (refId ${refId}, ${status}) already exists at the CA, placed and paid by an earlier run of this resource: taking it over instead of buying a new one`);
    const c = await client.collect(found.certId);
    Object.assign(recovered, { dcv: c.dcv, ...(c.vendorId ? { vendorId: c.vendorId } : {}), ...(c.vendorCertId ? { vendorCertId: c.vendorCertId } : {}) });
    // The refId does not follow edited inputs: an order from a failed run may be for other domains.
    if (kind === "place" && matchesInputs(spec, c) === false) {
      const covers = `covers ${orderDomains(c)!.join(", ")}, not ${spec.domains.join(", ")}`;
      if (opts.userRefId) {
        throw new Error(`refId ${JSON.stringify(refId)} already belongs to order ${found.certId} (${c.status}), which ${covers}; give another refId, or adopt that order with certId`);
      }
      if (isIssued(c)) {
        progress(
          `order ${found.certId} (refId ${refId}) was placed by an earlier, failed run of this resource and is issued, but it ${covers}: ` +
            `it is kept at the CA (an issued certificate may be in use), listed in unclaimedCertIds (cancel it within 30 days of issue for a refund), and a new order is placed under ${baseRefId}-${g + 1}`,
        );
        unclaimed.push(found.certId);
      } else {
        progress(`order ${found.certId} (refId ${refId}) was placed by an earlier, failed run of this resource, is not issued, and ${covers}: cancelling it (refunded) and ordering again under ${baseRefId}-${g + 1}`);
        await client.cancel(found.certId, "the inputs changed after an interrupted run; ordered again");
      }
      continue;
    }
    // A pinned CSR or a CA-generated key survives a lost run; only local keys are lost.
    if (spec.keySource !== "local") {
      takeOver();
      return withUnclaimed({ order: recovered, refId });
    }
    if (isIssued(c)) {
      takeOver();
      if (certificateMatchesKey(material.privateKeyPem, c.certificatePem)) return withUnclaimed({ order: recovered, refId });
      progress(`order ${found.certId} is issued for a key this run does not have (the earlier run's key was never recorded): reissuing it with this run's key (free)`);
      const reissued = await orderIdempotently(
        client,
        "reissue",
        deriveRefId(spec.refIdSeed ?? "", "rekey", found.certId),
        spec,
        material,
        (rid) => client.reissue({ certId: found.certId, refId: rid, reason: "key lost", params: reissueParams(spec, material) }),
        { userRefId: false },
      );
      return withUnclaimed({ ...reissued, recoveredCertId: found.certId }) as Ordered;
    }
    if (kind === "renew") {
      takeOver();
      progress(`renewal ${found.certId} was ordered for a key this run does not have (the earlier run's key was never recorded): it will be reissued with this run's key once issued (free)`);
      return withUnclaimed({ order: recovered, refId, keyMismatch: true });
    }
    if (opts.userRefId) skip("was placed by an earlier run whose key is lost (it is still pending: cancel it, or give another refId)");
    progress(`order ${found.certId} is not issued yet and was ordered for a key this run does not have (the earlier run's key was never recorded): cancelling it (refunded) and ordering again`);
    await client.cancel(found.certId, "key lost in an interrupted run; ordered again");
  }
  throw new Error(`refIds ${baseRefId} … ${baseRefId}-${MAX_GENERATIONS} all belong to unusable orders; give a refId`);
}

function reissueParams(spec: CertificateSpec, material: KeyMaterial) {
  return clean({ csr: material.csrPem, uniqueValue: spec.uniqueValue, server: spec.server, domainInfo: domainInfo(spec) });
}

/** Outputs for a new (not yet issued) order, over `base` (inputs and earlier outputs). */
function newOrderOutputs(base: Props, ordered: Ordered & { keyMismatch?: boolean }, material: KeyMaterial, at: string): Props {
  const out: Props = {
    ...withoutOrderOutputs(base),
    ...orderOutputs(ordered.order),
    status: "PENDING",
    ...dcvOutputs(ordered.order.dcv),
    validatedDomains: [],
    placedAt: at,
    pendingSeenAt: at,
  };
  delete out.csrPem;
  delete out.privateKeyPem;
  if (material.csrPem) out.csrPem = material.csrPem;
  if (material.privateKeyPem && !material.keyInFile) out.privateKeyPem = material.privateKeyPem;
  if (ordered.keyMismatch) out.keyMismatch = true;
  return out;
}

async function waitIfAsked(client: NicSrsClient, spec: CertificateSpec, id: string, props: Props): Promise<Props> {
  if (!spec.waitForIssuance || props.status === "COMPLETE") return props;
  const certId = String(props.certId);
  const result = await waitForIssued({
    certId,
    timeoutMs: spec.waitTimeoutMinutes * 60_000,
    collect: () => client.collect(certId),
    dns: dnsSettings(),
    onCollect: (c) => {
      if (DEAD.has(c.status)) throw initFailed(`certificate order ${certId} is ${c.status} at the CA`, id, clean(applyCollect(props, c, planningNow())));
    },
  });
  const out = applyCollect(props, result.value, planningNow());
  if (!result.done) {
    throw initFailed(
      `certificate order ${certId} was not issued within ${spec.waitTimeoutMinutes} minutes (status ${result.value.status}): ${domainReport(result.value, result.report)}`,
      id,
      clean(finish(out, spec)),
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
  const base = inputEcho(inputs);

  if (spec.certId) return adopt(client, spec, base, now);

  const material = await newKeyMaterial(spec);
  const generation = typeof inputs[GENERATION_INPUT] === "number" ? (inputs[GENERATION_INPUT] as number) : 1;
  const baseRefId = placeRefId(spec, generation);
  let ordered: Ordered & { keyMismatch?: boolean; recoveredCertId?: string; unclaimedCertIds?: string[] };
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
  let outs = newOrderOutputs(base, ordered, material, ordered.order.appliedAt ?? now.toISOString());
  if (ordered.order.recovered || ordered.recoveredCertId) {
    // Found rather than placed: its state may be further along than PENDING.
    outs = applyCollect(outs, await client.collect(ordered.order.certId), now);
  }
  if (ordered.recoveredCertId) outs.previousCertIds = [ordered.recoveredCertId];
  if (ordered.unclaimedCertIds) outs.unclaimedCertIds = ordered.unclaimedCertIds;
  outs.lastAction =
    ordered.order.recovered || ordered.recoveredCertId
      ? `took over existing paid order ${ordered.recoveredCertId ?? ordered.order.certId} (refId ${ordered.refId}) instead of buying a new one`
      : newOrderText(spec);
  outs = await waitIfAsked(client, spec, id, outs);
  return { id, outs: finish(outs, spec) };
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

async function adopt(client: NicSrsClient, spec: CertificateSpec, base: Props, now: Date): Promise<{ id: string; outs: Props }> {
  const certId = spec.certId!;
  let c: CollectResult;
  try {
    c = await client.collect(certId);
  } catch (err) {
    if (err instanceof NicSrsApiError) throw new Error(`cannot adopt certId ${certId}: ${err.message}`);
    throw err;
  }
  if (DEAD.has(c.status)) throw new Error(`cannot adopt certId ${certId}: the order is ${c.status}`);
  const theirs = c.domains.map((d) => d.domain.toLowerCase()).sort();
  const ours = [...spec.domains].sort();
  if (theirs.length > 0 && JSON.stringify(theirs) !== JSON.stringify(ours)) {
    throw new Error(`cannot adopt certId ${certId}: the order covers ${theirs.join(", ")} but domains is ${spec.domains.join(", ")}`);
  }
  let outs: Props = { ...base, certId, lastAction: `adopted existing order ${certId} (no new order, no charge)`, ...(isIssued(c) ? {} : { pendingSeenAt: now.toISOString() }) };
  outs = applyCollect(outs, c, now);
  delete outs.keyMismatch; // the key of an adopted order is the owner's, not ours
  outs = await waitIfAsked(client, spec, certId, outs);
  return { id: certId, outs: finish(outs, spec) };
}

// ---- read ------------------------------------------------------------------------------------

function isNotFound(err: unknown): boolean {
  return err instanceof NicSrsApiError && err.code === -1 && /no order|not found|not exist/i.test(err.message);
}

export async function read(id: string, props: Props): Promise<{ id?: string; props?: Props; inputs?: Props }> {
  const client = nicsrsClient();
  const certId = typeof props?.certId === "string" ? props.certId : id;
  let c: CollectResult;
  try {
    c = await client.collect(certId);
  } catch (err) {
    if (isNotFound(err)) return {}; // gone at the CA: the engine drops it from state
    throw err;
  }
  const spec = toSpec(storedInputs(props));
  const outs = finish(applyCollect(props, c, planningNow()), spec);
  return { id, props: outs, inputs: storedInputs(props) };
}

// ---- update ----------------------------------------------------------------------------------

export function update(id: string, olds: Props, news: Props): Promise<{ outs: Props }> {
  return keepingProvider(news, () => updateCertificate(id, olds, news));
}

async function updateCertificate(id: string, olds: Props, news: Props): Promise<{ outs: Props }> {
  const spec = assertValid(news);
  const d = diffCertificate(olds, news, planningNow());
  if (d.replaces.length > 0) throw new Error(`internal: update called for a replacement (${d.replaces.join(", ")})`);
  const client = nicsrsClient();
  const now = planningNow();
  const certId = String(olds.certId ?? id);

  // Fresh facts first: the plan made in preview may rest on estimated dates.
  let outs: Props = { ...withInputs(olds, news) };
  let c = await client.collect(certId);
  outs = applyCollect(outs, c, now);

  // DCV changes: in place while pending; otherwise they apply to the next reissue / renew.
  const oldSpec = toSpec(storedInputs(olds));
  const changedDcv = spec.dcv.filter((n) => {
    const o = oldSpec.dcv.find((x) => x.domain === n.domain);
    return !o || o.method !== n.method || (o.email ?? "") !== (n.email ?? "");
  });
  outs.lastAction = COLLECT_ONLY_TEXT;
  if (changedDcv.length > 0 && c.status === "PENDING") {
    outs.lastAction = `${DCV_SWITCH_TEXT}: ${changedDcv.map((x) => `${x.domain} → ${x.method}`).join(", ")}`;
    for (const dcv of changedDcv) {
      await client.updateDcv({ certId, domainName: dcv.domain, dcvMethod: dcv.method, ...(dcv.email ? { dcvEmail: dcv.email } : {}) });
    }
    c = await client.collect(certId);
    outs = applyCollect(outs, c, now);
  }

  let action: RenewalAction = "none";
  if (c.certificatePem && (c.status === "COMPLETE" || c.status === "EXPIRED")) {
    const plan = planRenewal(renewalState(outs, oldSpec.years, c.status), { renewBeforeDays: spec.renewBeforeDays, now });
    action = plan.action;
    if (action !== "none") progress(`${certId}: ${plan.reason}`);
    else if (outs.keyMismatch === true) {
      action = "reissue";
      progress(`${certId}: the issued certificate does not match the key in state; reissuing with it (free)`);
    }
  }

  if (action !== "none") {
    const rekeyOnly = outs.keyMismatch === true && action === "reissue" && typeof outs.csrPem === "string" && typeof outs.privateKeyPem === "string";
    const material: KeyMaterial = rekeyOnly ? { csrPem: outs.csrPem as string, privateKeyPem: outs.privateKeyPem as string } : await newKeyMaterial(spec);
    const seed = spec.refIdSeed ?? "";
    const ordered =
      action === "reissue"
        ? await orderIdempotently(
            client,
            "reissue",
            deriveRefId(seed, "reissue", certId),
            spec,
            material,
            async (refId) => (await assertCaaAllows(spec.productCode, spec.domains), client.reissue({ certId, refId, reason: "renewal window", params: reissueParams(spec, material) })),
            { userRefId: false },
          )
        : await orderIdempotently(
            client,
            "renew",
            deriveRefId(seed, "renew", certId),
            spec,
            material,
            async (refId) => (await assertCaaAllows(spec.productCode, spec.domains), client.renew({ renewId: certId, years: spec.years, refId, params: orderParams(spec, material) })),
            { userRefId: false },
          );
    const previous = Array.isArray(olds.previousCertIds) ? (olds.previousCertIds as string[]) : [];
    const subscriptionEndsAt = action === "reissue" ? outs.subscriptionEndsAt : undefined;
    outs = newOrderOutputs(outs, ordered, material, ordered.order.appliedAt ?? now.toISOString());
    outs.previousCertIds = [...previous, certId];
    if (subscriptionEndsAt) outs.subscriptionEndsAt = subscriptionEndsAt;
    else delete outs.subscriptionEndsAt;
    if (ordered.order.recovered) outs = applyCollect(outs, await client.collect(ordered.order.certId), now);
    outs.lastAction = `${action === "reissue" ? REISSUE_TEXT : renewalText(spec)}: ${certId} -> ${ordered.order.certId}`;
    progress(`${certId} -> ${ordered.order.certId} (${action}); new DCV records: ${(outs.dcvRecords as { name: string }[] | undefined)?.map((r) => r.name).join(", ") || "none"}`);
  }

  outs = await waitIfAsked(client, spec, id, outs);
  return { outs: finish(outs, spec) };
}

/** Old outputs with the new inputs echoed in place of the old ones. */
function withInputs(olds: Props, news: Props): Props {
  const out = { ...olds };
  for (const name of INPUT_NAMES) {
    if (name === "certId") delete out.adoptedCertId;
    else if (name === "refId") delete out.requestedRefId;
    else delete out[name];
  }
  delete out.__provider;
  return { ...out, ...inputEcho(news) };
}

// ---- delete ----------------------------------------------------------------------------------

async function remove(id: string, props: Props): Promise<void> {
  const spec = toSpec(storedInputs(props ?? {}));
  const certId = typeof props?.certId === "string" ? props.certId : id;
  const notAfter = typeof props?.notAfter === "string" ? props.notAfter : undefined;
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
  if (DEAD.has(c.status) || c.status === "EXPIRED") return say("alreadyOver", c.status);
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
