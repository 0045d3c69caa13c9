// One clear line per failed resource. Pulumi's dynamic-provider host prints every error from
// check, diff, read and delete to stderr as `${err}: ${err.stack}` (a stack into files the package
// does not ship) and then returns the same message to the engine, which prints it again. This
// drops the host's stderr copy, so the engine's line is the only one, unless debug logging is on
// (NICSRS_DEBUG=1, or PULUMI_DEBUG set): then the stack is printed as before.

/**
 * The host's format: `Name: message: Name: message\n    at …` (the stack's copy of the message can
 * differ when the message was amended after the error was made).
 */
const HOST_ERROR_LINE = /^([A-Za-z]*Error)(?: \[[^\]]*\])?: [\s\S]*?: \1(?: \[[^\]]*\])?: [\s\S]*?(\n\s+at [^\n]*)+\s*$|^([A-Za-z]*Error)(?: \[[^\]]*\])?: ([\s\S]*?): \3(?: \[[^\]]*\])?: \4$/;

export function debugLogging(env: NodeJS.ProcessEnv = process.env): boolean {
  const on = (v: string | undefined) => v !== undefined && v !== "" && v !== "0" && v.toLowerCase() !== "false";
  return on(env.NICSRS_DEBUG) || on(env.PULUMI_DEBUG);
}

/** Whether console.error's arguments are the host's duplicate of an error it also returns to the engine. */
export function isHostErrorEcho(args: readonly unknown[]): boolean {
  return args.length === 1 && typeof args[0] === "string" && args[0].length < 50_000 && HOST_ERROR_LINE.test(args[0]);
}

let installed = false;

/** Installs the filter on console.error (once per process; a no-op with debug logging on). */
export function quietHostErrors(env: NodeJS.ProcessEnv = process.env): void {
  if (installed || debugLogging(env)) return;
  installed = true;
  const original = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    if (isHostErrorEcho(args)) return;
    original(...args);
  };
}
