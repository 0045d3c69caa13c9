// Sectigo credentials live in the provider process only: from the stack config the engine hands to
// `configure` (sectigo:loginName, sectigo:loginPassword as a secret, sectigo:endpoint), or from the
// environment (SECTIGO_LOGIN_NAME, SECTIGO_LOGIN_PASSWORD, SECTIGO_ENDPOINT). Never inputs or state.
import { SectigoClient } from "../sdk/sectigo";
import { readConfig, readEnv, type ConfigureRequestLike } from "./credentials";
import { configureBudget, requestBudgetMs } from "./request-budget";
import { SECTIGO_CONFIG, SECTIGO_ENV } from "./sectigo-config-keys";

export { SECTIGO_CONFIG, SECTIGO_ENV };

interface Configured {
  loginName?: string;
  loginPassword?: string;
  endpoint?: string;
}

const configured: Configured = {};
let cached: { key: string; client: SectigoClient } | undefined;

export async function configureSectigo(req: ConfigureRequestLike): Promise<void> {
  for (const k of ["loginName", "loginPassword", "endpoint"] as const) {
    const v = readConfig(req, SECTIGO_CONFIG[k]);
    if (v) configured[k] = v;
  }
  configureBudget(req);
}

export class MissingSectigoCredentialsError extends Error {
  constructor() {
    super(
      `no Sectigo credentials: set \`pulumi config set ${SECTIGO_CONFIG.loginName} <name>\` and ` +
        `\`pulumi config set --secret ${SECTIGO_CONFIG.loginPassword} <password>\`, or the environment variables ` +
        `${SECTIGO_ENV.loginName} and ${SECTIGO_ENV.loginPassword}`,
    );
    this.name = "MissingSectigoCredentialsError";
  }
}

export function sectigoCredentials(env: NodeJS.ProcessEnv = process.env): { loginName: string; loginPassword: string; endpoint?: string } {
  const loginName = configured.loginName ?? readEnv(env, SECTIGO_ENV.loginName);
  const loginPassword = configured.loginPassword ?? (env[SECTIGO_ENV.loginPassword] || undefined);
  if (!loginName || !loginPassword) throw new MissingSectigoCredentialsError();
  const endpoint = configured.endpoint ?? readEnv(env, SECTIGO_ENV.endpoint);
  return endpoint ? { loginName, loginPassword, endpoint } : { loginName, loginPassword };
}

/** The process's Sectigo client (its per-account queue is process-wide anyway). */
export function sectigoClient(): SectigoClient {
  const c = sectigoCredentials();
  const budgetMs = requestBudgetMs();
  const key = `${c.endpoint ?? ""}\n${c.loginName}\n${c.loginPassword}\n${budgetMs}`;
  if (!cached || cached.key !== key) {
    cached = { key, client: new SectigoClient({ loginName: c.loginName, loginPassword: c.loginPassword, budgetMs, ...(c.endpoint ? { baseUrl: c.endpoint } : {}) }) };
  }
  return cached.client;
}

/** Test seam: forget configured credentials and the cached client. */
export function resetSectigoCredentials(): void {
  configured.loginName = configured.loginPassword = configured.endpoint = undefined;
  cached = undefined;
}
