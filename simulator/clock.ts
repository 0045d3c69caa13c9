import { join } from "node:path";
import { readJson, writeJsonAtomic } from "./store/atomic-json";

/**
 * The simulator's notion of now: real time plus an offset that the admin API can move.
 * The offset is persisted so that a restarted simulator keeps its date.
 */
export class SimClock {
  private offsetMs: number;
  private readonly file?: string;

  constructor(dataDir?: string) {
    this.file = dataDir ? join(dataDir, "clock.json") : undefined;
    this.offsetMs = (this.file && readJson<{ offsetMs: number }>(this.file)?.offsetMs) || 0;
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  set(at: Date): void {
    if (Number.isNaN(at.getTime())) throw new Error("invalid date");
    this.offsetMs = at.getTime() - Date.now();
    this.persist();
  }

  advance(ms: number): void {
    this.offsetMs += ms;
    this.persist();
  }

  private persist(): void {
    if (this.file) writeJsonAtomic(this.file, { offsetMs: this.offsetMs });
  }
}

export const DAY_MS = 24 * 60 * 60 * 1000;

export function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * DAY_MS);
}

/** Calendar years in UTC (Feb 29 rolls to Mar 1). */
export function addYears(d: Date, years: number): Date {
  const out = new Date(d.getTime());
  out.setUTCFullYear(out.getUTCFullYear() + years);
  return out;
}
