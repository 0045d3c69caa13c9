// Poll schedule of the Sectigo resources: the NicSRS defaults (about 2 s doubling to 30 s), or
// SECTIGO_POLL_MIN_MS / SECTIGO_POLL_MAX_MS (tests shorten it).
import { pollSchedule, type PollSchedule } from "./poll";

export function sectigoPollSchedule(env: NodeJS.ProcessEnv = process.env): PollSchedule {
  return pollSchedule({ ...env, NICSRS_POLL_MIN_MS: env.SECTIGO_POLL_MIN_MS ?? env.NICSRS_POLL_MIN_MS, NICSRS_POLL_MAX_MS: env.SECTIGO_POLL_MAX_MS ?? env.NICSRS_POLL_MAX_MS });
}

export const formatDelay = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`);
