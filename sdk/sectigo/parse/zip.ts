// ZIP archive (CollectSSL responseType=0) → certificates from every .crt/.cer/.pem/.p7b entry,
// whether the entry is PEM text, a DER certificate or a DER PKCS#7.
import { unzipSync } from "fflate";
import { SectigoResponseError } from "../errors";
import { looksArmored, pemBlocksOf } from "./base64";
import { certificatesFromPkcs7 } from "./pkcs7";

const MAX_ENTRY_BYTES = 1 << 20;
const MAX_ENTRIES = 32;

function certificatesOfEntry(name: string, data: Uint8Array): Uint8Array[] {
  const what = `ZIP entry ${JSON.stringify(name)}`;
  const text = Buffer.from(data).toString("latin1");
  if (looksArmored(text)) {
    return pemBlocksOf(text, what).flatMap((b) => (b.label === "PKCS7" ? certificatesFromPkcs7(b.der) : [b.der]));
  }
  if (data[0] !== 0x30) throw new SectigoResponseError(`${what}: neither PEM nor DER`);
  // A DER certificate starts SEQUENCE { SEQUENCE (tbs) …; a PKCS#7 starts SEQUENCE { OID …
  const pkcs7 = /\.p7[bc]$/i.test(name);
  return pkcs7 ? certificatesFromPkcs7(data) : [data];
}

export function certificatesFromZip(zip: Uint8Array): Uint8Array[] {
  let files: Record<string, Uint8Array>;
  let entries = 0;
  try {
    files = unzipSync(zip, {
      filter: (f) => {
        if (++entries > MAX_ENTRIES) throw new Error("too many entries");
        if (f.originalSize > MAX_ENTRY_BYTES) throw new Error(`entry ${f.name} is too large`);
        return !f.name.endsWith("/");
      },
    });
  } catch (e) {
    throw new SectigoResponseError(`ZIP archive unreadable (${e instanceof Error ? e.message : String(e)})`);
  }
  const names = Object.keys(files);
  if (names.length === 0) throw new SectigoResponseError("ZIP archive holds no files");
  const certs = names.flatMap((n) => certificatesOfEntry(n, files[n]));
  if (certs.length === 0) throw new SectigoResponseError("ZIP archive holds no certificates");
  return certs;
}
