import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CallCounter } from "./admin/calls";
import { FaultInjector } from "./admin/faults";
import { ADMIN_PREFIX, createAdminApi } from "./admin/routes";
import { SimulatorAdmin } from "./admin-client";
import { CertificateAuthority } from "./ca/authority";
import { SimClock } from "./clock";
import type { AutoValidate, SimulatorContext } from "./context";
import { createNicsrsFrontEnd } from "./nicsrs/front-end";
import { registerFrontEnd, Router } from "./router";
import { registerSectigo } from "./sectigo";
import { KeyedMutex } from "./store/keyed-mutex";
import { Store } from "./store/store";
import { ValidationAuthority } from "./va/authority";

export interface SimulatorOptions {
  host?: string;
  /** 0 (default): a free port. */
  port?: number;
  /** Where orders, the CA and the clock are kept; a temp dir (deleted on close) when absent. */
  dataDir?: string;
  apiToken?: string;
  /** "host:port" of the DNS server the VA queries; the system resolvers when absent. */
  dns?: string;
  /** Where each nameserver really listens (name or address → "host:port"): the VA walks delegations to them. */
  dnsNameservers?: Record<string, string>;
  autoValidate?: AutoValidate;
  /** Sets the account's credit at start (a new dataDir starts with 100000). */
  credit?: number;
  log?: (line: string) => void;
  /** HTTP file DCV connects here instead of resolving the domain (Host header and SNI stay the domain). */
  httpValidationHost?: string;
  /** Port for HTTP_CSR_HASH fetches (default 80). */
  httpValidationPort?: number;
  /** Port for HTTPS_CSR_HASH fetches (default 443). */
  httpsValidationPort?: number;
  /** Collects answered with code 2 (status PROCESSING) between DCV passing and issuance; default 0. */
  processingCollects?: number;
}

export interface RunningSimulator {
  url: string;
  adminUrl: string;
  apiToken: string;
  dataDir: string;
  admin: SimulatorAdmin;
  close(): Promise<void>;
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<RunningSimulator> {
  const host = opts.host ?? "127.0.0.1";
  const ownDir = opts.dataDir === undefined;
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), "nicsrs-sim-"));
  mkdirSync(dataDir, { recursive: true });
  const log = opts.log ?? (() => undefined);
  const ctx: SimulatorContext = {
    dataDir,
    apiToken: opts.apiToken ?? "sim-token",
    store: new Store(dataDir, opts.credit),
    ca: await CertificateAuthority.open(dataDir),
    clock: new SimClock(dataDir),
    va: new ValidationAuthority({
      dns: opts.dns,
      dnsNameservers: opts.dnsNameservers,
      connectHost: opts.httpValidationHost,
      httpPort: opts.httpValidationPort,
      httpsPort: opts.httpsValidationPort,
    }),
    locks: new KeyedMutex(),
    autoValidate: opts.autoValidate ?? {},
    processingCollects: opts.processingCollects ?? 0,
    log,
  };
  const calls = new CallCounter();
  const faults = new FaultInjector();
  const router = new Router(faults, calls, log);
  registerSectigo(router, ctx); // first: its admin prefix /__admin/sectigo lies under /__admin
  router.registerAdmin(ADMIN_PREFIX, createAdminApi(ctx, calls, faults));
  registerFrontEnd(router, "/ssl", createNicsrsFrontEnd(ctx));
  // Other CA front ends register here, one line each (see the comment at the top of router.ts).

  const server = createServer((req, res) => void router.handle(req, res));
  const sockets = new Set<Socket>();
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  const adminUrl = url + ADMIN_PREFIX;
  let closed = false;
  return {
    url,
    adminUrl,
    apiToken: ctx.apiToken,
    dataDir,
    admin: new SimulatorAdmin(adminUrl),
    async close() {
      if (closed) return;
      closed = true;
      // Wait for every connection to be really closed, so that a simulator restarted on the same port
      // does not meet clients still holding keep-alive sockets to this one.
      const socketsClosed = Promise.all([...sockets].map((s) => new Promise((r) => (s.destroyed ? r(undefined) : s.once("close", r)))));
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await socketsClosed;
      await new Promise((r) => setImmediate(r));
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
