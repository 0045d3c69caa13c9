import type { SimulatorContext } from "../context";
import type { FrontEndHandler } from "../router";
import type { Handler } from "./handler";
import { cancel } from "./handlers/cancel";
import { collect } from "./handlers/collect";
import { getCertByRefId } from "./handlers/get-cert-by-ref-id";
import { place } from "./handlers/place";
import { productList } from "./handlers/product-list";
import { reissue, replace } from "./handlers/reissue";
import { batchRemoveMdcDomain, batchUpdateDcv, dcvEmail, removeMdcDomain, validateNow } from "./handlers/dcv-management";
import { caaCheck, country } from "./handlers/lookups";
import { renew } from "./handlers/renew";
import { revoke } from "./handlers/revoke";
import { updateDcv } from "./handlers/update-dcv";
import { validate } from "./handlers/validate";
import { ApiFailure, WireReply } from "./reply";
import { decodeBody, decodeParams } from "./request";

const HANDLERS: Record<string, Handler> = {
  place,
  collect,
  renew,
  reissue,
  cancel,
  revoke,
  getCertByRefId,
  productList,
  validate,
  updateDCV: updateDcv,
  replace,
  batchUpdateDCV: batchUpdateDcv,
  removeMdcDomain,
  batchRemoveMdcDomain,
  DCVemail: dcvEmail,
  // The older NicSRS module lists approver addresses at /ssl/email (with domainName).
  email: dcvEmail,
  validatefile: validateNow,
  validatedns: validateNow,
  caaCheck,
  country,
};

/** The NicSRS API at POST /ssl/<endpoint>: token check, body decoding, one handler per endpoint. */
export function createNicsrsFrontEnd(ctx: SimulatorContext): FrontEndHandler {
  return async (req) => {
    const handler = HANDLERS[req.endpoint];
    if (!handler) return json({ code: -2, msg: `unknown endpoint /ssl/${req.endpoint}` }, 404);
    if (req.method !== "POST") return json({ code: -2, msg: "use POST" }, 405);
    let reply: WireReply;
    try {
      const fields = decodeBody(req.body, req.headers["content-type"]);
      // The real API answers a bad token with HTTP 200 and code 400.
      if (typeof fields.api_token !== "string" || fields.api_token === "") reply = { code: 400, msg: "permission denied: api_token is required" };
      else if (fields.api_token !== ctx.apiToken) reply = { code: 400, msg: "permission denied: invalid api_token" };
      else reply = await handler(ctx, decodeParams(fields));
    } catch (err) {
      if (err instanceof ApiFailure) reply = err.toReply();
      else {
        ctx.log(`nicsrs ${req.endpoint}: unexpected error: ${(err as Error).stack ?? String(err)}`);
        reply = { code: -2, msg: "unknown error" };
      }
    }
    return json(reply);
  };
}

function json(reply: WireReply, status = 200) {
  return {
    status,
    headers: { "content-type": "application/json; charset=utf-8" },
    body: JSON.stringify(reply),
    logNote: `code=${reply.code}`,
  };
}
