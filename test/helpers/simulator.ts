// Starts a NicSRS simulator for a mocha suite (temp dataDir, random port) and stops it after the suite.
//
//   const sim = useSimulator({ autoValidate: { afterCollects: 1 } });
//   it("…", async () => { const r = await sim.post("place", { … }); … sim.admin … });
//
// Options may be a function, evaluated in before(), for values only known then (e.g. a DNS server's address).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "undici";
import { startSimulator } from "../../simulator";
import type { RunningSimulator, SimulatorAdmin, SimulatorOptions } from "../../simulator";

export interface PostOptions {
  /** "json" (default) or "form" (x-www-form-urlencoded). */
  encoding?: "json" | "form";
  /** Send `params` as a JSON string (default for form) or as an object (default for json). */
  paramsAsString?: boolean;
  /** Override the api_token (null: send none). */
  apiToken?: string | null;
  /** Give up waiting for the answer after this long. */
  timeoutMs?: number;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The parsed body; undefined when it is not JSON. */
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** POSTs to `<url>/ssl/<endpoint>` with api_token added, JSON or form encoded. */
export async function postNicsrs(url: string, apiToken: string, endpoint: string, fields: Record<string, unknown>, opts: PostOptions = {}): Promise<RawResponse> {
  const encoding = opts.encoding ?? "json";
  const token = opts.apiToken === undefined ? apiToken : opts.apiToken;
  const body: Record<string, unknown> = { ...fields };
  if (token !== null) body.api_token = token;
  const stringify = opts.paramsAsString ?? encoding === "form";
  if (body.params !== undefined && stringify && typeof body.params !== "string") body.params = JSON.stringify(body.params);
  let payload: string;
  let contentType: string;
  if (encoding === "form") {
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(body)) if (v !== undefined) form.set(k, typeof v === "string" ? v : typeof v === "object" ? JSON.stringify(v) : String(v));
    payload = form.toString();
    contentType = "application/x-www-form-urlencoded";
  } else {
    payload = JSON.stringify(body);
    contentType = "application/json";
  }
  const timeouts = opts.timeoutMs ? { headersTimeout: opts.timeoutMs, signal: AbortSignal.timeout(opts.timeoutMs) } : {};
  const res = await request(`${url}/ssl/${endpoint}`, { method: "POST", headers: { "content-type": contentType }, body: payload, ...timeouts });
  const text = await res.body.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.statusCode, headers: res.headers, text, json };
}

export interface SimulatorHandle {
  readonly sim: RunningSimulator;
  readonly url: string;
  readonly admin: SimulatorAdmin;
  readonly dataDir: string;
  post(endpoint: string, fields: Record<string, unknown>, opts?: PostOptions): Promise<RawResponse>;
  /** Closes the simulator and starts it again on the same dataDir (and port). */
  restart(extra?: SimulatorOptions): Promise<void>;
}

export function useSimulator(opts: SimulatorOptions | (() => SimulatorOptions) = {}): SimulatorHandle {
  let sim: RunningSimulator | undefined;
  let dataDir = "";
  let options: SimulatorOptions = {};
  const current = () => {
    if (!sim) throw new Error("the simulator is not running (use the handle inside tests)");
    return sim;
  };
  before(async () => {
    options = typeof opts === "function" ? opts() : opts;
    dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "nicsrs-sim-test-"));
    sim = await startSimulator({ ...options, dataDir });
  });
  after(async () => {
    await sim?.close();
    sim = undefined;
    if (!options.dataDir && dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    get sim() {
      return current();
    },
    get url() {
      return current().url;
    },
    get admin() {
      return current().admin;
    },
    get dataDir() {
      return dataDir;
    },
    post(endpoint, fields, postOpts) {
      const s = current();
      return postNicsrs(s.url, s.apiToken, endpoint, fields, postOpts);
    },
    async restart(extra = {}) {
      const port = Number(new URL(current().url).port);
      await current().close();
      sim = await startSimulator({ ...options, ...extra, dataDir, port });
    },
  };
}
