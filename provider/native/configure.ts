// Provider configuration from the engine's ConfigureRequest. The @pulumi/pulumi 3.270 provider
// server answers Configure without handing the values to the provider object, so ./main.ts passes
// the request here first. Values come from the request's `args` (a provider resource's inputs, or
// the stack's `nicsrs:*` config for the default provider) or its legacy `variables` map; they are
// handed to the same `configure` functions the dynamic providers use, keyed as those expect.
// Unset values fall back to the environment there (NICSRS_API_TOKEN, …).
import { configure as configureNicSrs } from "../credentials";
import { configureSectigo } from "../sectigo-credentials";
import { CONFIG_FIELDS } from "../schema/config-fields";
import { reveal } from "./secrets";

export interface ConfigureRequestProto {
  getArgs(): { toJavaScript(): Record<string, unknown> } | undefined;
  getVariablesMap(): { entries(): Iterable<[string, string]> } | undefined;
}

/** `apiToken` → value, from args first, then from variables (`nicsrs:apiToken` or `nicsrs:config:apiToken`). */
export function configValues(req: ConfigureRequestProto): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of req.getVariablesMap()?.entries() ?? []) {
    const m = /^nicsrs:(?:config:)?(.+)$/.exec(key);
    if (m && m[1] in CONFIG_FIELDS) out[m[1]] = value;
  }
  const args = (reveal(req.getArgs()?.toJavaScript() ?? {}) ?? {}) as Record<string, unknown>;
  for (const name of Object.keys(CONFIG_FIELDS)) {
    const v = args[name];
    if (typeof v === "string") out[name] = v;
  }
  return out;
}

export async function configureFromRequest(req: ConfigureRequestProto): Promise<void> {
  const values = configValues(req);
  const byDynamicKey = new Map<string, string>();
  for (const [name, field] of Object.entries(CONFIG_FIELDS)) {
    const v = values[name];
    if (v !== undefined) byDynamicKey.set(field.dynamicKey, v);
  }
  const like = { config: { get: (key: string) => byDynamicKey.get(key) } };
  await configureNicSrs(like);
  await configureSectigo(like);
}
