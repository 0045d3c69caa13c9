// Form arguments of the two endpoints, checked the way the docs describe, failing with the documented codes.
import type { RenderOptions } from "./render";

export type SectigoEndpointName = "CollectSSL" | "RequestAndCollectSMIME";

export class SectigoFail extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export const missing = (arg: string) => new SectigoFail(-3, `The '${arg}' argument is missing!`);
export const invalid = (arg: string) => new SectigoFail(-4, `The value of the '${arg}' argument is invalid!`);

const COMMON = ["loginName", "loginPassword", "orderNumber", "queryType", "responseType", "responseEncoding", "responseMimeType", "showValidityPeriod"];
const KNOWN: Record<SectigoEndpointName, string[]> = {
  CollectSSL: [...COMMON, "certificateID", "baseOrderNumber", "showFQDN", "showExtStatus", "responseFormat", "showMDCDomainDetails", "showMDCDomainDetails2", "showStatusDetails"],
  RequestAndCollectSMIME: [...COMMON, "collectionCode", "csr", "returnCertificate"],
};

export interface SectigoArgs {
  endpoint: SectigoEndpointName;
  loginName?: string;
  loginPassword?: string;
  orderNumber?: string;
  certificateID?: string;
  baseOrderNumber?: string;
  collectionCode?: string;
  csr?: string;
  returnCertificate: boolean;
  render: RenderOptions;
}

/** Reads the arguments. The second value tells how to format an error if reading fails midway. */
export function readArgs(endpoint: SectigoEndpointName, body: string): { args?: SectigoArgs; fail?: SectigoFail; render: RenderOptions } {
  const raw = new Map<string, string>();
  for (const [k, v] of new URLSearchParams(body)) if (!raw.has(k.toLowerCase())) raw.set(k.toLowerCase(), v);
  const get = (name: string) => raw.get(name.toLowerCase());
  const render: RenderOptions = {
    endpoint,
    queryType: 1,
    responseType: 3,
    responseEncoding: get("responseEncoding") === "2" && endpoint === "RequestAndCollectSMIME" ? 2 : 0,
    responseFormat: get("responseFormat") === "1" && endpoint === "CollectSSL" ? 1 : 0,
    showValidityPeriod: false,
    showFQDN: false,
    showExtStatus: false,
    showMDCDomainDetails: false,
    showMDCDomainDetails2: false,
    showStatusDetails: false,
  };
  try {
    return { args: parse(endpoint, raw, get, render), render };
  } catch (e) {
    if (e instanceof SectigoFail) return { fail: e, render };
    throw e;
  }
}

function parse(endpoint: SectigoEndpointName, raw: Map<string, string>, get: (n: string) => string | undefined, render: RenderOptions): SectigoArgs {
  const known = new Set(KNOWN[endpoint].map((k) => k.toLowerCase()));
  for (const k of raw.keys()) if (!known.has(k)) throw new SectigoFail(-2, "Unrecognised argument!");

  const text = (name: string, max: number, pattern?: RegExp): string | undefined => {
    const v = get(name);
    if (v === undefined) return undefined;
    if (v.length === 0 || v.length > max || (pattern && !pattern.test(v))) throw invalid(name);
    return v;
  };
  const int = (name: string, allowed: number[]): number | undefined => {
    const v = get(name);
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v) || !allowed.includes(Number(v))) throw invalid(name);
    return Number(v);
  };
  const yn = (name: string): boolean => {
    const v = get(name);
    if (v === undefined) return false;
    if (!/^[YN]$/i.test(v)) throw invalid(name);
    return v.toUpperCase() === "Y";
  };

  const smime = endpoint === "RequestAndCollectSMIME";
  const collectionCode = smime ? text("collectionCode", 16) : undefined;
  const loginName = text("loginName", 64);
  const loginPassword = text("loginPassword", 128);
  if (!collectionCode) {
    if (loginName === undefined) throw missing("loginName");
    if (loginPassword === undefined) throw missing("loginPassword");
  }
  const queryType = int("queryType", [0, 1, 2, 3]);
  if (queryType === undefined) throw missing("queryType");
  const responseType = int("responseType", smime ? [1, 2, 3, 4] : [0, 1, 2, 3]) ?? 3;
  const responseEncoding = int("responseEncoding", smime ? [0, 1, 2] : [0, 1]) ?? 0;
  const responseFormat = smime ? 0 : int("responseFormat", [0, 1]) ?? 0;
  if (responseType !== 3 && queryType !== 1) throw invalid("responseType");
  if (responseEncoding === 1 && (queryType !== 1 || (smime ? responseType !== 2 : responseType !== 0 && responseType !== 2))) throw invalid("responseEncoding");
  Object.assign(render, {
    queryType,
    responseType,
    responseEncoding,
    responseFormat,
    responseMimeType: text("responseMimeType", 255),
    showValidityPeriod: yn("showValidityPeriod") && responseEncoding === 0,
    showFQDN: !smime && yn("showFQDN"),
    showExtStatus: !smime && yn("showExtStatus"),
    showMDCDomainDetails: !smime && yn("showMDCDomainDetails"),
    showMDCDomainDetails2: !smime && yn("showMDCDomainDetails2"),
    showStatusDetails: !smime && yn("showStatusDetails"),
  } satisfies Partial<RenderOptions>);

  const args: SectigoArgs = { endpoint, loginName, loginPassword, collectionCode, returnCertificate: smime && yn("returnCertificate"), render };
  args.orderNumber = text("orderNumber", 128);
  if (smime) {
    args.csr = text("csr", 32767);
    if (!args.orderNumber && !collectionCode) throw missing("orderNumber");
  } else {
    args.certificateID = text("certificateID", 16, /^\d+$/);
    args.baseOrderNumber = text("baseOrderNumber", 20, /^\d+$/);
    const given = [args.orderNumber, args.certificateID, args.baseOrderNumber].filter((v) => v !== undefined).length;
    if (given === 0) throw missing("orderNumber");
    if (given > 1) throw invalid(args.orderNumber ? (args.certificateID ? "certificateID" : "baseOrderNumber") : "baseOrderNumber");
  }
  return args;
}
