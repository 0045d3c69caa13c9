import { CertIdRequestSchema } from "../../../sdk/nicsrs/wire";
import { findProduct } from "../../catalogue";
import type { SimulatorContext } from "../../context";
import type { OrderRecord } from "../../store/types";
import { toWireDate } from "../dates";
import { dcvList, dcvSection } from "../dcv-fields";
import { Handler, withOrderLock } from "../handler";
import { advanceOrder, effectiveStatus } from "../lifecycle";
import type { WireReply } from "../reply";
import { parseRequest } from "../request";

export const collect: Handler = async (ctx, fields) => {
  const { certId } = parseRequest(CertIdRequestSchema, fields);
  return withOrderLock(ctx, certId, async (order) => {
    order.collects += 1;
    if (order.status === "PENDING" || order.status === "PROCESSING") await advanceOrder(ctx, order);
    else ctx.store.save();
    return collectReply(ctx, order);
  });
};

function collectReply(ctx: SimulatorContext, order: OrderRecord): WireReply {
  const status = effectiveStatus(order, ctx.clock.now());
  const dv = findProduct(order.productCode)?.validationType === "DV";
  const issued = order.certificatePem !== undefined;
  const dcvDone = order.domains.every((d) => d.verified);
  const step = (done: boolean, ongoing = true) => ({ status: done ? "Done" : ongoing ? "Ongoing" : "Notdone" });
  const data: Record<string, unknown> = {
    certId: order.certId,
    vendorId: order.vendorId,
    vendorCertId: order.vendorCertId,
    applyTime: toWireDate(order.createdAt),
    dueDate: toWireDate(order.dueDate),
    productType: order.productCode,
    ...dcvSection(order),
    dcvList: dcvList(order),
    applyParams: applyParams(order),
    application: step(true),
    dcv: step(dcvDone),
    ov: dv ? step(true) : step(issued, dcvDone),
    issued: step(issued, dcvDone),
  };
  if (issued) {
    Object.assign(data, {
      certificate: order.certificatePem,
      caCertificate: order.caCertificatePem,
      beginDate: toWireDate(order.beginDate!),
      endDate: toWireDate(order.endDate!),
    });
    // rsaPrivateKey is what public clients read; privateKey is the other name seen for it.
    if (order.generatedKeyPem) Object.assign(data, { rsaPrivateKey: order.generatedKeyPem, privateKey: order.generatedKeyPem });
    if (order.pkcs12) Object.assign(data, { pkcs12: order.pkcs12, pkcsPass: order.pkcsPass });
  }
  if (status === "PROCESSING") return { code: 2, msg: "the certificate is being issued", status, certStatus: status, data };
  return { code: 1, msg: "success", status, certStatus: status, data };
}

/** The order as the CA holds it (public clients read `applyParams.csr` to recover the CSR). */
function applyParams(order: OrderRecord): Record<string, unknown> {
  const params: Record<string, unknown> = {
    csr: order.csrPem.trim(),
    domainInfo: order.domains.map((d) => ({ domainName: d.domainName, dcvMethod: d.dcvMethod, dcvEmail: d.dcvEmail ?? "" })),
  };
  if (order.uniqueValue) params.uniqueValue = order.uniqueValue;
  if (order.server) params.server = order.server;
  if (order.organizationInfo) params.organizationInfo = order.organizationInfo;
  if (order.administrator) params.Administrator = order.administrator;
  return params;
}
