// A renewal is a new paid order and sends the order's contacts; a Certificate that adopted its order
// by certId (or came from `pulumi import`) may have none, since the CA does not report them. Such a
// renewal is refused before anything is sent: in diff (so `pulumi preview` says so) and again in
// update, where the plan is made from freshly collected dates. Pure.
import { missingOrderContacts, type CertificateSpec } from "./certificate-inputs";

/** Throws when a renewal of `certId` is due and the inputs lack a contact the renewal must send. */
export function assertRenewalContacts(certId: string, spec: CertificateSpec, reason: string): void {
  const missing = missingOrderContacts(spec); // a value still unknown in preview counts as given
  if (missing.length === 0) return;
  const names = missing.join(", ");
  throw new Error(
    `${certId}: a renewal is due (${reason}), and a renewal is a new paid order that must send ${names}, which this Certificate's inputs lack ` +
      `(an order adopted by certId or \`pulumi import\` has no contacts: the CA does not report them). Add ${names} to the Certificate's inputs and run again; nothing was ordered.`,
  );
}
