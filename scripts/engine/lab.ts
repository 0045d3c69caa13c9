// The offline world the demo, the e2e suite and the benchmark run in: a real DNS server (PowerDNS)
// and the NicSRS simulator whose validation authority queries it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startPowerDns, type PowerDns } from "../dns/powerdns";
import { startSimulator } from "../../simulator";

export const LAB_ZONE = "example.test";
export const LAB_TOKEN = "lab-api-token-0123456789";

export interface Lab {
  dir: string;
  dns: PowerDns;
  simulator: Awaited<ReturnType<typeof startSimulator>>;
  stop(): Promise<void>;
}

export async function startLab(opts: { log?: (line: string) => void; autoValidateSeconds?: number } = {}): Promise<Lab> {
  const dir = mkdtempSync(join(tmpdir(), "nicsrs-lab-"));
  const dns = await startPowerDns({ dir: join(dir, "pdns"), zones: [LAB_ZONE], log: opts.log });
  try {
    const simulator = await startSimulator({
      dataDir: join(dir, "simulator"),
      apiToken: LAB_TOKEN,
      dns: dns.dnsAddress,
      ...(opts.autoValidateSeconds !== undefined ? { autoValidate: { afterSeconds: opts.autoValidateSeconds } } : {}),
    });
    opts.log?.(`NicSRS simulator at ${simulator.url}, validating DCV against ${dns.dnsAddress}`);
    return {
      dir,
      dns,
      simulator,
      async stop() {
        await simulator.close();
        await dns.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await dns.stop();
    throw err;
  }
}
