// The DCV inputs of an imported order, from the methods and mailboxes the CA lists per domain, so
// that the printed program keeps them (and later reissues use them) instead of the default method.
// Nothing when every domain uses the default. Pure.
import type { DomainState } from "../../sdk/nicsrs";
import { DEFAULTS } from "../certificate-inputs";

type Props = Record<string, unknown>;

export function importedDcv(domains: readonly DomainState[]): Props {
  const listed = domains.filter((d) => d.method !== undefined);
  if (listed.length === 0) return {};
  const methods = new Set(listed.map((d) => d.method));
  const emails = new Set(listed.map((d) => d.email?.toLowerCase()));
  const [method] = methods;
  const [email] = emails;
  if (methods.size === 1 && (method !== "EMAIL" || (emails.size === 1 && email))) {
    if (method === DEFAULTS.dcvMethod) return {};
    return { dcvMethod: method, ...(method === "EMAIL" ? { dcvEmail: email } : {}) };
  }
  const domainDcv: Record<string, Props> = {};
  for (const d of listed) {
    if (d.method === DEFAULTS.dcvMethod) continue;
    domainDcv[d.domain.toLowerCase()] = { method: d.method, ...(d.method === "EMAIL" && d.email ? { email: d.email.toLowerCase() } : {}) };
  }
  return Object.keys(domainDcv).length > 0 ? { domainDcv } : {};
}
