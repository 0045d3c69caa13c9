// The typed NicSRS client: validates requests, calls the API, normalizes answers, retries reads,
// and recovers place / renew / reissue orders whose answer was lost (by refId).
import { randomBytes } from "node:crypto";
import type { Dispatcher } from "undici";
import type { z } from "zod";
import {
  CaaCheckRequestSchema,
  CancelRequestSchema,
  CertIdRequestSchema,
  CollectDataSchema,
  GetCertByRefIdDataSchema,
  GetCertByRefIdRequestSchema,
  PlaceDataSchema,
  PlaceRequestSchema,
  ProductListRequestSchema,
  ProductWireSchema,
  ReissueInputSchema,
  RenewRequestSchema,
  RevokeRequestSchema,
  UpdateDcvRequestSchema,
  ValidateRequestSchema,
  DcvEmailRequestSchema,
  type Product,
} from "./wire";
import {
  NicSrsApiError,
  NicSrsError,
  NicSrsResponseError,
  NicSrsValidationError,
  apiErrorFromEnvelope,
  flattenWireErrors,
} from "./errors";
import { Transport, type Reply } from "./transport";
import { DEFAULT_BUDGET_MS } from "../http";
import { realSleep, resolveRetryPolicy, withReadRetries, type RetryOptions, type RetryPolicy } from "./retry";
import { emptyDcvRecords, normalizeDcv, stripWildcard } from "./dcv";
import { toCertRef, toCollectResult, toOrderResult, toProduct } from "./normalize";
import { reissueWireBody, replaceWireBody, readApproverEmails, readCaaCheck } from "./reissue-wire";
import { provesRefusal, recoveryLookupDelays } from "./order-outcome";
import type {
  CaaCheckResult,
  CertRef,
  CollectResult,
  DcvRecords,
  OrderResult,
  PlaceInput,
  ReissueInput,
  RenewInput,
  UpdateDcvInput,
  ValidateInput,
} from "./types";

export interface NicSrsClientOptions {
  apiToken: string;
  /** Default https://portal.nicsrs.com; a trailing slash and a path prefix are fine. */
  baseUrl?: string;
  /** Per HTTP request (connect, headers, body). Default 30 000. */
  timeoutMs?: number;
  /** Reads only (collect, getCertByRefId, productList). */
  retry?: RetryOptions;
  /**
   * After a place / renew / reissue whose outcome is uncertain, how long refId lookups keep
   * looking for an order the CA may still be processing. Default: timeoutMs.
   */
  recoveryWindowMs?: number;
  /** A read's total time, all attempts and waits included; each attempt's timeout is cut to what is left. Default 60 000. */
  budgetMs?: number;
  /** Default: a keep-alive undici Agent owned (and closed) by the client. */
  dispatcher?: Dispatcher;
  /** One line per HTTP attempt: endpoint, status, duration, attempt. Never the token or a body. */
  logger?: (line: string) => void;
  /** Test seams. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  generateRefId?: () => string;
}

type ReissueFields = Parameters<typeof reissueWireBody>[0];

export const DEFAULT_BASE_URL = "https://portal.nicsrs.com";
export const DEFAULT_TIMEOUT_MS = 30_000;
export { DEFAULT_BUDGET_MS } from "../http";

export function generateRefId(): string {
  return `nicsrs-${randomBytes(12).toString("hex")}`;
}

function validate<S extends z.ZodType>(endpoint: string, schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw new NicSrsValidationError(
    endpoint,
    r.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
  );
}

/** PHP backends send `[]` for an empty object. */
function objectData(data: unknown): unknown {
  return data === undefined || data === null || (Array.isArray(data) && data.length === 0) ? {} : data;
}

const NOT_FOUND = /not\s*found|no (such )?order|not exist|no (such )?(record|data)/i;

export class NicSrsClient {
  readonly #transport: Transport;
  readonly #policy: RetryPolicy;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #random: () => number;
  readonly #generateRefId: () => string;
  readonly #recoveryDelays: number[];
  readonly #budgetMs: number;
  readonly #now: () => number;

