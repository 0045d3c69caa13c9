/** Thrown for unparsable or inconsistent keys, CSRs, certificates and PKCS#12 files. */
export class X509Error extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "X509Error";
  }
}
