import { x509 } from "./provider";

export const OID_SUBJECT_ALT_NAME = "2.5.29.17";
export const OID_BASIC_CONSTRAINTS = "2.5.29.19";

/** Subject attributes other than the common name, by their usual short names. */
export interface SubjectFields {
  O?: string;
  OU?: string;
  C?: string;
  ST?: string;
  L?: string;
  /** emailAddress */
  E?: string;
  serialNumber?: string;
}

export function buildName(commonName: string | undefined, fields: SubjectFields = {}): x509.Name {
  const rdns: Record<string, string[]>[] = [];
  for (const key of ["C", "ST", "L", "O", "OU"] as const) {
    const value = fields[key];
    if (value) rdns.push({ [key]: [value] });
  }
  if (commonName) rdns.push({ CN: [commonName] });
  if (fields.E) rdns.push({ E: [fields.E] });
  if (fields.serialNumber) rdns.push({ serialNumber: [fields.serialNumber] });
  return new x509.Name(rdns);
}

export function firstField(name: x509.Name, field: string): string | undefined {
  return name.getField(field)[0];
}

/** DNS names and e-mail addresses of a SubjectAlternativeName extension (absent → empty lists). */
export function altNames(extensions: readonly x509.Extension[]): { dns: string[]; emails: string[] } {
  const dns: string[] = [];
  const emails: string[] = [];
  for (const ext of extensions) {
    if (ext.type !== OID_SUBJECT_ALT_NAME) continue;
    const san = ext instanceof x509.SubjectAlternativeNameExtension ? ext : new x509.SubjectAlternativeNameExtension(ext.rawData);
    for (const item of san.names.items) {
      if (item.type === "dns") dns.push(item.value);
      else if (item.type === "email") emails.push(item.value);
    }
  }
  return { dns, emails };
}
