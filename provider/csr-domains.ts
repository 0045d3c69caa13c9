// A given CSR against `domains`: the names the CA will see in the request must be the names the
// order pays for. Pure.
import type { ParsedCsr } from "../sdk/x509";
import { cutValue } from "./input-bounds";

const norm = (d: string) => d.trim().toLowerCase().replace(/\.$/, "");

/**
 * What does not match, one phrase each; empty when the CSR fits. The common name must be
 * `domains[0]` (or, without a common name, `domains[0]` must be among the SANs); every SAN must
 * be one of `domains`. Domains the CSR does not list are fine: the CA adds them from the order.
 * Unknown or invalid `domains` entries are skipped (reported elsewhere).
 */
export function csrDomainProblems(csr: Pick<ParsedCsr, "commonName" | "sans">, domains: unknown): string[] {
  if (!Array.isArray(domains)) return [];
  const list = domains.filter((d): d is string => typeof d === "string").map(norm);
  if (list.length === 0 || list.length !== domains.length) return [];
  const wanted = new Set(list);
  const problems: string[] = [];
  const cn = csr.commonName ? norm(csr.commonName) : undefined;
  const sans = csr.sans.map(norm);
  if (cn !== undefined && cn !== list[0]) {
    problems.push(`its common name is ${cutValue(cn)}, domains[0] is ${cutValue(list[0])}`);
  }
  if (cn === undefined && !sans.includes(list[0])) {
    problems.push(`it has no common name and its SANs do not include domains[0] ${cutValue(list[0])}`);
  }
  const extra = sans.filter((s) => !wanted.has(s));
  if (extra.length > 0) {
    const shown = extra.slice(0, 5).map((s) => cutValue(s)).join(", ");
    problems.push(`its SANs name ${shown}${extra.length > 5 ? ` and ${extra.length - 5} more` : ""}, not in domains`);
  }
  return problems;
}
