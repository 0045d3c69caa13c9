import { request } from "undici";
import type { FaultSpec } from "./admin/faults";
import type { OrderRecord } from "./store/types";

/** Typed client for the simulator's admin API (`<url>/__admin`). */
export class SimulatorAdmin {
  private readonly base: string;

  /** `adminUrl` as returned by startSimulator (…/__admin), or the simulator's base URL. */
  constructor(adminUrl: string) {
    const trimmed = adminUrl.replace(/\/+$/, "");
    this.base = trimmed.endsWith("/__admin") ? trimmed : `${trimmed}/__admin`;
  }

  orders(): Promise<OrderRecord[]> {
    return this.call("GET", "/orders");
  }

  order(certId: string): Promise<OrderRecord> {
    return this.call("GET", `/orders/${encodeURIComponent(certId)}`);
  }

  /** Marks DCV passed for one domain or all; the certificate is issued on the next collect. */
  approveDcv(certId: string, domain?: string): Promise<OrderRecord> {
    return this.call("POST", `/orders/${encodeURIComponent(certId)}/approve-dcv`, domain === undefined ? {} : { domain });
  }

  caCancel(certId: string): Promise<OrderRecord> {
    return this.call("POST", `/orders/${encodeURIComponent(certId)}/ca-cancel`, {});
  }

  caRevoke(certId: string): Promise<OrderRecord> {
    return this.call("POST", `/orders/${encodeURIComponent(certId)}/ca-revoke`, {});
  }

  /** The simulator's now, ISO. */
  async clock(): Promise<string> {
    return (await this.call<{ now: string }>("GET", "/clock")).now;
  }

  async setClock(iso: string): Promise<string> {
    return (await this.call<{ now: string }>("POST", "/clock", { now: iso })).now;
  }

  async advanceClock(by: { days?: number; ms?: number }): Promise<string> {
    return (await this.call<{ now: string }>("POST", "/clock", { advanceDays: by.days, advanceMs: by.ms })).now;
  }

  /** Requests received per endpoint since start or the last resetCalls(). */
  calls(): Promise<Record<string, number>> {
    return this.call("GET", "/calls");
  }

  async resetCalls(): Promise<void> {
    await this.call("DELETE", "/calls");
  }

  async injectFault(fault: FaultSpec): Promise<void> {
    await this.call("POST", "/faults", fault);
  }

  faults(): Promise<(FaultSpec & { remaining: number })[]> {
    return this.call("GET", "/faults");
  }

  async clearFaults(): Promise<void> {
    await this.call("DELETE", "/faults");
  }

  async credit(): Promise<number> {
    return (await this.call<{ credit: number }>("GET", "/credit")).credit;
  }

  async setCredit(credit: number): Promise<void> {
    await this.call("POST", "/credit", { credit });
  }

  async rootCertificatePem(): Promise<string> {
    return (await this.ca()).rootCertificatePem;
  }

  async intermediateCertificatePem(): Promise<string> {
    return (await this.ca()).intermediateCertificatePem;
  }

  private ca(): Promise<{ rootCertificatePem: string; intermediateCertificatePem: string }> {
    return this.call("GET", "/ca");
  }

  private async call<T>(method: AdminMethod, path: string, body?: unknown): Promise<T> {
    const { statusCode, text } = await sendAdminRequest(this.base + path, method, body);
    if (statusCode !== 200) throw new Error(`simulator admin ${method} ${path}: HTTP ${statusCode} ${text}`);
    return JSON.parse(text) as T;
  }
}

export type AdminMethod = "GET" | "POST" | "DELETE";

/**
 * One request to an admin API (this one or the Sectigo one): `body`, when given, is sent as JSON.
 * Answers the status and the body's text; each client judges them itself.
 */
export async function sendAdminRequest(url: string, method: AdminMethod, body?: unknown): Promise<{ statusCode: number; text: string }> {
  const res = await request(url, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { statusCode: res.statusCode, text: await res.body.text() };
}
