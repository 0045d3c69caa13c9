// Thousands of mutated responses (truncation, byte flips, bad Base64, wrong line counts, HTML pages…):
// every one must parse or fail with a typed Sectigo error, quickly, never with anything else.
import assert from "node:assert/strict";
import {
  CollectSslRequestSchema,
  SectigoApiError,
  SectigoResponseError,
  SmimeRequestSchema,
  collectSslContext,
  parseSectigoResponse,
  smimeContext,
  type SectigoResponseContext as ResponseContext,
} from "../../sdk/sectigo";
import { renderReply, type RenderOptions } from "../../simulator/sectigo/render";
import { fixtures } from "./sectigo-fixtures";

function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Seed = { name: string; body: Uint8Array; ctx: ResponseContext };

const enc = (s: string | Uint8Array) => (typeof s === "string" ? new TextEncoder().encode(s) : s);

const mutations: [string, (b: Uint8Array, rnd: () => number) => Uint8Array][] = [
  ["truncate", (b, r) => b.subarray(0, Math.floor(r() * b.length))],
  ["flip byte", (b, r) => { const c = Uint8Array.from(b); const i = Math.floor(r() * c.length); c[i] ^= 1 << Math.floor(r() * 8); return c; }],
  ["flip 8 bytes", (b, r) => { const c = Uint8Array.from(b); for (let k = 0; k < 8; k++) c[Math.floor(r() * c.length)] = Math.floor(r() * 256); return c; }],
  ["delete span", (b, r) => { const i = Math.floor(r() * b.length); const n = 1 + Math.floor(r() * 40); return Uint8Array.from([...b.subarray(0, i), ...b.subarray(i + n)]); }],
  ["insert junk", (b, r) => { const i = Math.floor(r() * b.length); const junk = Array.from({ length: 1 + Math.floor(r() * 20) }, () => Math.floor(r() * 256)); return Uint8Array.from([...b.subarray(0, i), ...junk, ...b.subarray(i)]); }],
  ["bad base64 char", (b, r) => { const s = Buffer.from(b).toString("latin1"); const i = Math.floor(r() * s.length); return enc(s.slice(0, i) + "!*" + s.slice(i + 1)); }],
  ["drop a line", (b, r) => { const l = Buffer.from(b).toString("latin1").split("\n"); l.splice(Math.floor(r() * l.length), 1); return enc(l.join("\n")); }],
  ["duplicate a line", (b, r) => { const l = Buffer.from(b).toString("latin1").split("\n"); const i = Math.floor(r() * l.length); l.splice(i, 0, l[i]); return enc(l.join("\n")); }],
  ["add a line", (b, r) => enc(Buffer.from(b).toString("latin1") + ["\nIssued", "\nAuthorized", "\n1", "\nfoo bar", "\n", "\nMIIB"][Math.floor(r() * 6)])],
  ["swap lines", (b, r) => { const l = Buffer.from(b).toString("latin1").split("\n"); const i = Math.floor(r() * l.length), j = Math.floor(r() * l.length); [l[i], l[j]] = [l[j], l[i]]; return enc(l.join("\n")); }],
  ["html page", (b, r) => enc(`<!DOCTYPE html>\n<html><head><title>${r() < 0.5 ? "502 Bad Gateway" : "Maintenance"}</title></head><body>${Buffer.from(b.subarray(0, 40)).toString("latin1")}</body></html>`)],
  ["html after status", (b) => enc(`2\n<html><body>error</body></html>\n${Buffer.from(b).toString("latin1")}`)],
  ["crlf", (b) => enc(Buffer.from(b).toString("latin1").replace(/\n/g, "\r\n"))],
  ["random bytes", (b, r) => Uint8Array.from({ length: Math.floor(r() * 300) }, () => Math.floor(r() * 256))],
  ["status changed", (b, r) => enc(Buffer.from(b).toString("latin1").replace(/^-?\d+|errorCode=-?\d+|g_errorCode = -?\d+/, (m) => m.replace(/-?\d+$/, String([-99, -4, 0, 1, 2, 3, 12345678][Math.floor(r() * 7)]))))],
];

