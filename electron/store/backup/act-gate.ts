/**
 * A gate between the app's acts (every API call) and work that needs the data folder to hold still (a backup
 * snapshot, a move, a restore that replaces the folder). Acts run concurrently with each other; exclusive work
 * waits for the acts in flight to finish, and acts that arrive meanwhile wait for it (writer preference), so a
 * snapshot never sees half of an act.
 */
export class ActGate {
  private running = 0;
  private exclusiveTail: Promise<void> = Promise.resolve();
  private exclusiveActive = false;
  private pendingExclusive = 0;
  private readonly idleWaiters: (() => void)[] = [];
  private readonly actWaiters: (() => void)[] = [];

  /** Run one act; waits while exclusive work is pending or running. */
  async act<T>(work: () => Promise<T>): Promise<T> {
    while (this.exclusiveActive || this.pendingExclusive > 0) {
      await new Promise<void>((resolve) => this.actWaiters.push(resolve));
    }
    this.running += 1;
    try {
      return await work();
    } finally {
      this.running -= 1;
      if (this.running === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
    }
  }

  /** Run work alone: after the acts in flight, before any act that arrives later. One at a time. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    this.pendingExclusive += 1;
    const run = async (): Promise<T> => {
      while (this.running > 0) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
      this.exclusiveActive = true;
      this.pendingExclusive -= 1;
      try {
        return await work();
      } finally {
        this.exclusiveActive = false;
        if (this.pendingExclusive === 0) this.actWaiters.splice(0).forEach((resolve) => resolve());
      }
    };
    const result = this.exclusiveTail.then(run, run);
    this.exclusiveTail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Acts running now (for tests and the status line). */
  get inFlight(): number {
    return this.running;
  }
}
