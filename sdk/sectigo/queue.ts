// The docs forbid concurrent calls on one account. Every SectigoClient in the process shares
// this map, so all resources of one `pulumi up` that use the same account take turns,
// while different accounts proceed in parallel.
const tails = new Map<string, Promise<unknown>>();

export function accountKey(baseUrl: string, account: string): string {
  return `${baseUrl.replace(/\/+$/, "")}\n${account}`;
}

/** Runs `task` after every task queued earlier under `key` has settled. */
export function runExclusive<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.then(task, task);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  tails.set(key, tail);
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return run;
}

/** Accounts with queued or running calls (for tests and diagnostics). */
export function busyAccounts(): number {
  return tails.size;
}
