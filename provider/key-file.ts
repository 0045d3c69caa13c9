// `privateKeyFile`: the Certificate's private key lives in a file on the machine that runs Pulumi,
// never in a Pulumi output (so never in state, `pulumi logs` or `--debug` output). The file is
// created with mode 0600 when it does not exist yet; an existing file's key is used as it is, for
// the first order and for every reissue and renewal.
import { createPrivateKey } from "node:crypto";
import { open, readFile, stat } from "node:fs/promises";
import { isAbsolute } from "node:path";
import { generateKeyPair, publicKeyMatches } from "../sdk/x509";
import type { KeySpec } from "./certificate-inputs";

export const KEY_FILE_MODE = 0o600;

export class KeyFileError extends Error {
  constructor(path: string, why: string) {
    super(`privateKeyFile ${JSON.stringify(path)}: ${why}`);
    this.name = "KeyFileError";
  }
}

/** A private key in any PEM form, as PKCS#8 PEM (throws when the text holds none). */
function pkcs8Pem(text: string): string {
  return createPrivateKey(text).export({ type: "pkcs8", format: "pem" }) as string;
}

/** The key in `path` (PKCS#8 PEM), made and written there (0600, never overwriting) when the file does not exist. */
export async function keyFromFile(path: string, key: KeySpec | undefined, warn: (line: string) => void = () => undefined): Promise<{ privateKeyPem: string; created: boolean }> {
  if (!isAbsolute(path)) throw new KeyFileError(path, "must be an absolute path");
  let text: string | undefined;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw new KeyFileError(path, `cannot be read (${(err as NodeJS.ErrnoException).code ?? "error"})`);
  }
  if (text !== undefined) {
    let pem: string;
    try {
      pem = pkcs8Pem(text);
    } catch {
      throw new KeyFileError(path, "does not hold a PEM private key");
    }
    const mode = (await stat(path)).mode & 0o777;
    if (mode & 0o077) warn(`privateKeyFile ${path} has mode ${mode.toString(8).padStart(4, "0")}; others can read the key (chmod 600 it)`);
    return { privateKeyPem: pem, created: false };
  }
  const { privateKeyPem } = await generateKeyPair(key ?? { algorithm: "RSA", rsaBits: 2048 });
  let fh;
  try {
    fh = await open(path, "wx", KEY_FILE_MODE);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // EEXIST: another run wrote it meanwhile; use that one.
    if (code === "EEXIST") return keyFromFile(path, key, warn);
    throw new KeyFileError(path, `cannot be created (${code ?? "error"}; its directory must exist and be writable)`);
  }
  try {
    await fh.writeFile(privateKeyPem, "utf8");
    await fh.chmod(KEY_FILE_MODE);
  } finally {
    await fh.close();
  }
  return { privateKeyPem, created: true };
}

export type KeyFileVerdict = "match" | "mismatch" | "absent";

/**
 * Whether `certificatePem` belongs to the key in `path`, without creating the file. "absent": no
 * readable key there on this machine (it may live where the certificate is deployed).
 */
export async function certificateMatchesKeyFile(path: string, certificatePem: string): Promise<KeyFileVerdict> {
  let pem: string;
  try {
    pem = pkcs8Pem(await readFile(path, "utf8"));
  } catch {
    return "absent";
  }
  return publicKeyMatches(pem, certificatePem) ? "match" : "mismatch";
}
