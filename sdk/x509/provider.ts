// @peculiar/x509 resolves its algorithms through tsyringe, which needs the reflect polyfill
// loaded first; and it must be told to use node's WebCrypto.
import "reflect-metadata";
import { webcrypto } from "node:crypto";
import * as x509 from "@peculiar/x509";

x509.cryptoProvider.set(webcrypto as never);

export { x509 };
export const subtle = webcrypto.subtle;
