// The issue-10 DCV results and where they go in RESULTS.md: between two markers, rewritten in place.
import { readFileSync, writeFileSync } from "node:fs";
import type { DelayResult } from "./issuance-delay";
import type { MissingRecordResult } from "./missing-record";

export interface DcvBenchResults {
  at: string;
  machine: { nproc: number; node: string; pulumiCli: string };
  delay: DelayResult;
  missing: MissingRecordResult;
}

const BEGIN = "<!-- dcv-bench:begin -->";
const END = "<!-- dcv-bench:end -->";

export function spliceInto(file: string, section: string): void {
  const text = readFileSync(file, "utf8");
  const block = `${BEGIN}\n${section.trim()}\n${END}`;
  const i = text.indexOf(BEGIN);
  const j = text.indexOf(END);
  const next = i >= 0 && j > i ? text.slice(0, i) + block + text.slice(j + END.length) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}

