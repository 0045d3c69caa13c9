// The four resources' field tables, in schema order.
import { CERTIFICATE_FIELDS } from "./certificate-fields";
import { SECTIGO_SMIME_FIELDS } from "./sectigo-smime-fields";
import { SECTIGO_SSL_FIELDS } from "./sectigo-ssl-fields";
import type { ResourceTable } from "./field-table";
import { VALIDATION_FIELDS } from "./validation-fields";

export const RESOURCE_TABLES: readonly ResourceTable[] = [CERTIFICATE_FIELDS, VALIDATION_FIELDS, SECTIGO_SSL_FIELDS, SECTIGO_SMIME_FIELDS];

export function tableFor(token: string): ResourceTable | undefined {
  return RESOURCE_TABLES.find((t) => t.token === token);
}
