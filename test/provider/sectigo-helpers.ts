// Shared set-up for the Sectigo provider tests: a simulator, its Sectigo admin, and the provider
// process's credentials pointed at it through `configure` (as the engine would).
import { setProgressSink } from "../../provider/poll";
import { resetSectigoCredentials, configureSectigo } from "../../provider/sectigo-credentials";
import { DEFAULT_SECTIGO_ACCOUNT, SectigoSimulatorAdmin } from "../../simulator/sectigo";
import { useSimulator, type SimulatorHandle } from "../helpers/simulator";

export const LOGIN = DEFAULT_SECTIGO_ACCOUNT;

export function useSectigoProvider(): { sim: SimulatorHandle; admin: () => SectigoSimulatorAdmin; progress: string[] } {
  const progress: string[] = [];
  let oldSink: ((line: string) => void) | undefined;
  const sim = useSimulator({ autoValidate: { afterCollects: 1 } });
  let admin: SectigoSimulatorAdmin | undefined;
  const saved = { min: process.env.SECTIGO_POLL_MIN_MS, max: process.env.SECTIGO_POLL_MAX_MS };
  before(async () => {
    admin = new SectigoSimulatorAdmin(sim.url);
    oldSink = setProgressSink((line) => progress.push(line));
    process.env.SECTIGO_POLL_MIN_MS = "20";
    process.env.SECTIGO_POLL_MAX_MS = "100";
    const config: Record<string, string> = { "sectigo:endpoint": sim.url, "sectigo:loginName": LOGIN.loginName, "sectigo:loginPassword": LOGIN.loginPassword };
    await configureSectigo({ config: { get: (k: string) => config[k] } });
  });
  after(() => {
    resetSectigoCredentials();
    if (oldSink) setProgressSink(oldSink);
    for (const [k, v] of [["SECTIGO_POLL_MIN_MS", saved.min], ["SECTIGO_POLL_MAX_MS", saved.max]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
  return {
    progress,
    sim,
    admin: () => {
      if (!admin) throw new Error("use inside tests");
      return admin;
    },
  };
}

export const later = (ms: number, fn: () => Promise<unknown>) => new Promise<void>((resolve, reject) => setTimeout(() => fn().then(() => resolve(), reject), ms));
