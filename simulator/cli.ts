#!/usr/bin/env node
import { parseArgs } from "node:util";
import { startSimulator } from "./server";

interface Flag {
  name: string;
  value?: string;
  description: string;
  default?: string;
  short?: string;
  /** May be given several times. */
  multiple?: boolean;
}

const DEFAULT_PORT = 8580;
const DEFAULT_HOST = "127.0.0.1";
const DEFAULT_DATA_DIR = ".nicsrs-simulator";
const DEFAULT_TOKEN = "sim-token";

const FLAGS: Flag[] = [
  { name: "port", value: "N", description: "TCP port to listen on (0: a free port)", default: String(DEFAULT_PORT) },
  { name: "host", value: "H", description: "address to listen on", default: DEFAULT_HOST },
  { name: "data-dir", value: "DIR", description: "orders, the CA and the clock; reused on restart", default: DEFAULT_DATA_DIR },
  { name: "token", value: "T", description: "the api_token the NicSRS endpoints accept (others get code 400)", default: DEFAULT_TOKEN },
  { name: "dns", value: "HOST:PORT", description: "DNS server queried for CNAME/TXT DCV", default: "the system resolvers" },
  { name: "dns-nameserver", value: "NAME=HOST:PORT", multiple: true, description: "where the VA reaches a nameserver named in an NS record (repeatable; for loopback labs)", default: "port 53 of the nameserver's address" },
  { name: "auto-validate-seconds", value: "N", description: "pass DCV N simulator-seconds after placement (demos)", default: "off" },
  { name: "auto-validate-collects", value: "N", description: "pass DCV at an order's N-th collect (demos)", default: "off" },
  { name: "credit", value: "N", description: "set the account's balance at start", default: "100000 for a new data dir, else kept" },
  { name: "http-validation-host", value: "H", description: "where HTTP(S) file DCV connects (Host header and SNI stay the domain)", default: "the domain" },
  { name: "http-validation-port", value: "N", description: "port for HTTP_CSR_HASH fetches", default: "80" },
  { name: "https-validation-port", value: "N", description: "port for HTTPS_CSR_HASH fetches", default: "443" },
  { name: "processing-collects", value: "N", description: "collects answered PROCESSING between DCV and issuance", default: "0" },
  { name: "help", short: "h", description: "print this help and exit" },
];

function usage(): string {
  const left = (f: Flag) => `${f.short ? `-${f.short}, ` : "    "}--${f.name}${f.value ? ` ${f.value}` : ""}`;
  const width = Math.max(...FLAGS.map((f) => left(f).length)) + 2;
  const rows = FLAGS.map((f) => `  ${left(f).padEnd(width)}${f.description}${f.default ? ` (default: ${f.default})` : ""}`);
  return [
    "Usage: nicsrs-simulator [flags]",
    "",
    "An offline NicSRS (and Sectigo) API with a real local CA, for tests, demos and trying pulumi-nicsrs.",
    "",
    "Flags:",
    ...rows,
    "",
    "Example: nicsrs-simulator --port 8580 --dns 127.0.0.1:5300",
  ].join("\n");
}

/** What a user pastes to point a Pulumi stack at this simulator. */
function startBanner(sim: { url: string; adminUrl: string; apiToken: string; dataDir: string }): string {
  return [
    `NicSRS simulator listening on ${sim.url}`,
    `  endpoint:   ${sim.url}`,
    `  API token:  ${sim.apiToken}   (a simulator token, not a real one)`,
    `  admin API:  ${sim.adminUrl}`,
    `  data dir:   ${sim.dataDir}`,
    "Point a Pulumi stack at it:",
    `  pulumi config set nicsrs:endpoint ${sim.url}`,
    `  pulumi config set --secret nicsrs:apiToken ${sim.apiToken}`,
    "Sectigo side (account of a new data dir):",
    `  pulumi config set sectigo:endpoint ${sim.url}`,
    "  pulumi config set sectigo:loginName sim-sectigo",
    "  pulumi config set --secret sectigo:loginPassword sim-sectigo-password",
    "Stop with Ctrl-C.",
  ].join("\n");
}

async function main(): Promise<void> {
  const options = Object.fromEntries(
    FLAGS.map((f) => [f.name, f.name === "help" ? { type: "boolean" as const, short: f.short } : { type: "string" as const, multiple: f.multiple ?? false }]),
  );
  const { values } = parseArgs({ options }) as { values: Record<string, string | boolean | undefined> };
  if (values.help) {
    console.log(usage());
    return;
  }
  const str = (name: string): string | undefined => values[name] as string | undefined;
  const num = (name: string): number | undefined => {
    const v = str(name);
    if (v === undefined) return undefined;
    const n = Number(v);
    if (v.trim() === "" || !Number.isFinite(n)) throw new Error(`--${name} must be a number, got "${v}"`);
    return n;
  };
  const sim = await startSimulator({
    port: num("port") ?? DEFAULT_PORT,
    host: str("host") ?? DEFAULT_HOST,
    dataDir: str("data-dir") ?? DEFAULT_DATA_DIR,
    apiToken: str("token") ?? DEFAULT_TOKEN,
    dns: str("dns"),
    dnsNameservers: Object.fromEntries(((values["dns-nameserver"] as unknown as string[] | undefined) ?? []).map((kv) => kv.split("=", 2) as [string, string])),
    autoValidate: { afterSeconds: num("auto-validate-seconds"), afterCollects: num("auto-validate-collects") },
    credit: num("credit"),
    httpValidationHost: str("http-validation-host"),
    httpValidationPort: num("http-validation-port"),
    httpsValidationPort: num("https-validation-port"),
    processingCollects: num("processing-collects"),
    log: (line) => console.log(`${new Date().toISOString()} ${line}`),
  });
  console.log(startBanner(sim));
  const stop = () => {
    void sim.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((err: unknown) => {
  console.error(`nicsrs-simulator: ${(err as Error).message}\n\n${usage()}`);
  process.exit(1);
});
