import http from "node:http";
import https from "node:https";

export interface HttpTarget {
  /** Connect here instead of resolving the domain (the Host header stays the domain). */
  connectHost?: string;
  httpPort?: number;
  httpsPort?: number;
  timeoutMs?: number;
}

const MAX_BYTES = 64 * 1024;

/** GETs `<scheme>://<domain><path>`; resolves to the body on HTTP 200, rejects otherwise. */
export function fetchValidationFile(scheme: "http" | "https", domain: string, path: string, target: HttpTarget = {}): Promise<string> {
  const lib = scheme === "https" ? https : http;
  const port = scheme === "https" ? (target.httpsPort ?? 443) : (target.httpPort ?? 80);
  return new Promise((resolve, reject) => {
    const req = lib.request(
      {
        host: target.connectHost ?? domain,
        port,
        path,
        method: "GET",
        headers: { host: domain, "user-agent": "nicsrs-simulator-va" },
        servername: domain,
        // Sectigo fetches over HTTPS without checking the server's certificate.
        rejectUnauthorized: false,
        timeout: target.timeoutMs ?? 5000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (c: Buffer) => {
          size += c.length;
          if (size <= MAX_BYTES) chunks.push(c);
        });
        res.on("end", () => {
          if (res.statusCode === 200) resolve(Buffer.concat(chunks).toString("utf8"));
          else reject(new Error(`HTTP ${res.statusCode} from ${scheme}://${domain}${path}`));
        });
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`timeout fetching ${scheme}://${domain}${path}`)));
    req.on("error", reject);
    req.end();
  });
}
