// Reference lookups public clients call: caaCheck and country.
import { CaaCheckRequestSchema } from "../../../sdk/nicsrs/wire";
import { isValidDomain, normalizeDomain } from "../../va/domains";
import type { Handler } from "../handler";
import { invalidField } from "../reply";
import { parseRequest } from "../request";

/**
 * `caaCheck` (`domain`). The simulator's CA has no CAA policy to enforce and looks up no CAA
 * records: every valid name passes with no records. The answer's shape is our guess (docs/nicsrs-api.md).
 */
export const caaCheck: Handler = async (_ctx, fields) => {
  const req = parseRequest(CaaCheckRequestSchema, fields);
  const name = req.domain ?? req.domainName;
  if (!name) throw invalidField("domain", "domain is required");
  const domain = normalizeDomain(name);
  if (!isValidDomain(domain)) throw invalidField("domain", `${name} is not a valid domain name`);
  return { code: 1, msg: "success", data: { domain, allowed: true, records: [] } };
};

// ISO 3166-1 alpha-2, the codes contacts and organizations take.
const CODES =
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
  "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
  "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP " +
  "KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT " +
  "MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW " +
  "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG " +
  "UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

let countries: { code: string; name: string }[] | undefined;

/** `country`: the country codes the API accepts, with English names. */
export const country: Handler = async () => {
  if (!countries) {
    const names = new Intl.DisplayNames(["en"], { type: "region" });
    countries = CODES.split(" ").map((code) => ({ code, name: names.of(code) ?? code }));
  }
  return { code: 1, msg: "success", data: countries };
};