  constructor(options: NicSrsClientOptions) {
    if (typeof options?.apiToken !== "string" || options.apiToken.trim() === "") {
      throw new TypeError("NicSrsClient: apiToken is required");
    }
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (!(timeoutMs > 0)) throw new TypeError("NicSrsClient: timeoutMs must be positive");
    this.#transport = new Transport({
      apiToken: options.apiToken,
      baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
      timeoutMs,
      dispatcher: options.dispatcher,
      logger: options.logger,
      now: options.now ?? Date.now,
    });
    this.#policy = resolveRetryPolicy(options.retry);
    this.#sleep = options.sleep ?? realSleep;
    this.#random = options.random ?? Math.random;
    this.#generateRefId = options.generateRefId ?? generateRefId;
    this.#recoveryDelays = recoveryLookupDelays(options.recoveryWindowMs ?? timeoutMs);
    this.#budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
    if (!(this.#budgetMs > 0)) throw new TypeError("NicSrsClient: budgetMs must be positive");
    this.#now = options.now ?? Date.now;
  }

  /** Closes the client's own connection pool (an injected dispatcher is left alone). */
  close(): Promise<void> {
    return this.#transport.close();
  }

  // ---- orders (idempotent by refId) -------------------------------------------------------

  place(req: PlaceInput): Promise<OrderResult> {
    return this.#order("place", PlaceRequestSchema, req);
  }

  renew(req: RenewInput): Promise<OrderResult> {
    return this.#order("renew", RenewRequestSchema, req);
  }

  /**
   * A new certificate file inside the paid subscription. Sent as `/ssl/reissue` with a top-level
   * `csr` and a JSON-encoded `domainInfo` (what public clients send); if the CA refuses that shape
   * with code -1 (nothing ordered), sent again as `/ssl/replace` with `params{csr, domainInfo}`,
   * same refId. See docs/nicsrs-api.md.
   */
  async reissue(req: ReissueInput): Promise<OrderResult> {
    const input = { ...req, refId: req?.refId ?? this.#generateRefId() };
    try {
      return await this.#order("reissue", ReissueInputSchema, input);
    } catch (err) {
      // Only the CA's -1 (nothing ordered) on the first shape; our own request check fails alike for both.
      if (!(err instanceof NicSrsApiError && err.code === -1) || err instanceof NicSrsValidationError) throw err;
      try {
        return await this.#order("replace", ReissueInputSchema, input);
      } catch (replaceErr) {
        if (replaceErr instanceof NicSrsError) {
          throw err.annotate(`The same request sent as /ssl/replace was refused too: ${replaceErr.message}`);
        }
        throw replaceErr;
      }
    }
  }

  // ---- reads (retried) ------------------------------------------------------------------

  async collect(certId: string): Promise<CollectResult> {
    const req = validate("collect", CertIdRequestSchema, { certId });
    const reply = await this.#call("collect", req, { read: true, okCodes: [1, 2] });
    const env = reply.envelope;
    const data = this.#data("collect", CollectDataSchema, objectData(env.data), reply);
    const wireStatus = env.status ?? env.certStatus ?? data.status ?? data.certStatus;
    return toCollectResult(req.certId, data, wireStatus, env.code === 2);
  }

  /** The order placed with this refId, or null when there is none. */
  async getCertByRefId(refId: string): Promise<CertRef | null> {
    const req = validate("getCertByRefId", GetCertByRefIdRequestSchema, { refId });
    const reply = await this.#call("getCertByRefId", req, { read: true, okCodes: [1, -1] });
    const env = reply.envelope;
    if (env.code === -1) {
      const text = [...flattenWireErrors(env.errors), env.msg ?? ""].join(" ");
      if (NOT_FOUND.test(text)) return null;
      throw apiErrorFromEnvelope("getCertByRefId", env, this.#transport.redact);
    }
    const raw = Array.isArray(env.data) ? env.data[0] : env.data;
    if (raw === undefined || raw === null) return null;
    return toCertRef(this.#data("getCertByRefId", GetCertByRefIdDataSchema, raw, reply));
  }

  /**
   * Products, read from the real shape (productName, supportWildcard "Y"/"N", maxDomain, maxYear,
   * price.basePrice.priceNNN, sanPrice). Entries without a `code` are skipped (all bad → error).
   */
  async productList(vendor?: string): Promise<Product[]> {
    const req = validate("productList", ProductListRequestSchema, { vendor });
    const reply = await this.#call("productList", req, { read: true });
    let data = reply.envelope.data ?? [];
    // Some backends answer a map code → product, or wrap the list.
    if (data && typeof data === "object" && !Array.isArray(data)) {
      const inner = (data as Record<string, unknown>).list ?? (data as Record<string, unknown>).products;
      data = Array.isArray(inner) ? inner : Object.values(data);
    }
    if (!Array.isArray(data)) throw this.#shapeError("productList", "data is not a list", reply);
    const products = data.flatMap((p) => {
      const r = ProductWireSchema.safeParse(p);
      return r.success ? [toProduct(r.data)] : [];
    });
    if (data.length > 0 && products.length === 0) throw this.#shapeError("productList", "no entry has a product code", reply);
    return products;
  }

  /**
   * The approver addresses the CA accepts for EMAIL DCV of `domain` (`/ssl/DCVemail` with `domain`).
   * Answers seen: a list of strings, `{emails: [...]}`, or `{<domain>: [...]}`.
   */
  async approverEmails(domain: string): Promise<string[]> {
    const req = validate("DCVemail", DcvEmailRequestSchema, { domain });
    const reply = await this.#call("DCVemail", req, { read: true });
    return readApproverEmails(reply.envelope.data, domain);
  }

  /** Whether the domain's CAA records let the CA issue (`/ssl/caaCheck`), with the records found. */
  async caaCheck(domain: string): Promise<CaaCheckResult> {
    const req = validate("caaCheck", CaaCheckRequestSchema, { domain });
    const reply = await this.#call("caaCheck", req, { read: true });
    return readCaaCheck(reply.envelope.data, req.domain ?? domain, reply.envelope.msg ?? undefined);
  }

  // ---- other mutations (never retried) ----------------------------------------------------

  /** Dry run of place. Resolves when NicSRS accepts the request; throws NicSrsApiError otherwise. */
  async validate(req: ValidateInput): Promise<void> {
    const body = validate("validate", ValidateRequestSchema, req);
    await this.#call("validate", body, { read: false });
  }

  /** Changes a domain's DCV method; returns the new DCV records of that domain. */
  async updateDcv(req: UpdateDcvInput): Promise<DcvRecords> {
    const body = validate("updateDCV", UpdateDcvRequestSchema, req);
    const reply = await this.#call("updateDCV", body, { read: false });
    // The reply carries DCV fields (single, dcvInfo or dcvList) like collect's data.
    const data = this.#data("updateDCV", CollectDataSchema, objectData(reply.envelope.data), reply);
    const all = normalizeDcv(data, [body]);
    const mine = (d: { domain: string }) => stripWildcard(d.domain).toLowerCase() === stripWildcard(body.domainName).toLowerCase();
    return { dns: all.dns.filter(mine), files: all.files.filter(mine), emails: all.emails.filter(mine) };
  }

  async cancel(certId: string, reason?: string): Promise<void> {
    const body = validate("cancel", CancelRequestSchema, { certId, reason });
    await this.#call("cancel", body, { read: false });
  }

  async revoke(certId: string, reason?: string): Promise<void> {
    const body = validate("revoke", RevokeRequestSchema, { certId, reason });
    await this.#call("revoke", body, { read: false });
  }

  // ---- internals -------------------------------------------------------------------------

  async #call(endpoint: string, fields: Record<string, unknown>, opts: { read: boolean; okCodes?: number[] }): Promise<Reply> {
    const okCodes = opts.okCodes ?? [1];
    const once = async (attempt: number, msLeft = Infinity): Promise<Reply> => {
      const reply = await this.#transport.post(endpoint, fields, attempt, msLeft);
      if (!okCodes.includes(reply.envelope.code)) throw apiErrorFromEnvelope(endpoint, reply.envelope, this.#transport.redact);
      return reply;
    };
    if (!opts.read) return once(1);
    return withReadRetries(once, this.#policy, { sleep: this.#sleep, random: this.#random, budgetMs: this.#budgetMs, now: this.#now });
  }

  #data<S extends z.ZodType>(endpoint: string, schema: S, data: unknown, reply: Reply): z.output<S> {
    const r = schema.safeParse(data);
    if (r.success) return r.data;
    const issues = r.error.issues.map((i) => `${i.path.map(String).join(".") || "data"}: ${i.message}`).join("; ");
    throw this.#shapeError(endpoint, `unexpected data (${issues})`, reply);
  }

  #shapeError(endpoint: string, why: string, reply: Reply): NicSrsResponseError {
    const excerpt = this.#transport.excerpt(JSON.stringify(reply.envelope));
    const message = this.#transport.redact(`NicSRS ${endpoint}: ${why} (HTTP ${reply.httpStatus}): ${JSON.stringify(excerpt)}`);
    return new NicSrsResponseError(endpoint, message, reply.httpStatus, excerpt);
  }

  async #order(
    endpoint: "place" | "renew" | "reissue" | "replace",
    schema: typeof PlaceRequestSchema | typeof RenewRequestSchema | typeof ReissueInputSchema,
    input: PlaceInput | RenewInput | ReissueInput,
  ): Promise<OrderResult> {
    const refId = input?.refId ?? this.#generateRefId();
    const req = validate(endpoint, schema, { ...input, refId }) as z.output<typeof schema>;
    const requested = req.params?.domainInfo ?? [];
    let result: OrderResult;
    try {
      const body = endpoint === "reissue" ? reissueWireBody(req as ReissueFields) : endpoint === "replace" ? replaceWireBody(req as ReissueFields) : req;
      const reply = await this.#call(endpoint, body, { read: false });
      result = toOrderResult(this.#data(endpoint, PlaceDataSchema, reply.envelope.data, reply), refId, requested);
    } catch (err) {
      if (!(err instanceof NicSrsError)) throw err;
      err.refId = refId;
      return this.#recover(endpoint, refId, err);
    }
    // A reissue without domainInfo gets single DCV fields that name no domain: collect knows the domains.
    if (requested.length === 0) {
      const collected = await this.collect(result.certId).catch(() => undefined);
      if (collected) result.dcv = collected.dcv;
    }
    return result;
  }

  /**
   * After a failed order call: unless the answer proves a refusal, the CA may have taken the order
   * (answer lost in transit, timeout, 5xx, code -2, unreadable reply). Look it up by refId, again
   * over the recovery window while it is not found (the CA may still be processing it), so the
   * caller is charged once and gets it back; otherwise say what is known.
   */
  async #recover(endpoint: string, refId: string, err: NicSrsError): Promise<OrderResult> {
    if (provesRefusal(err)) {
      err.orderOutcome = "refused";
      throw err.annotate(`NicSRS refused the ${endpoint}: nothing was ordered. Retrying with the same refId "${refId}" is safe.`);
    }
    const unknown = (sentence: string) => {
      err.orderOutcome = "unknown";
      return err.annotate(`The outcome is unknown: NicSRS may have taken the ${endpoint} (and charged it). ${sentence}`);
    };
    let found: CertRef | null = null;
    let lookups = 0;
    let waitedMs = 0;
    for (const delay of [0, ...this.#recoveryDelays]) {
      if (delay > 0) {
        await this.#sleep(delay);
        waitedMs += delay;
      }
      lookups += 1;
      try {
        found = await this.getCertByRefId(refId);
      } catch (lookupErr) {
        const why = lookupErr instanceof Error ? lookupErr.message : String(lookupErr);
        throw unknown(
          `Looking it up by refId failed too (${why}). Call getCertByRefId("${refId}") before ordering again, ` +
            `or retry with the same refId "${refId}" (never with another one).`,
        );
      }
      if (found) break;
    }
    if (!found) {
      throw unknown(
        `No order had refId "${refId}" in ${lookups} lookups over ${Math.round(waitedMs / 1000)} s, but the CA may still be processing the request. ` +
          `Retry only with the same refId "${refId}" (a lookup by refId comes first), never with another one.`,
      );
    }

    let collected: CollectResult | undefined;
    try {
      collected = await this.collect(found.certId);
    } catch {
      // The certId is what matters and is returned; DCV details can be collected later.
    }
    const result: OrderResult = { certId: found.certId, refId, dcv: collected?.dcv ?? emptyDcvRecords(), recovered: true };
    if (collected?.vendorId) result.vendorId = collected.vendorId;
    if (collected?.vendorCertId) result.vendorCertId = collected.vendorCertId;
    return result;
  }
}
