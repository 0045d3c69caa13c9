// The docs forbid concurrent calls on one account; the simulator refuses them and records the
// highest number of calls it ever saw in flight per account, so tests can prove the client queues.
export interface ConcurrencySnapshot {
  maxInFlight: Record<string, number>;
  rejected: Record<string, number>;
  calls: Record<string, number>;
}

export class ConcurrencyTracker {
  private inFlight = new Map<string, number>();
  private snapshotState: ConcurrencySnapshot = { maxInFlight: {}, rejected: {}, calls: {} };
  /** Each call is held this long, so overlapping calls really overlap. */
  latencyMs = 0;

  /** Registers a call; false when another call on the account is already in flight. */
  enter(account: string): boolean {
    const n = (this.inFlight.get(account) ?? 0) + 1;
    this.inFlight.set(account, n);
    const s = this.snapshotState;
    s.calls[account] = (s.calls[account] ?? 0) + 1;
    s.maxInFlight[account] = Math.max(s.maxInFlight[account] ?? 0, n);
    if (n > 1) s.rejected[account] = (s.rejected[account] ?? 0) + 1;
    return n === 1;
  }

  leave(account: string): void {
    const n = (this.inFlight.get(account) ?? 1) - 1;
    if (n <= 0) this.inFlight.delete(account);
    else this.inFlight.set(account, n);
  }

  snapshot(): ConcurrencySnapshot {
    return structuredClone(this.snapshotState);
  }

  reset(): void {
    this.snapshotState = { maxInFlight: {}, rejected: {}, calls: {} };
  }
}
