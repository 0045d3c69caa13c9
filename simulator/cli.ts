#!/usr/bin/env node
import { parseArgs } from "node:util";
import { startSimulator } from "./server";

const USAGE = `nicsrs-simulator [--port N] [--host H] [--data-dir DIR] [--token T] [--dns host:port]
                 [--dns-nameserver name=host:port ...]
                 [--auto-validate-seconds N] [--auto-validate-collects N] [--credit N]
                 [--http-validation-host H] [--http-validation-port N] [--https-validation-port N]
                 [--processing-collects N]`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      "data-dir": { type: "string" },
      token: { type: "string" },
      dns: { type: "string" },
      "dns-nameserver": { type: "string", multiple: true },
      "auto-validate-seconds": { type: "string" },
      "auto-validate-collects": { type: "string" },
      credit: { type: "string" },
      "http-validation-host": { type: "string" },
      "http-validation-port": { type: "string" },
      "https-validation-port": { type: "string" },
      "processing-collects": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const num = (name: string, v: string | undefined): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n)) throw new Error(`--${name} must be a number`);
    return n;
  };
  const afterSeconds = num("auto-validate-seconds", values["auto-validate-seconds"]);
  const afterCollects = num("auto-validate-collects", values["auto-validate-collects"]);
  const sim = await startSimulator({
    port: num("port", values.port) ?? 8580,
    host: values.host,
    dataDir: values["data-dir"] ?? ".nicsrs-simulator",
    apiToken: values.token,
    dns: values.dns,
    dnsNameservers: Object.fromEntries((values["dns-nameserver"] ?? []).map((kv) => kv.split("=", 2) as [string, string])),
    autoValidate: { afterSeconds, afterCollects },
    credit: num("credit", values.credit),
    httpValidationHost: values["http-validation-host"],
    httpValidationPort: num("http-validation-port", values["http-validation-port"]),
    httpsValidationPort: num("https-validation-port", values["https-validation-port"]),
    processingCollects: num("processing-collects", values["processing-collects"]),
    log: (line) => console.log(`${new Date().toISOString()} ${line}`),
  });
  console.log(`NicSRS simulator listening on ${sim.url} (admin API ${sim.adminUrl}, data in ${sim.dataDir})`);
  const stop = () => {
    void sim.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((err: unknown) => {
  console.error(`nicsrs-simulator: ${(err as Error).message}\n${USAGE}`);
  process.exit(1);
});
