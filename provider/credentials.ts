// Credentials live in the provider process, never in inputs or state. The engine hands the
// dynamic provider the decrypted stack config through `configure` (@pulumi/pulumi >= 3.139);
// environment variables are the fallback (and the only source for older engines).
import { NicSrsClient } from "../sdk/nicsrs";
import { configureBudget, requestBudgetMs, resetBudget } from "./request-budget";
import { watchEngine } from "./orphan-watch";
import { quietHostErrors } from "./quiet-errors";

// Every provider implementation loads this module: from here on, a provider whose engine is gone
// exits, and a failure reaches the user as one line (no stack) unless debug logging is on.
if (process.argv[1] && /dynamic-provider[\\/]index\.js$/.test(process.argv[1])) quietHostErrors();
watchEngine();

export const CONFIG_TOKEN = "nicsrs:apiToken";
export const CONFIG_ENDPOINT = "nicsrs:endpoint";
export const ENV_TOKEN = "NICSRS_API_TOKEN";
export const ENV_ENDPOINT = "NICSRS_ENDPOINT";

/** The part of the dynamic provider's ConfigureRequest we use. */
export interface ConfigureRequestLike {
  config: { get(key: string): string | undefined };
}

interface ProcessCredentials {
  apiToken?: string;
  endpoint?: string;
}

// Process-level: one provider process serves every resource of a stack operation.
const state: ProcessCredentials = {};
let cached: { key: string; client: NicSrsClient } | undefined;

/** A stack config value, trimmed; undefined when unset or blank (also shared by ./sectigo-credentials). */
export function readConfig(req: ConfigureRequestLike | undefined, key: string): string | undefined {
  try {
    const v = req?.config?.get(key);
    return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
  } catch {
    // No Configure call reached the provider host (older engines): its config bag is undefined.
    return undefined;
  }
}

/** An environment variable, trimmed; undefined when unset or blank. */
export function readEnv(env: NodeJS.ProcessEnv, name: string): string | undefined {
  return env[name]?.trim() || undefined;
}

/** Called by the engine (through the provider object) once per provider process. */
export async function configure(req: ConfigureRequestLike): Promise<void> {
  const apiToken = readConfig(req, CONFIG_TOKEN);
  const endpoint = readConfig(req, CONFIG_ENDPOINT);
  if (apiToken) state.apiToken = apiToken;
  if (endpoint) state.endpoint = endpoint;
  configureBudget(req);
}

export class MissingCredentialsError extends Error {
  constructor() {
    super(
      `no NicSRS API token: set it in the stack config with \`pulumi config set --secret ${CONFIG_TOKEN} <token>\` ` +
        `or in the environment variable ${ENV_TOKEN}`,
    );
    this.name = "MissingCredentialsError";
  }
}

export function resolveCredentials(env: NodeJS.ProcessEnv = process.env): { apiToken: string; endpoint?: string } {
  const apiToken = state.apiToken ?? readEnv(env, ENV_TOKEN);
  if (!apiToken) throw new MissingCredentialsError();
  const endpoint = state.endpoint ?? readEnv(env, ENV_ENDPOINT);
  return endpoint ? { apiToken, endpoint } : { apiToken };
}

/** Where requests go (never the token): for messages. */
export function describeEndpoint(env: NodeJS.ProcessEnv = process.env): string {
  return state.endpoint ?? readEnv(env, ENV_ENDPOINT) ?? "https://portal.nicsrs.com";
}

/** The process's NicSRS client, built on first use and rebuilt if the credentials change. */
export function nicsrsClient(): NicSrsClient {
  const { apiToken, endpoint } = resolveCredentials();
  const budgetMs = requestBudgetMs();
  const key = `${endpoint ?? ""}\n${apiToken}\n${budgetMs}`;
  if (!cached || cached.key !== key) {
    const old = cached?.client;
    cached = { key, client: new NicSrsClient({ apiToken, budgetMs, ...(endpoint ? { baseUrl: endpoint } : {}) }) };
    if (old) void old.close().catch(() => undefined);
  }
  return cached.client;
}

/** Test seam: forget configured credentials and the cached client. */
export async function resetCredentials(): Promise<void> {
  state.apiToken = undefined;
  state.endpoint = undefined;
  resetBudget();
  const old = cached?.client;
  cached = undefined;
  if (old) await old.close().catch(() => undefined);
}
