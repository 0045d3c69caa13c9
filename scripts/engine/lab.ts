// The offline world the demo, the e2e suite and the benchmark run in: a real DNS server (PowerDNS)
// and the NicSRS simulator whose validation authority queries it. With `delegatedZone`, two more
// PowerDNS servers are the authoritative servers of sub.example.test, delegated from example.test
// (NS + glue), so that lookups walk a real delegation and a record can be on one server before the other.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setRrSets, startPowerDns, type PowerDns } from "../dns/powerdns";
import { startSimulator } from "../../simulator";

export const LAB_ZONE = "example.test";
export const LAB_SUB_ZONE = `sub.${LAB_ZONE}`;
export const LAB_TOKEN = "lab-api-token-0123456789";

export interface Lab {
  dir: string;
  dns: PowerDns;
  /** The two authoritative servers of LAB_SUB_ZONE (with `delegatedZone`). */
  subDns: PowerDns[];
  /** Where each nameserver really listens (the lab's servers all share 127.0.0.1). */
  nameserverAddresses: Record<string, string>;
  /** Environment for a provider process: start lookups at the lab's DNS, reach its nameservers. */
  dnsEnv: Record<string, string>;
  simulator: Awaited<ReturnType<typeof startSimulator>>;
  stop(): Promise<void>;
}

export async function startLab(opts: { log?: (line: string) => void; autoValidateSeconds?: number; delegatedZone?: boolean } = {}): Promise<Lab> {
  const dir = mkdtempSync(join(tmpdir(), "nicsrs-lab-"));
  const dns = await startPowerDns({ dir: join(dir, "pdns"), zones: [LAB_ZONE], log: opts.log });
  const subDns: PowerDns[] = [];
  const nameserverAddresses: Record<string, string> = { [`ns1.${LAB_ZONE}`]: dns.dnsAddress };
  try {
    if (opts.delegatedZone) {
      const nameservers = [`ns1.${LAB_SUB_ZONE}`, `ns2.${LAB_SUB_ZONE}`];
      for (const [i, ns] of nameservers.entries()) {
        subDns.push(await startPowerDns({ dir: join(dir, `pdns-sub${i + 1}`), zones: [{ name: LAB_SUB_ZONE, nameservers }], log: opts.log }));
        nameserverAddresses[ns] = subDns[i].dnsAddress;
      }
      await setRrSets(dns, LAB_ZONE, [
        { name: LAB_SUB_ZONE, type: "NS", contents: nameservers.map((n) => `${n}.`) },
        ...nameservers.map((n) => ({ name: n, type: "A", contents: ["127.0.0.1"] })),
      ]);
    }
    const simulator = await startSimulator({
      dataDir: join(dir, "simulator"),
      apiToken: LAB_TOKEN,
      dns: dns.dnsAddress,
      dnsNameservers: nameserverAddresses,
      ...(opts.autoValidateSeconds !== undefined ? { autoValidate: { afterSeconds: opts.autoValidateSeconds } } : {}),
    });
    opts.log?.(`NicSRS simulator at ${simulator.url}, validating DCV against ${dns.dnsAddress}`);
    return {
      dir,
      dns,
      subDns,
      nameserverAddresses,
      dnsEnv: { NICSRS_DNS_RESOLVERS: dns.dnsAddress, NICSRS_DNS_NAMESERVERS: JSON.stringify(nameserverAddresses) },
      simulator,
      async stop() {
        await simulator.close();
        for (const s of subDns) await s.stop();
        await dns.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    for (const s of subDns) await s.stop();
    await dns.stop();
    throw err;
  }
}
