// A certificate payload, by responseType: bytes or Base64 text → DER certificates.
import { SectigoResponseError } from "../errors";
import type { PayloadKind } from "../types";
import { decodeMaybeArmored, looksArmored, pemBlocksOf } from "./base64";
import { certificatesFromCmmf } from "./cmmf";
import { certificatesFromNetscapeSequence } from "./netscape";
import { certificatesFromPkcs7 } from "./pkcs7";
import { certificatesFromZip } from "./zip";

export function payloadKind(responseType: number): PayloadKind {
  switch (responseType) {
    case 0:
      return "zip";
    case 1:
      return "netscape";
    case 2:
      return "pkcs7";
    case 3:
      return "individual";
    case 4:
      return "cmmf";
    default:
      return "none";
  }
}

export function certificatesFromBytes(kind: PayloadKind, der: Uint8Array): Uint8Array[] {
  switch (kind) {
    case "zip":
      return certificatesFromZip(der);
    case "netscape":
      return certificatesFromNetscapeSequence(der);
    case "pkcs7":
      return certificatesFromPkcs7(der);
    case "cmmf":
      return certificatesFromCmmf(der);
    case "individual":
      return [der];
    case "none":
      throw new SectigoResponseError("unexpected certificate payload");
  }
}

/** Base64 text (armored or bare) of a payload of the given kind. Individually encoded text may hold several PEM blocks. */
export function certificatesFromText(kind: PayloadKind, text: string, opts: { spaceIsPlus?: boolean } = {}): Uint8Array[] {
  if (kind === "individual" && looksArmored(text)) {
    const blocks = pemBlocksOf(text, "certificates");
    if (blocks.length === 0) throw new SectigoResponseError("certificates: no PEM blocks");
    return blocks.map((b) => b.der);
  }
  return certificatesFromBytes(kind, decodeMaybeArmored(text, `${kind} payload`, opts));
}
