import { randomBytes } from "node:crypto";

/** 16 random bytes, high bit cleared so the DER INTEGER stays positive. */
export function randomSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] & 0x7f) | 0x01;
  return bytes.toString("hex");
}
