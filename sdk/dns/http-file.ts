// HTTP(S)-file DCV pre-flight: fetch the validation URL the way the CA does (the host's address from
// DNS, the Host header the domain, any certificate accepted) and compare the body line by line.
import http from "node:http";
import https from "node:https";
import type { DnsResolver } from "./resolver";

export interface HttpFileCheck {
  url: string;
  ok: boolean;
  /** "HTTP 404", "body differs: expected …, seen …", "cannot resolve …". */
  detail: string;
}

const MAX_BYTES = 16 * 1024;

const lines = (s: string) => s.trim().split(/\r?\n/).map((l) => l.trim().toLowerCase());

export async function checkHttpFile(resolver: DnsResolver, url: string, expected: string, opts: { timeoutMs?: number; port?: number } = {}): Promise<HttpFileCheck> {
  const u = new URL(url);
  let address: string | undefined;
  try {
    address = (await resolver.lookup(u.hostname, "A")).records[0]?.data;
  } catch (err) {
    return { url, ok: false, detail: `cannot resolve ${u.hostname}: ${(err as Error).message}` };
  }
  if (!address) return { url, ok: false, detail: `${u.hostname} has no A record` };
  const lib = u.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    const req = lib.request(
      {
        host: address,
        port: opts.port ?? (u.port ? Number(u.port) : u.protocol === "https:" ? 443 : 80),
        path: u.pathname + u.search,
        method: "GET",
        headers: { host: u.host, "user-agent": "pulumi-nicsrs-dcv-preflight" },
        servername: u.hostname,
        rejectUnauthorized: false,
        timeout: opts.timeoutMs ?? 5000,
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => {
          if (body.length < MAX_BYTES) body += c;
        });
        res.on("end", () => {
          if (res.statusCode !== 200) return resolve({ url, ok: false, detail: `HTTP ${res.statusCode}` });
          const got = lines(body);
          const want = lines(expected);
          const ok = got.length === want.length && got.every((l, i) => l === want[i]);
          resolve({ url, ok, detail: ok ? "content matches" : `body differs: expected ${JSON.stringify(expected.trim().slice(0, 120))}, seen ${JSON.stringify(body.trim().slice(0, 120))}` });
        });
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", (err) => resolve({ url, ok: false, detail: err.message }));
    req.end();
  });
}
