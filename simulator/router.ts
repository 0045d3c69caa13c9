// HTTP routing for the simulator.
//
// A CA front end is registered under a path prefix; the first path segment after the prefix is the
// endpoint name used for call counters, fault injection and logs:
//
//   registerFrontEnd(router, "/ssl", createNicsrsFrontEnd(ctx));                 // POST /ssl/place → "place"
//   registerFrontEnd(router, "/products/download", createSectigoFrontEnd(ctx));  // → "CollectSSL", …
//
// To add a front end, add one such line in simulator/server.ts (where `ctx`, the SimulatorContext with the
// store, CA, clock and VA, is in scope). A handler gets the raw body and returns status, headers and body;
// the router applies faults before/after it, so handlers never deal with them. `registerAdmin(prefix, h)`
// adds uncounted, unfaulted routes (e.g. "/__admin/sectigo"); the longest matching prefix wins.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { CallCounter } from "./admin/calls";
import type { FaultInjector } from "./admin/faults";

export interface FrontEndRequest {
  endpoint: string;
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface FrontEndResponse {
  status?: number;
  headers?: Record<string, string>;
  body: string | Uint8Array;
  /** Appended to the log line (e.g. the API's response code); never secrets. */
  logNote?: string;
}

export type FrontEndHandler = (req: FrontEndRequest) => Promise<FrontEndResponse>;

interface Route {
  prefix: string;
  handler: FrontEndHandler;
  /** Admin routes are neither counted nor faulted. */
  admin: boolean;
}

const MAX_BODY = 4 * 1024 * 1024;

export class Router {
  private readonly routes: Route[] = [];

  constructor(
    private readonly faults: FaultInjector,
    private readonly calls: CallCounter,
    private readonly log: (line: string) => void,
  ) {}

  registerFrontEnd(prefix: string, handler: FrontEndHandler): void {
    this.routes.push({ prefix: prefix.replace(/\/$/, ""), handler, admin: false });
  }

  registerAdmin(prefix: string, handler: FrontEndHandler): void {
    this.routes.push({ prefix: prefix.replace(/\/$/, ""), handler, admin: true });
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const url = new URL(req.url ?? "/", "http://simulator.invalid");
    // Longest prefix wins, so /__admin/sectigo can live beside /__admin whatever the registration order.
    const route = this.routes
      .filter((r) => url.pathname === r.prefix || url.pathname.startsWith(r.prefix + "/"))
      .sort((a, b) => b.prefix.length - a.prefix.length)[0];
    const endpoint = route ? url.pathname.slice(route.prefix.length).split("/").filter(Boolean)[0] ?? "" : "";
    const logLine = (what: string) => this.log(`${req.method} ${url.pathname} -> ${what} ${Date.now() - started}ms`);
    try {
      const body = await readBody(req);
      if (!route) {
        send(res, { status: 404, headers: { "content-type": "text/plain" }, body: "not found\n" });
        return logLine("404");
      }
      const fault = route.admin ? undefined : (this.calls.record(endpoint), this.faults.take(endpoint));
      if (fault?.latencyMs) await sleep(fault.latencyMs);
      if (fault?.drop === "before") {
        req.socket.destroy();
        return logLine("dropped before processing (fault)");
      }
      if (fault?.status) {
        const headers: Record<string, string> = { "content-type": "text/plain" };
        if (fault.retryAfter !== undefined) headers["retry-after"] = String(fault.retryAfter);
        send(res, { status: fault.status, headers, body: `simulated HTTP ${fault.status}\n` });
        return logLine(`${fault.status} (fault)`);
      }
      if (fault?.malformed) {
        send(res, { status: 200, headers: { "content-type": "text/html" }, body: "<html><body>502 Bad Gateway</body></html>\n" });
        return logLine("200 malformed (fault)");
      }
      const out = await route.handler({ endpoint, method: req.method ?? "GET", url, headers: req.headers, body });
      if (fault?.answerDelayMs) await sleep(fault.answerDelayMs);
      if (res.destroyed || req.socket.destroyed) return logLine("processed; the client was gone before the answer (fault)");
      if (fault?.drop === "after") {
        req.socket.destroy();
        return logLine(`dropped after processing (fault)${out.logNote ? ` ${out.logNote}` : ""}`);
      }
      send(res, out);
      logLine(`${out.status ?? 200}${out.logNote ? ` ${out.logNote}` : ""}`);
    } catch (err) {
      if (!res.headersSent) send(res, { status: 500, headers: { "content-type": "text/plain" }, body: "internal simulator error\n" });
      logLine(`500 ${(err as Error).message}`);
    }
  }
}

export function registerFrontEnd(router: Router, prefix: string, handler: FrontEndHandler): void {
  router.registerFrontEnd(prefix, handler);
}

function send(res: ServerResponse, out: FrontEndResponse): void {
  const body = typeof out.body === "string" ? Buffer.from(out.body, "utf8") : Buffer.from(out.body);
  res.writeHead(out.status ?? 200, { ...out.headers, "content-length": String(body.length) });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error("request body too large"));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
