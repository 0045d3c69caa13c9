// How long one CA request may take in total, retries and their waits included: stack config
// `nicsrs:requestBudgetSeconds` (also used for Sectigo calls), else the environment variable
// NICSRS_REQUEST_BUDGET_SECONDS, else 60 s. Each attempt keeps its own timeout (30 s), cut to what
// is left. Waits for issuance are not one request: they poll to their own deadline.
import { DEFAULT_BUDGET_MS } from "../sdk/http";

export const CONFIG_BUDGET = "nicsrs:requestBudgetSeconds";
export const ENV_BUDGET = "NICSRS_REQUEST_BUDGET_SECONDS";
export const DEFAULT_BUDGET_SECONDS = DEFAULT_BUDGET_MS / 1000;
/** At most a day: a budget is a bound, not a way to wait for issuance. */
export const MAX_BUDGET_SECONDS = 86_400;

interface ConfigLike {
  config: { get(key: string): string | undefined };
}

let configured: string | undefined;

/** Records the stack config value (called from the providers' `configure`). */
export function configureBudget(req: ConfigLike | undefined): void {
  try {
    const v = req?.config?.get(CONFIG_BUDGET);
    if (typeof v === "string" && v.trim() !== "") configured = v.trim();
  } catch {
    // older engines: no config bag
  }
}

/** The budget in ms; a malformed setting is an error naming where it came from and what is allowed. */
export function requestBudgetMs(env: NodeJS.ProcessEnv = process.env): number {
  const fromEnv = env[ENV_BUDGET]?.trim() || undefined;
  const raw = configured ?? fromEnv;
  if (raw === undefined) return DEFAULT_BUDGET_SECONDS * 1000;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0 || n > MAX_BUDGET_SECONDS) {
    const where = configured !== undefined ? `stack config ${CONFIG_BUDGET}` : `environment variable ${ENV_BUDGET}`;
    const shown = raw.length > 40 ? `${JSON.stringify(raw.slice(0, 40))}…(${raw.length} chars)` : JSON.stringify(raw);
    throw new Error(`${where} is ${shown}: it must be a number of seconds, more than 0 and at most ${MAX_BUDGET_SECONDS}`);
  }
  return Math.round(n * 1000);
}

/** Test seam. */
export function resetBudget(): void {
  configured = undefined;
}
