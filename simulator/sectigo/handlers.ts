// The logic of CollectSSL and RequestAndCollectSMIME once the arguments are read and the call admitted.
import { parseCsr, X509Error } from "../../sdk/x509";
import type { SimulatorContext } from "../context";
import { issueSectigoOrder } from "./issue";
import { mirroredNicsrsOrder } from "./nicsrs-mirror";
import type { SectigoReply } from "./render";
import { assertCollectable, documentedFail, replyFor, supportedKey } from "./reply";
import { invalid, type SectigoArgs } from "./request";
import type { SectigoStore } from "./store";
import type { SectigoOrder } from "./types";

export interface SectigoSim {
  ctx: SimulatorContext;
  store: SectigoStore;
}

function authenticate(sim: SectigoSim, args: SectigoArgs): void {
  if (!sim.store.authenticates(args.loginName ?? "", args.loginPassword ?? "")) throw documentedFail(args.endpoint, -16);
}

export async function collectSsl(sim: SectigoSim, args: SectigoArgs): Promise<SectigoReply> {
  authenticate(sim, args);
  const own = (o: SectigoOrder) => o.loginName === args.loginName;
  let order: SectigoOrder | undefined;
  if (args.orderNumber !== undefined) order = sim.store.byOrderNumber(args.orderNumber);
  else if (args.certificateID !== undefined) order = sim.store.find((o) => o.certificateId === args.certificateID);
  else
    order = sim.store
      .orders()
      .filter((o) => o.baseOrderNumber === args.baseOrderNumber && own(o))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  if (order && (!own(order) || order.kind !== "ssl")) order = undefined;
  order ??= mirroredNicsrsOrder(sim.ctx, { orderNumber: args.orderNumber, certificateId: args.certificateID }, args.loginName!);
  if (!order) throw invalid(args.orderNumber !== undefined ? "orderNumber" : args.certificateID !== undefined ? "certificateID" : "baseOrderNumber");
  assertCollectable(args.endpoint, order);
  return replyFor(sim.ctx, order, args.render.queryType);
}

export async function requestAndCollectSmime(sim: SectigoSim, args: SectigoArgs): Promise<SectigoReply> {
  const usesAccount = args.loginName !== undefined || !args.collectionCode;
  if (usesAccount) authenticate(sim, args);
  let order = args.collectionCode ? sim.store.find((o) => o.collectionCode === args.collectionCode) : sim.store.byOrderNumber(args.orderNumber!);
  if (order && args.orderNumber !== undefined && order.orderNumber !== args.orderNumber) order = undefined;
  if (order && usesAccount && order.loginName !== args.loginName) order = undefined;
  if (!order) throw invalid(args.collectionCode ? "collectionCode" : "orderNumber");
  if (order.kind !== "smime") throw documentedFail(args.endpoint, -153);
  const found = order;
  return sim.ctx.locks.run(`sectigo:${found.orderNumber}`, () => smimeStep(sim, found, args));
}

async function smimeStep(sim: SectigoSim, order: SectigoOrder, args: SectigoArgs): Promise<SectigoReply> {
  assertCollectable(args.endpoint, order);
  if (args.csr !== undefined) {
    if (order.csrPem) throw documentedFail(args.endpoint, -18);
    const pem = args.csr.includes("-----BEGIN") ? args.csr : `-----BEGIN CERTIFICATE REQUEST-----\n${args.csr.trim()}\n-----END CERTIFICATE REQUEST-----\n`;
    let spki: Uint8Array;
    try {
      spki = parseCsr(pem).publicKeySpkiDer;
    } catch (e) {
      if (e instanceof X509Error) throw invalid("csr");
      throw e;
    }
    if (!supportedKey(spki)) throw documentedFail(args.endpoint, -13);
    if (!order.emailVerified) throw documentedFail(args.endpoint, -154);
    order.csrPem = pem;
    order.collectsSinceCsr = 0;
    if (args.returnCertificate && order.issueOnRequest) await issueSectigoOrder(sim.ctx, order);
  } else if (order.state !== "issued") {
    if (!order.emailVerified) throw documentedFail(args.endpoint, -154);
    if (order.csrPem) {
      order.collectsSinceCsr += 1;
      if (order.issueAfterCollects > 0 && order.collectsSinceCsr >= order.issueAfterCollects) await issueSectigoOrder(sim.ctx, order);
    }
  }
  sim.store.save();
  return replyFor(sim.ctx, order, args.render.queryType);
}
