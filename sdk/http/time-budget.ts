// One call's time budget, all attempts and the waits between them included.

/** A call's total time, all attempts and waits included, unless the caller sets another. */
export const DEFAULT_BUDGET_MS = 60_000;

/** An attempt is not started with less than this left of the budget. */
export const MIN_ATTEMPT_MS = 100;

/** What is left, each attempt's timeout, whether another attempt fits. Without `budgetMs`: unbounded. */
export class TimeBudget {
  readonly startedAt: number;
  constructor(
    readonly budgetMs: number | undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = now();
  }
  get msLeft(): number {
    return this.budgetMs === undefined ? Infinity : this.startedAt + this.budgetMs - this.now();
  }
  /** The attempt's timeout: the per-attempt timeout, cut to what is left. */
  attemptTimeout(timeoutMs: number): number {
    return Math.max(1, Math.min(timeoutMs, Math.floor(this.msLeft)));
  }
  /** Whether an attempt after waiting `delayMs` still has time to run. */
  allows(delayMs: number): boolean {
    return this.msLeft - delayMs >= MIN_ATTEMPT_MS;
  }
  /** "(gave up after 3 attempts in 60.0 s: the time budget of 60 s for this request is spent)". */
  spent(attempts: number): string {
    const budget = this.budgetMs === undefined ? "∞" : `${Math.round(this.budgetMs / 100) / 10} s`;
    return `(gave up after ${attempts} attempt${attempts === 1 ? "" : "s"} in ${((this.now() - this.startedAt) / 1000).toFixed(1)} s: the time budget of ${budget} for this request is spent)`;
  }
}
