import { randomInt } from "node:crypto";

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** Like the real ones (`260113vghhracpaw`): YYMMDD of the order date, then 10 random letters. */
export function newCertId(now: Date): string {
  const ymd = now.toISOString().slice(2, 10).replace(/-/g, "");
  let tail = "";
  for (let i = 0; i < 10; i++) tail += LETTERS[randomInt(LETTERS.length)];
  return ymd + tail;
}

export function randomDigits(n: number): string {
  let out = String(randomInt(1, 10));
  for (let i = 1; i < n; i++) out += String(randomInt(10));
  return out;
}
