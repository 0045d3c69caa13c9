// SectigoClient: CollectSSL and RequestAndCollectSMIME over form-encoded POSTs.
// Calls for one account are serialized process-wide (./queue), reads retry on transport
// failures, and a CSR submission is never repeated unless it certainly never left the process.
import type { Dispatcher } from "undici";
import type { SectigoEndpoint } from "./codes";
import { SectigoApiError, SectigoArgumentError, SectigoResponseError, SectigoTransportError } from "./errors";
import { DEFAULT_RETRY, httpFailure, isRetryable, postForm, type RetryOptions } from "./http";
import { backoffDelayMs, DEFAULT_BUDGET_MS, makeRedactor, resolveRetryPolicy, sleep, TimeBudget, type RetryPolicy } from "../http";
import { parseSectigoResponse } from "./parse";
import { accountKey, runExclusive } from "./queue";
import {
  CollectSslRequestSchema,
  SmimeRequestSchema,
  collectSslContext,
  smimeContext,
  toForm,
  type CollectSslRequest,
  type ResponseContext,
  type SmimeRequest,
} from "./requests";
import type { SectigoResult } from "./types";

export const SECTIGO_DEFAULT_BASE_URL = "https://secure.trust-provider.com";

export interface SectigoClientOptions {
  loginName?: string;
  loginPassword?: string;
  baseUrl?: string;
  /** Per HTTP attempt; default 30 s. */
  timeoutMs?: number;
  /** A call's total time, all attempts and waits included; default 60 s. */
  budgetMs?: number;
  retry?: RetryOptions;
  dispatcher?: Dispatcher;
  logger?: (line: string) => void;
}

interface Call {
  endpoint: SectigoEndpoint;
  form: URLSearchParams;
  ctx: ResponseContext;
  /** Queue key: the account, or the collection code when no account is given. */
  account: string;
  mutation: boolean;
  label: string;
}

export class SectigoClient {
  readonly loginName?: string;
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly budgetMs: number;
  readonly #loginPassword?: string;
  readonly #redact: (text: string) => string;
  readonly #retry: RetryPolicy;
  readonly #dispatcher?: Dispatcher;
  readonly #logger?: (line: string) => void;

  constructor(o: SectigoClientOptions = {}) {
    const issues: string[] = [];
    if (o.loginName !== undefined && (o.loginName.length === 0 || o.loginName.length > 64)) issues.push("loginName must be 1-64 characters");
    if (o.loginPassword !== undefined && (o.loginPassword.length === 0 || o.loginPassword.length > 128)) issues.push("loginPassword must be 1-128 characters");
    if ((o.loginName === undefined) !== (o.loginPassword === undefined)) issues.push("loginName and loginPassword go together");
    if (o.timeoutMs !== undefined && !(o.timeoutMs > 0)) issues.push("timeoutMs must be positive");
    if (o.budgetMs !== undefined && !(o.budgetMs > 0)) issues.push("budgetMs must be positive");
    if (issues.length) throw new SectigoArgumentError(undefined, issues);
    this.loginName = o.loginName;
    this.#loginPassword = o.loginPassword;
    this.#redact = makeRedactor([o.loginPassword], "***");
    this.baseUrl = (o.baseUrl ?? SECTIGO_DEFAULT_BASE_URL).replace(/\/+$/, "");
    this.timeoutMs = o.timeoutMs ?? 30_000;
    this.budgetMs = o.budgetMs ?? DEFAULT_BUDGET_MS;
    this.#retry = resolveRetryPolicy(o.retry, DEFAULT_RETRY);
    this.#dispatcher = o.dispatcher;
    this.#logger = o.logger;
  }

