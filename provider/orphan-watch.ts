// A provider whose engine is gone stops. Pulumi starts plugins in their own process groups, so a
// SIGKILLed CLI leaves the dynamic-provider host running, and a wait for issuance in it would go on
// calling the CA for up to an hour. The host is a child of a shell launcher (not of the CLI), so
// its parent pid says nothing; the engine's own gRPC address (the host's first argument) does:
// the CLI serves it, and once the CLI is gone a connect there is refused. Writing to the dead CLI's
// pipes fails with EPIPE, which also means the engine is gone.
import { connect } from "node:net";

export const PROBE_INTERVAL_MS = 1_000;
/** Refusals in a row before the engine counts as gone (one refusal could be a hiccup). */
export const MISSES_TO_EXIT = 2;

export interface WatchOptions {
  /** host:port of the engine; default: the dynamic-provider host's first argument. */
  address?: string;
  intervalMs?: number;
  /** What to do once the engine is gone; default: exit the process. */
  onGone?: (why: string) => void;
}

/** The engine address when this process is Pulumi's dynamic-provider host, else undefined. */
export function engineAddressFromArgv(argv: readonly string[] = process.argv): string | undefined {
  if (!/dynamic-provider[\\/]index\.js$/.test(argv[1] ?? "")) return undefined;
  const a = argv[2];
  return a && /^[^\s:]+:\d+$/.test(a) ? a : undefined;
}

let running: { stop(): void } | undefined;

function exitNow(why: string): void {
  try {
    process.stderr.write(`nicsrs: the Pulumi engine is gone (${why}); stopping this provider\n`);
  } catch {
    // the pipe is what broke
  }
  process.exit(1);
}

/** Probes `address` once: "up", "refused" (nothing listens), or "unknown" (timeout, other errors). */
export function probe(address: string, timeoutMs = 1_000): Promise<"up" | "refused" | "unknown"> {
  const i = address.lastIndexOf(":");
  const host = address.slice(0, i);
  const port = Number(address.slice(i + 1));
  return new Promise((resolve) => {
    const s = connect({ host, port });
    const done = (r: "up" | "refused" | "unknown") => {
      s.removeAllListeners();
      s.on("error", () => undefined);
      s.destroy();
      resolve(r);
    };
    s.setTimeout(timeoutMs, () => done("unknown"));
    s.once("connect", () => done("up"));
    s.once("error", (e: NodeJS.ErrnoException) => done(e.code === "ECONNREFUSED" ? "refused" : "unknown"));
  });
}

/**
 * Starts watching (once per process; later calls are no-ops). Does nothing outside the
 * dynamic-provider host unless an address is given, and never keeps the process alive.
 */
export function watchEngine(opts: WatchOptions = {}): { stop(): void } | undefined {
  if (running) return running;
  if (process.env.NICSRS_ORPHAN_WATCH === "0") return undefined;
  const address = opts.address ?? engineAddressFromArgv();
  if (!address) return undefined;
  const onGone = opts.onGone ?? exitNow;
  let gone = false;
  const fire = (why: string) => {
    if (gone) return;
    gone = true;
    stop();
    onGone(why);
  };
  let misses = 0;
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void probe(address).then((r) => {
      busy = false;
      misses = r === "refused" ? misses + 1 : r === "up" ? 0 : misses;
      if (misses >= MISSES_TO_EXIT) fire(`nothing listens at its address ${address}`);
    });
  }, opts.intervalMs ?? PROBE_INTERVAL_MS);
  timer.unref();
  const onPipeError = (e: NodeJS.ErrnoException) => {
    if (e?.code === "EPIPE") fire("its pipe is closed (EPIPE)");
  };
  const streams = opts.address ? [] : [process.stdout, process.stderr];
  for (const s of streams) s.on("error", onPipeError);
  function stop() {
    clearInterval(timer);
    for (const s of streams) s.off("error", onPipeError);
    running = undefined;
  }
  running = { stop };
  return running;
}
