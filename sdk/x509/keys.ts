import { createPrivateKey, createPublicKey, generateKeyPair as nodeGenerateKeyPair, KeyObject, webcrypto } from "node:crypto";
import { X509Error } from "./errors";
import { subtle } from "./provider";

type WcAlgorithm = webcrypto.Algorithm | webcrypto.EcdsaParams;

function generatePem(type: "rsa", opts: { modulusLength: number; publicExponent: number }): Promise<KeyPairPem>;
function generatePem(type: "ec", opts: { namedCurve: string }): Promise<KeyPairPem>;
function generatePem(type: "rsa" | "ec", opts: object): Promise<KeyPairPem> {
  const encoding = { publicKeyEncoding: { type: "spki", format: "pem" }, privateKeyEncoding: { type: "pkcs8", format: "pem" } } as const;
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, publicKeyPem: string, privateKeyPem: string) => (err ? reject(err) : resolve({ privateKeyPem, publicKeyPem }));
    if (type === "rsa") nodeGenerateKeyPair("rsa", { ...(opts as { modulusLength: number }), ...encoding }, done);
    else nodeGenerateKeyPair("ec", { ...(opts as { namedCurve: string }), ...encoding }, done);
  });
}

export type KeyAlgorithm = "RSA" | "ECDSA";
export type RsaBits = 2048 | 3072 | 4096;
export type EcCurve = "P-256" | "P-384";

export interface GenerateKeyPairOptions {
  algorithm: KeyAlgorithm;
  rsaBits?: RsaBits;
  curve?: EcCurve;
}

export interface KeyPairPem {
  /** PKCS#8 */
  privateKeyPem: string;
  /** SubjectPublicKeyInfo */
  publicKeyPem: string;
}

export async function generateKeyPair(opts: GenerateKeyPairOptions): Promise<KeyPairPem> {
  if (opts.algorithm === "RSA") {
    const bits = opts.rsaBits ?? 2048;
    if (![2048, 3072, 4096].includes(bits)) throw new X509Error(`unsupported RSA key size ${bits} (2048, 3072 or 4096)`);
    return generatePem("rsa", { modulusLength: bits, publicExponent: 0x10001 });
  }
  if (opts.algorithm === "ECDSA") {
    const curve = opts.curve ?? "P-256";
    if (curve !== "P-256" && curve !== "P-384") throw new X509Error(`unsupported curve ${String(curve)} (P-256 or P-384)`);
    return generatePem("ec", { namedCurve: curve });
  }
  throw new X509Error(`unsupported key algorithm ${String(opts.algorithm)} (RSA or ECDSA)`);
}

export function loadPrivateKey(privateKeyPem: string): KeyObject {
  try {
    return createPrivateKey(privateKeyPem);
  } catch (err) {
    throw new X509Error(`cannot read the private key: ${(err as Error).message}`, { cause: err });
  }
}

/** The DER SubjectPublicKeyInfo of the public half of a private key. */
export function publicKeySpkiDerOf(privateKeyPem: string): Uint8Array {
  return new Uint8Array(createPublicKey(loadPrivateKey(privateKeyPem)).export({ type: "spki", format: "der" }));
}

/** WebCrypto sign and import parameters for a key: RSA PKCS#1 v1.5 or ECDSA, SHA-256 (SHA-384 on P-384). */
export function signingAlgorithmFor(key: KeyObject): { importParams: webcrypto.RsaHashedImportParams | webcrypto.EcKeyImportParams; signParams: WcAlgorithm } {
  if (key.asymmetricKeyType === "rsa") {
    const params = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" };
    return { importParams: params, signParams: params };
  }
  if (key.asymmetricKeyType === "ec") {
    const nodeCurve = key.asymmetricKeyDetails?.namedCurve;
    const namedCurve = nodeCurve === "prime256v1" ? "P-256" : nodeCurve === "secp384r1" ? "P-384" : undefined;
    if (!namedCurve) throw new X509Error(`unsupported EC curve ${nodeCurve ?? "?"} (P-256 or P-384)`);
    return {
      importParams: { name: "ECDSA", namedCurve },
      signParams: { name: "ECDSA", hash: namedCurve === "P-384" ? "SHA-384" : "SHA-256" } as webcrypto.EcdsaParams,
    };
  }
  throw new X509Error(`unsupported key type ${key.asymmetricKeyType ?? "?"} (RSA or EC)`);
}

/** A PEM private key as a WebCrypto key pair ready to sign CSRs and certificates. */
export async function importSigningKeyPair(privateKeyPem: string): Promise<{ keys: webcrypto.CryptoKeyPair; signParams: WcAlgorithm }> {
  const key = loadPrivateKey(privateKeyPem);
  const { importParams, signParams } = signingAlgorithmFor(key);
  const pkcs8 = key.export({ type: "pkcs8", format: "der" });
  const spki = createPublicKey(key).export({ type: "spki", format: "der" });
  const privateKey = await subtle.importKey("pkcs8", pkcs8, importParams, false, ["sign"]);
  const publicKey = await subtle.importKey("spki", spki, importParams, true, ["verify"]);
  return { keys: { privateKey, publicKey } as webcrypto.CryptoKeyPair, signParams };
}