  /** Status and certificate of an SSL order. Safe to retry. */
  async collectSsl(req: CollectSslRequest): Promise<SectigoResult> {
    const parsed = CollectSslRequestSchema.safeParse(req);
    if (!parsed.success) throw new SectigoArgumentError("CollectSSL", parsed.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)));
    if (!this.loginName) throw new SectigoArgumentError("CollectSSL", ["CollectSSL needs loginName and loginPassword"]);
    const r = parsed.data;
    return this.#call({
      endpoint: "CollectSSL",
      form: toForm({ loginName: this.loginName, loginPassword: this.#loginPassword }, r),
      ctx: collectSslContext(r),
      account: this.loginName,
      mutation: false,
      label: r.orderNumber ? `orderNumber=${r.orderNumber}` : r.certificateID ? `certificateID=${r.certificateID}` : `baseOrderNumber=${r.baseOrderNumber}`,
    });
  }

  /** Submits a CSR (once) and/or collects an S/MIME certificate. With `csr` this is a mutation and is not retried blindly. */
  async requestAndCollectSmime(req: SmimeRequest): Promise<SectigoResult> {
    const parsed = SmimeRequestSchema.safeParse(req);
    if (!parsed.success)
      throw new SectigoArgumentError("RequestAndCollectSMIME", parsed.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)));
    const r = parsed.data;
    if (!this.loginName && !r.collectionCode) throw new SectigoArgumentError("RequestAndCollectSMIME", ["orderNumber needs loginName and loginPassword (or use collectionCode)"]);
    const useAccount = !r.collectionCode || !!this.loginName;
    return this.#call({
      endpoint: "RequestAndCollectSMIME",
      form: toForm(useAccount ? { loginName: this.loginName, loginPassword: this.#loginPassword } : {}, r),
      ctx: smimeContext(r),
      account: this.loginName ?? `collectionCode:${r.collectionCode}`,
      mutation: r.csr !== undefined,
      label: `${r.orderNumber ? `orderNumber=${r.orderNumber}` : "collectionCode=…"}${r.csr ? " +csr" : ""}`,
    });
  }

  #call(c: Call): Promise<SectigoResult> {
    return runExclusive(accountKey(this.baseUrl, c.account), () => this.#attempts(c));
  }

  async #attempts(c: Call): Promise<SectigoResult> {
    const budget = new TimeBudget(this.budgetMs);
    for (let attempt = 0; ; attempt++) {
      const started = Date.now();
      try {
        const result = await this.#once(c, budget.attemptTimeout(this.timeoutMs));
        this.#log(`${c.endpoint} ${c.label} → ${result.statusCode} (${result.statusMeaning}) in ${Date.now() - started} ms`);
        return result;
      } catch (e) {
        const err = this.#scrub(e);
        const safeToRepeat = !c.mutation || (err instanceof SectigoTransportError && !err.mayHaveReachedServer);
        this.#log(`${c.endpoint} ${c.label} attempt ${attempt + 1} failed after ${Date.now() - started} ms: ${err.message}`);
        if (!safeToRepeat || !isRetryable(err) || attempt >= this.#retry.retries) throw err;
        const delay = backoffDelayMs(attempt, this.#retry);
        if (!budget.allows(delay)) {
          err.message = `${err.message} ${budget.spent(attempt + 1)}`;
          throw err;
        }
        await sleep(delay);
      }
    }
  }

  async #once(c: Call, timeoutMs: number): Promise<SectigoResult> {
    const answer = await postForm({ url: `${this.baseUrl}/products/download/${c.endpoint}`, endpoint: c.endpoint, form: c.form, timeoutMs, dispatcher: this.#dispatcher });
    const failure = httpFailure(c.endpoint, answer);
    if (!failure) return parseSectigoResponse(answer.body, c.ctx);
    // A non-2xx answer may still carry a Sectigo status line; report that when it does.
    try {
      parseSectigoResponse(answer.body, c.ctx);
    } catch (e) {
      if (e instanceof SectigoApiError) throw e;
    }
    throw failure;
  }

  /** Errors never carry the password, even if a server echoed it into a page. */
  #scrub(e: unknown): Error {
    const redact = this.#redact;
    if (e instanceof SectigoResponseError) return new SectigoResponseError(redact(e.reason), redact(e.excerpt), e.endpoint, e.httpStatus);
    if (e instanceof SectigoApiError) return new SectigoApiError(e.endpoint as SectigoEndpoint, e.code, redact(e.errorMessage));
    if (e instanceof Error) {
      const scrubbed = redact(e.message);
      if (scrubbed !== e.message) e.message = scrubbed;
      return e;
    }
    return new Error(redact(String(e)));
  }

  #log(line: string): void {
    this.#logger?.(this.#redact(line));
  }
}
