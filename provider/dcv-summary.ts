// The DCV work an order leaves to the user, in one progress line after create / reissue / renew:
// the records to publish, the files to serve, the mailboxes that get the approval mail. Pure.
import type { DcvEmailOut, DcvFileOut, DcvRecordOut } from "./certificate-outputs";

const SHOWN = 5;

function listed(items: string[]): string {
  const shown = items.slice(0, SHOWN).join(", ");
  return items.length > SHOWN ? `${shown} … and ${items.length - SHOWN} more` : shown;
}

export function dcvSummary(dcv: { dcvRecords?: DcvRecordOut[]; dcvFiles?: DcvFileOut[]; dcvEmails?: DcvEmailOut[] }): string {
  const parts: string[] = [];
  const records = dcv.dcvRecords ?? [];
  const files = dcv.dcvFiles ?? [];
  const emails = dcv.dcvEmails ?? [];
  if (records.length > 0) parts.push(`DNS records to publish: ${listed(records.map((r) => `${r.name} ${r.type} ${r.value}`))}`);
  if (files.length > 0) parts.push(`files to serve: ${listed(files.map((f) => f.url))}`);
  if (emails.length > 0) parts.push(`approval e-mail to: ${listed(emails.map((e) => e.email))}`);
  return parts.length > 0 ? parts.join("; ") : "no DCV step reported by the CA yet";
}
