// The typed NicSRS client: validates requests, calls the API, normalizes answers, retries reads,
// and recovers place / renew / reissue orders whose answer was lost (by refId).
import { randomBytes } from "node:crypto";
import type { Dispatcher } from "undici";
import type { z } from "zod";
import {
  CancelRequestSchema,
  CertIdRequestSchema,
  CollectDataSchema,
  GetCertByRefIdDataSchema,
  GetCertByRefIdRequestSchema,
  PlaceDataSchema,
  PlaceRequestSchema,
  ProductListRequestSchema,
  ProductSchema,
  ReissueRequestSchema,
  RenewRequestSchema,
  RevokeRequestSchema,
  UpdateDcvRequestSchema,
  ValidateRequestSchema,
  type Product,
} from "./wire";
import {
  NicSrsError,
  NicSrsResponseError,
  NicSrsTransportError,
  NicSrsValidationError,
  apiErrorFromEnvelope,
  flattenWireErrors,
} from "./errors";
import { Transport, type Reply } from "./transport";
import { realSleep, resolveRetryPolicy, withReadRetries, type RetryOptions, type RetryPolicy } from "./retry";
import { emptyDcvRecords, normalizeDcv, stripWildcard } from "./dcv";
import { toCertRef, toCollectResult, toOrderResult } from "./normalize";
import type {
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

export const DEFAULT_BASE_URL = "https://portal.nicsrs.com";
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_BUDGET_MS = 60_000;

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

  reissue(req: ReissueInput): Promise<OrderResult> {
    return this.#order("reissue", ReissueRequestSchema, req);
  }

  // ---- reads (retried) ------------------------------------------------------------------

  async collect(certId: string): Promise<CollectResult> {
    const req = validate("collect", CertIdRequestSchema, { certId });
    const reply = await this.#call("collect", req, { read: true, okCodes: [1, 2] });
    const env = reply.envelope;
    const data = this.#data("collect", CollectDataSchema, objectData(env.data), reply);
    const dataStatus = (data as { status?: unknown }).status;
    const wireStatus = env.status ?? env.certStatus ?? (typeof dataStatus === "string" ? dataStatus : undefined);
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

  /** Products that match the wire schema; entries that do not are skipped (all bad → error). */
  async productList(vendor?: string): Promise<Product[]> {
    const req = validate("productList", ProductListRequestSchema, { vendor });
    const reply = await this.#call("productList", req, { read: true });
    const data = reply.envelope.data ?? [];
    if (!Array.isArray(data)) throw this.#shapeError("productList", "data is not a list", reply);
    const products = data.flatMap((p) => {
      const r = ProductSchema.safeParse(p);
      return r.success ? [r.data] : [];
    });
    if (data.length > 0 && products.length === 0) throw this.#shapeError("productList", "no entry is a product", reply);
    return products;
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
    endpoint: "place" | "renew" | "reissue",
    schema: typeof PlaceRequestSchema | typeof RenewRequestSchema | typeof ReissueRequestSchema,
    input: PlaceInput | RenewInput | ReissueInput,
  ): Promise<OrderResult> {
    const refId = input?.refId ?? this.#generateRefId();
    const req = validate(endpoint, schema, { ...input, refId }) as z.output<typeof schema>;
    const requested = req.params?.domainInfo ?? [];
    let result: OrderResult;
    try {
      const reply = await this.#call(endpoint, req, { read: false });
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
   * After a failed order call: if the server may have taken the order (answer lost in transit,
   * 5xx, unreadable reply), look it up by refId so the caller is charged once and gets it back.
   */
  async #recover(endpoint: string, refId: string, err: NicSrsError): Promise<OrderResult> {
    const notPlaced = `The order was not placed; it is safe to retry with the same refId "${refId}".`;
    // A 4xx without a NicSRS envelope (wrong URL, proxy refusal, 429) was turned away unprocessed.
    const answerLost =
      (err instanceof NicSrsTransportError && err.mayHaveReachedServer) ||
      (err instanceof NicSrsResponseError && (err.httpStatus >= 500 || err.httpStatus < 400));
    if (!answerLost) throw err.annotate(notPlaced);

    let found: CertRef | null;
    try {
      found = await this.getCertByRefId(refId);
    } catch (lookupErr) {
      const why = lookupErr instanceof Error ? lookupErr.message : String(lookupErr);
      throw err.annotate(
        `The ${endpoint} may or may not have been taken, and looking it up by refId failed too (${why}). ` +
          `Call getCertByRefId("${refId}") before ordering again, or retry with the same refId "${refId}".`,
      );
    }
    if (!found) throw err.annotate(`No order has refId "${refId}". ${notPlaced}`);

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
