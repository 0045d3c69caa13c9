/** Requests received per endpoint name (faulted ones included). */
export class CallCounter {
  private counts: Record<string, number> = {};

  record(endpoint: string): void {
    this.counts[endpoint] = (this.counts[endpoint] ?? 0) + 1;
  }

  snapshot(): Record<string, number> {
    return { ...this.counts };
  }

  reset(): void {
    this.counts = {};
  }
}
