// What a Certificate's delete did at the CA, in one line for the user: money is never decided in
// silence. Pure.
import type { DeletePolicy } from "./certificate-inputs";

export type DeleteOutcome = "retained" | "notFound" | "alreadyOver" | "keptIssued" | "cancelledPending" | "cancelledIssued" | "revoked";

export interface DeleteFacts {
  certId: string;
  policy: DeletePolicy;
  /** The certificate's end as recorded in state, when known. */
  notAfter?: string;
  /** The CA's status, for `alreadyOver`. */
  status?: string;
}

export function deleteOutcomeText(outcome: DeleteOutcome, f: DeleteFacts): string {
  const until = f.notAfter ? `, valid until ${f.notAfter}` : "";
  const takeOver = "a Certificate with the same name and order inputs in this stack takes it over instead of buying a new one";
  switch (outcome) {
    case "retained":
      return `${f.certId}: deleted from the stack; kept at the CA as it is, still paid${until} (deletePolicy retain; ${takeOver})`;
    case "notFound":
      return `${f.certId}: deleted from the stack; the CA has no such order, nothing to cancel`;
    case "alreadyOver":
      return `${f.certId}: deleted from the stack; the order is already ${f.status ?? "over"} at the CA, nothing to cancel`;
    case "keptIssued":
      return `${f.certId}: deleted from the stack; kept at the CA, issued${until}, not refunded (deletePolicy cancelPending cancels only pending orders; ${takeOver})`;
    case "cancelledPending":
      return `${f.certId}: cancelled at the CA before issuance (refunded) (deletePolicy ${f.policy})`;
    case "cancelledIssued":
      return `${f.certId}: cancelled at the CA; the CA refunds cancellations within about 30 days of issue (deletePolicy cancel)`;
    case "revoked":
      return `${f.certId}: revoked at the CA; no refund (deletePolicy revoke)`;
  }
}
