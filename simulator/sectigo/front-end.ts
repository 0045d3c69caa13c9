// POST /products/download/{CollectSSL,RequestAndCollectSMIME}: form in, Sectigo answer out.
// Concurrent calls on one account are refused (-14) and counted, see ./concurrency.
import type { FrontEndHandler, FrontEndResponse } from "../router";
import type { ConcurrencyTracker } from "./concurrency";
import { collectSsl, requestAndCollectSmime, type SectigoSim } from "./handlers";
import { renderReply, type RenderOptions, type SectigoReply } from "./render";
import { documentedFail } from "./reply";
import { readArgs, SectigoFail, type SectigoEndpointName } from "./request";

const ENDPOINTS: SectigoEndpointName[] = ["CollectSSL", "RequestAndCollectSMIME"];

function answer(reply: SectigoReply, render: RenderOptions): FrontEndResponse {
  const out = renderReply(reply, render);
  return { status: 200, headers: { "content-type": out.contentType }, body: out.body, logNote: `status ${reply.status}` };
}

function failure(e: SectigoFail, render: RenderOptions, note?: string): FrontEndResponse {
  return { ...answer({ status: e.code, errorMessage: e.message, caDers: [] }, render), logNote: `status ${e.code}${note ? ` (${note})` : ""}` };
}

/** The account a call is charged to for the no-concurrency rule (the client's queue uses the same key). */
function accountOf(body: string): string {
  const form = new URLSearchParams(body);
  let loginName: string | null = null;
  let code: string | null = null;
  for (const [k, v] of form) {
    if (k.toLowerCase() === "loginname" && loginName === null) loginName = v;
    if (k.toLowerCase() === "collectioncode" && code === null) code = v;
  }
  return loginName ?? (code !== null ? `collectionCode:${code}` : "");
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createSectigoFrontEnd(sim: SectigoSim, tracker: ConcurrencyTracker): FrontEndHandler {
  return async (req) => {
    const endpoint = ENDPOINTS.find((e) => e.toLowerCase() === req.endpoint.toLowerCase());
    if (!endpoint) return { status: 404, headers: { "content-type": "text/plain" }, body: "not found\n" };
    const body = req.body.toString("utf8");
    const { args, fail, render } = readArgs(endpoint, req.method === "POST" ? body : req.url.search.slice(1));
    if (req.method !== "POST") return failure(documentedFail(endpoint, -17), render);

    const account = accountOf(body);
    const admitted = tracker.enter(account);
    try {
      if (!admitted) return failure(documentedFail(endpoint, -14), render, "concurrent call on this account refused");
      if (tracker.latencyMs > 0) await sleep(tracker.latencyMs);
      if (fail) return failure(fail, render);
      const reply = endpoint === "CollectSSL" ? await collectSsl(sim, args!) : await requestAndCollectSmime(sim, args!);
      return answer(reply, render);
    } catch (e) {
      if (e instanceof SectigoFail) return failure(e, render);
      throw e;
    } finally {
      tracker.leave(account);
    }
  };
}
