// The native provider object: the ResourceProvider protocol for the four resources, over the same
// lifecycle code the dynamic providers run (provider/*-impl.ts). What differs between the hosts is
// handled here: the URN (refIdSeed, messages on the resource), secrets on the wire, and import.
import type * as pulumi from "@pulumi/pulumi";
import type { Provider } from "@pulumi/pulumi/provider";
import { nicsrsClient } from "../credentials";
import { writeState } from "../certificate-state";
import { importedDcv } from "./imported-dcv";
import { generateSchema } from "../schema/generate";
import { onResource } from "./engine-log";
import { resourceFor, refIdSeedOf, type NativeResource } from "./resources";
import { containsSecret, markSecret, reveal } from "./secrets";

type Props = Record<string, unknown>;

const plain = (p: unknown): Props => (reveal(p ?? {}) ?? {}) as Props;
const secretInputs = (p: Props): string[] => Object.keys(p ?? {}).filter((k) => containsSecret(p[k]));
const outputsOf = (r: NativeResource, outs: Props, inputs: Props): Props => markSecret(outs, [...r.secretOutputs, ...secretInputs(inputs)]);

/**
 * Runs a create or update whose "created, but failed to initialize" error carries outputs (a paid
 * order kept in state): those are marked secret like any other outputs before the engine stores them.
 */
async function secretOnInitFailure<T>(r: NativeResource, inputs: Props, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const e = err as { properties?: Props };
    if (e && typeof e === "object" && e.properties) e.properties = outputsOf(r, e.properties, inputs);
    throw err;
  }
}

/**
 * The state a Certificate adopted by `pulumi import` (Read with no state) starts from: the inputs the
 * CA reports, stored as create stores them, so that Pulumi's printed program, run as it is, diffs clean.
 */
async function importedCertificateState(certId: string): Promise<Props> {
  const c = await nicsrsClient().collect(certId);
  const domains = c.domains.map((d) => d.domain.toLowerCase());
  const inputs = { certId, ...(c.productType ? { productCode: c.productType } : {}), ...(domains.length > 0 ? { domains } : {}), ...importedDcv(c.domains) };
  return writeState({ inputs, other: {} });
}

export function nativeProvider(version: string): Provider {
  return {
    version,
    getSchema: async () => JSON.stringify(generateSchema(version)),

    check: (urn, olds, news) =>
      onResource(urn, async () => {
        const r = resourceFor(urn);
        const inputs: Props = { ...(news ?? {}) };
        if (r.token === "nicsrs:index:Certificate" && inputs.refIdSeed === undefined) inputs.refIdSeed = refIdSeedOf(urn);
        const result = await r.impl.check(plain(olds), plain(inputs));
        // Keep the (possibly secret) inputs as sent, plus what check adds (Certificate's orderGeneration).
        for (const [k, v] of Object.entries(result.inputs ?? {})) if (!(k in inputs)) inputs[k] = v;
        return { inputs, failures: result.failures ?? [] };
      }),

    diff: (id, urn, olds, news) => onResource(urn, () => resourceFor(urn).impl.diff(id, plain(olds), plain(news))),

    create: (urn, inputs) =>
      onResource(urn, async () => {
        const r = resourceFor(urn);
        const created = await secretOnInitFailure(r, inputs, () => r.impl.create(plain(inputs)));
        return { id: created.id, outs: outputsOf(r, created.outs, inputs) };
      }),

    read: (id, urn, props) =>
      onResource(urn, async () => {
        const r = resourceFor(urn);
        let state = plain(props);
        const importing = Object.keys(state).length === 0;
        // a failed collect here (no such order, …) is left to read's own collect, which reports it as usual
        if (importing && r.token === "nicsrs:index:Certificate") state = await importedCertificateState(id).catch(() => state);
        const result = await r.impl.read(id, state);
        if (!result.props) return { id: "", props: {} };
        const inputs = result.inputs;
        if (importing && inputs) delete inputs.refIdSeed; // recomputed by check from the URN
        return { id: result.id ?? id, props: outputsOf(r, result.props, props ?? {}), ...(inputs ? { inputs } : {}) };
      }),

    update: (id, urn, olds, news) =>
      onResource(urn, async () => {
        const r = resourceFor(urn);
        const updated = await secretOnInitFailure(r, news, () => r.impl.update(id, plain(olds), plain(news)));
        return { outs: outputsOf(r, updated.outs, news) };
      }),

    delete: (id, urn, props) =>
      onResource(urn, async () => {
        const r = resourceFor(urn);
        if (r.impl.delete) await r.impl.delete(id, plain(props));
      }),
  };
}

export type { pulumi };
