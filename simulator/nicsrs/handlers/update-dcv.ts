import { UpdateDcvRequestSchema } from "../../../sdk/nicsrs/wire";
import { normalizeDomain } from "../../va/domains";
import { dcvFieldsFor } from "../dcv-fields";
import { checkDcvChoice } from "../domain-rules";
import { Handler, withOrderLock } from "../handler";
import { FieldErrors, invalid, invalidField, refused } from "../reply";
import { parseRequest } from "../request";

/** Changes one domain's DCV method/e-mail while the order is pending; answers that domain's new DCV fields. */
export const updateDcv: Handler = async (ctx, fields) => {
  const req = parseRequest(UpdateDcvRequestSchema, fields);
  return withOrderLock(ctx, req.certId, async (order) => {
    if (order.status !== "PENDING") throw refused(`DCV can only be changed while the order is PENDING; order ${order.certId} is ${order.status}`);
    const name = normalizeDomain(req.domainName);
    const domain = order.domains.find((d) => d.domainName === name);
    if (!domain) throw invalidField("domainName", `${req.domainName} is not a domain of order ${order.certId}`);
    const errors: FieldErrors = {};
    const email = req.dcvEmail?.trim() || undefined;
    checkDcvChoice(name, req.dcvMethod, email, "", errors);
    if (Object.keys(errors).length > 0) throw invalid(errors);
    domain.dcvMethod = req.dcvMethod;
    if (req.dcvMethod === "EMAIL" && email) domain.dcvEmail = email.toLowerCase();
    else delete domain.dcvEmail;
    ctx.store.save();
    return { code: 1, msg: "success", data: { certId: order.certId, domainName: domain.domainName, ...dcvFieldsFor(order, domain) } };
  });
};
