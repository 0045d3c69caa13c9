import { sendAdminRequest, type AdminMethod } from "../admin-client";
import type { ConcurrencySnapshot } from "./concurrency";
import type { DomainDcvStatus, SectigoOrder, SectigoOrderState } from "./types";

export interface CreateSslOrder {
  domains: string[];
  orderNumber?: string;
  certificateId?: string;
  baseOrderNumber?: string;
  loginName?: string;
  /** Without it the simulator generates a key for the order. */
  csrPem?: string;
  state?: SectigoOrderState;
  validationStatus?: string;
  caaStatus?: string;
  statusDetails?: [number, number, number, number, number, number, number];
}

export interface CreateSmimeOrder {
  email: string;
  orderNumber?: string;
  certificateId?: string;
  collectionCode?: string;
  loginName?: string;
  state?: SectigoOrderState;
  /** Default true; false → -154 until changed. */
  emailVerified?: boolean;
  /** Default true: a CSR sent with returnCertificate=Y is issued at once. */
  issueOnRequest?: boolean;
  /** Issue on the N-th collect after the CSR (0: only via setState). */
  issueAfterCollects?: number;
}

export type SectigoOrderChanges = Partial<Pick<SectigoOrder, "validationStatus" | "caaStatus" | "statusDetails" | "emailVerified" | "issueOnRequest" | "issueAfterCollects">>;

/** Typed client for the simulator's Sectigo admin API (`<url>/__admin/sectigo`). */
export class SectigoSimulatorAdmin {
  private readonly base: string;

  /** The simulator's base URL (or its adminUrl). */
  constructor(url: string) {
    this.base = url.replace(/\/+$/, "").replace(/\/__admin(\/sectigo)?$/, "") + "/__admin/sectigo";
  }

  createSslOrder(o: CreateSslOrder): Promise<SectigoOrder> {
    return this.call("POST", "/orders", { kind: "ssl", ...o });
  }

  createSmimeOrder(o: CreateSmimeOrder): Promise<SectigoOrder> {
    return this.call("POST", "/orders", { kind: "smime", ...o });
  }

  orders(): Promise<SectigoOrder[]> {
    return this.call("GET", "/orders");
  }

  order(orderNumber: string): Promise<SectigoOrder> {
    return this.call("GET", `/orders/${encodeURIComponent(orderNumber)}`);
  }

  /** Moves an order to awaiting_validation / issued (issues the certificate) / rejected / revoked / awaiting_payment. */
  setState(orderNumber: string, state: SectigoOrderState): Promise<SectigoOrder> {
    return this.call("POST", `/orders/${encodeURIComponent(orderNumber)}/state`, { state });
  }

  /** Sets the DCV status of one domain (or all) of an SSL order. */
  setDomainStatus(orderNumber: string, status: DomainDcvStatus, domain?: string): Promise<SectigoOrder> {
    return this.call("POST", `/orders/${encodeURIComponent(orderNumber)}/domains`, { status, domain });
  }

  update(orderNumber: string, changes: SectigoOrderChanges): Promise<SectigoOrder> {
    return this.call("POST", `/orders/${encodeURIComponent(orderNumber)}`, changes);
  }

  async setAccount(loginName: string, loginPassword: string): Promise<void> {
    await this.call("POST", "/accounts", { loginName, loginPassword });
  }

  /** Per account: highest number of calls seen in flight at once, calls refused for overlapping, calls made. */
  concurrency(): Promise<ConcurrencySnapshot> {
    return this.call("GET", "/concurrency");
  }

  async resetConcurrency(): Promise<void> {
    await this.call("DELETE", "/concurrency");
  }

  /** Holds every Sectigo call this long, so that overlapping calls would really overlap. */
  async setLatency(latencyMs: number): Promise<void> {
    await this.call("POST", "/settings", { latencyMs });
  }

  private async call<T>(method: AdminMethod, path: string, body?: unknown): Promise<T> {
    const { statusCode, text } = await sendAdminRequest(this.base + path, method, body);
    const value = text ? (JSON.parse(text) as unknown) : undefined;
    if (statusCode >= 400) throw new Error(`Sectigo simulator admin ${method} ${path}: ${statusCode} ${(value as { error?: string })?.error ?? text}`);
    return value as T;
  }
}