describe("sectigo parsers: fuzzed responses", function () {
  this.timeout(20_000);
  let seeds: Seed[] = [];

  before(async () => {
    const f = await fixtures();
    const reply = (leaf: Uint8Array) => ({
      status: 2,
      leafDer: leaf,
      caDers: [f.rootDer, f.intermediateDer],
      notBefore: new Date("2024-05-14T00:00:00Z"),
      notAfter: new Date("2025-05-13T23:59:59Z"),
      fqdn: "secure.example.com",
      certificateStatus: "Issued",
      validationStatus: "Complete",
      statusDetails: [1, 1, -1, -1, -1, -1, -1] as [number, number, number, number, number, number, number],
      caaStatus: "Authorized",
    });
    const base: Omit<RenderOptions, "endpoint"> = { queryType: 1, responseType: 3, responseEncoding: 0, responseFormat: 0, showValidityPeriod: true, showFQDN: true, showExtStatus: true, showMDCDomainDetails: false, showMDCDomainDetails2: false, showStatusDetails: true };
    for (const responseFormat of [0, 1] as const)
      for (const [responseType, responseEncoding] of [[0, 0], [1, 0], [2, 0], [3, 0], [0, 1], [2, 1]] as const) {
        const ctx = collectSslContext(CollectSslRequestSchema.parse({ orderNumber: "1", ...base, responseType, responseEncoding, responseFormat }));
        const out = renderReply(reply(f.sslLeafDer), { ...base, ...ctx });
        seeds.push({ name: `ssl f${responseFormat} t${responseType} e${responseEncoding}`, body: enc(out.body), ctx });
      }
    for (const [responseType, responseEncoding] of [[1, 0], [2, 0], [3, 0], [4, 0], [2, 1], [1, 2], [2, 2], [3, 2], [4, 2]] as const) {
      const ctx = smimeContext(SmimeRequestSchema.parse({ orderNumber: "1", responseType, responseEncoding }));
      seeds.push({ name: `smime t${responseType} e${responseEncoding}`, body: enc(renderReply(reply(f.smimeLeafDer), { ...base, ...ctx, showValidityPeriod: false }).body), ctx });
    }
    const status0 = collectSslContext(CollectSslRequestSchema.parse({ orderNumber: "1", showExtStatus: true, showMDCDomainDetails: true, showStatusDetails: true, showMDCDomainDetails2: true }));
    seeds.push({ name: "ssl status 0", body: enc(renderReply({ status: 0, caDers: [], mdcDomainDetails: { "a.example": "VALIDATED" }, mdcDomainDetails2: { "b.example": "AWAITINGBRAND" }, caaStatus: "Timeout" }, { ...base, ...status0 }).body), ctx: status0 });
    seeds.push({ name: "ssl error", body: enc("-4\nThe value of the 'queryType' argument is invalid!\n"), ctx: status0 });
    seeds = seeds.filter((s) => s.body.length > 0);
  });

  it("every seed parses unmutated", () => {
    for (const s of seeds) assert.doesNotThrow(() => { try { parseSectigoResponse(s.body, s.ctx); } catch (e) { if (!(e instanceof SectigoApiError)) throw e; } }, s.name);
  });

  it("4000+ mutations: a result or a typed error, each fast, all well under 10 s", () => {
    const rnd = prng(20240514);
    const started = Date.now();
    const tally = { ok: 0, responseError: 0, apiError: 0 };
    let n = 0;
    for (let round = 0; round < 14; round++)
      for (const s of seeds)
        for (const [name, mutate] of mutations) {
          const body = mutate(s.body, rnd);
          const t0 = Date.now();
          try {
            const r = parseSectigoResponse(body, s.ctx);
            assert.ok([0, 1, 2].includes(r.statusCode));
            assert.ok(Array.isArray(r.chainPems));
            tally.ok++;
          } catch (e) {
            if (e instanceof SectigoResponseError) tally.responseError++;
            else if (e instanceof SectigoApiError) tally.apiError++;
            else assert.fail(`${s.name} / ${name}: untyped ${(e as Error)?.constructor?.name}: ${(e as Error)?.message}`);
          }
          n++;
          assert.ok(Date.now() - t0 < 500, `${s.name} / ${name} took ${Date.now() - t0} ms`);
        }
    const elapsed = Date.now() - started;
    console.log(`      ${n} inputs in ${elapsed} ms: ${JSON.stringify(tally)}`);
    assert.ok(n >= 4000, `only ${n} inputs`);
    assert.ok(elapsed < 10_000, `took ${elapsed} ms`);
    // Most mutations must be caught, not silently accepted.
    assert.ok(tally.responseError > n / 2, JSON.stringify(tally));
  });
});
