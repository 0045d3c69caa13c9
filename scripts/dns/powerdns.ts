// Starts a real authoritative DNS server (PowerDNS from Debian's pdns-server + pdns-backend-sqlite3)
// on loopback, with its HTTP API on, for the demo and the e2e suite. The simulator's validation
// authority queries it by DNS protocol; Pulumi programs write DCV records through its API.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { DatabaseSync } from "node:sqlite";
import { freeTcpPort, freeUdpAndTcpPort } from "./ports";

export interface PowerDnsOptions {
  /** Working directory for the config and the sqlite database (created if missing). */
  dir: string;
  /** Zones to create, e.g. ["example.test"]; with `nameservers` for a zone whose NS set matters (delegation). */
  zones: (string | { name: string; nameservers: string[] })[];
  log?: (line: string) => void;
}

export interface PowerDns {
  /** `127.0.0.1:<port>`: what the simulator's `--dns` takes. */
  dnsAddress: string;
  apiUrl: string;
  apiKey: string;
  stop(): Promise<void>;
}

const PDNS_BINARY = "/usr/sbin/pdns_server";
const SCHEMA = "/usr/share/pdns-backend-sqlite3/schema/schema.sqlite3.sql";

export async function startPowerDns(opts: PowerDnsOptions): Promise<PowerDns> {
  if (!existsSync(PDNS_BINARY) || !existsSync(SCHEMA)) {
    throw new Error(`PowerDNS is not installed (${PDNS_BINARY}); run scripts/ensure-system-packages.sh`);
  }
  mkdirSync(opts.dir, { recursive: true });
  const database = join(opts.dir, "pdns.sqlite3");
  if (!existsSync(database)) {
    const db = new DatabaseSync(database);
    db.exec(readFileSync(SCHEMA, "utf8"));
    db.close();
  }
  const dnsPort = await freeUdpAndTcpPort();
  const apiPort = await freeTcpPort();
  const apiKey = randomBytes(16).toString("hex");
  writeFileSync(
    join(opts.dir, "pdns.conf"),
    [
      "launch=gsqlite3",
      `gsqlite3-database=${database}`,
      // Dynamic resources write records concurrently; WAL keeps readers and the writer apart.
      "gsqlite3-pragma-journal-mode=WAL",
      "local-address=127.0.0.1",
      `local-port=${dnsPort}`,
      "api=yes",
      `api-key=${apiKey}`,
      "webserver=yes",
      "webserver-address=127.0.0.1",
      `webserver-port=${apiPort}`,
      "webserver-allow-from=127.0.0.0/8",
      `socket-dir=${opts.dir}`,
      "guardian=no",
      "daemon=no",
      "disable-syslog=yes",
      "loglevel=3",
      // Records change during a run and validation must see them at once.
      "cache-ttl=0",
      "negquery-cache-ttl=0",
      "query-cache-ttl=0",
      "zone-cache-refresh-interval=0",
      "",
    ].join("\n"),
  );
  const child = spawn(PDNS_BINARY, [`--config-dir=${opts.dir}`], { stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 50) output.shift();
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);

  const apiUrl = `http://127.0.0.1:${apiPort}/api/v1/servers/localhost`;
  const server: PowerDns = {
    dnsAddress: `127.0.0.1:${dnsPort}`,
    apiUrl,
    apiKey,
    stop: () => stopChild(child),
  };
  try {
    await waitForApi(apiUrl, apiKey, child, output);
    for (const zone of opts.zones) await ensureZone(server, typeof zone === "string" ? zone : zone.name, typeof zone === "string" ? undefined : zone.nameservers);
  } catch (err) {
    await server.stop();
    throw err;
  }
  opts.log?.(`PowerDNS ${server.dnsAddress} (API ${apiUrl}) serving ${opts.zones.map((z) => (typeof z === "string" ? z : z.name)).join(", ")}`);
  return server;
}

async function waitForApi(apiUrl: string, apiKey: string, child: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`pdns_server exited (${child.exitCode}): ${output.join("").slice(-2000)}`);
    try {
      const res = await fetch(apiUrl, { headers: { "X-API-Key": apiKey }, signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`pdns_server did not answer on ${apiUrl} within 15 s: ${output.join("").slice(-2000)}`);
}

async function ensureZone(server: PowerDns, zone: string, nameservers?: string[]): Promise<void> {
  const name = zone.endsWith(".") ? zone : `${zone}.`;
  const dot = (n: string) => (n.endsWith(".") ? n : `${n}.`);
  const res = await fetch(`${server.apiUrl}/zones`, {
    method: "POST",
    headers: { "X-API-Key": server.apiKey, "Content-Type": "application/json" },
    body: JSON.stringify({ name, kind: "Native", nameservers: nameservers ? nameservers.map(dot) : [`ns1.${name}`] }),
    signal: AbortSignal.timeout(5000),
  });
  // 409: the zone exists already (a restart on the same directory).
  if (!res.ok && res.status !== 409) throw new Error(`creating zone ${name}: HTTP ${res.status} ${await res.text()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

export interface RrSet {
  name: string;
  type: string;
  /** Record contents in zone-file form (`0 issue "sectigo.com"`, a quoted TXT, a dotted name); [] deletes the set. */
  contents: string[];
  ttl?: number;
}

/** Replaces (or deletes) record sets in `zone` through the API; lab set-up and tests use it. */
export async function setRrSets(server: Pick<PowerDns, "apiUrl" | "apiKey">, zone: string, rrsets: RrSet[]): Promise<void> {
  const dot = (n: string) => (n.endsWith(".") ? n : `${n}.`);
  const res = await fetch(`${server.apiUrl}/zones/${dot(zone)}`, {
    method: "PATCH",
    headers: { "X-API-Key": server.apiKey, "Content-Type": "application/json" },
    body: JSON.stringify({
      rrsets: rrsets.map((r) =>
        r.contents.length === 0
          ? { name: dot(r.name), type: r.type, changetype: "DELETE" }
          : { name: dot(r.name), type: r.type, ttl: r.ttl ?? 1, changetype: "REPLACE", records: r.contents.map((content) => ({ content, disabled: false })) },
      ),
    }),
    signal: AbortSignal.timeout(5000),
  });
  if (!res.ok) throw new Error(`PATCH zone ${zone}: HTTP ${res.status} ${await res.text()}`);
}
