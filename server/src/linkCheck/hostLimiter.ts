/**
 * At most N requests at once overall and M at once to one host (links to one site must not
 * look like an attack on it), and a per-host pause when a site asks to slow down (429, 503
 * with Retry-After): its waiting requests wait, the others go on.
 */
export class HostLimiter {
  private running = 0;
  private readonly perHost = new Map<string, number>();
  private readonly pausedUntil = new Map<string, number>();
  private readonly waiting: Array<{ host: string; start: () => void }> = [];
  private timer: NodeJS.Timeout | undefined;
  /** The most requests seen at once to one host (the benchmark reports it). */
  mostAtOnceToOneHost = 0;

  constructor(
    private readonly overall: number,
    private readonly eachHost: number,
  ) {}

  /** Runs `task` when both limits allow and the host is not paused. */
  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({
        host,
        start: () => {
          task().then(resolve, reject).finally(() => this.release(host));
        },
      });
      this.next();
    });
  }

  /** No new request to the host before `ms` from now. */
  pause(host: string, ms: number): void {
    this.pausedUntil.set(host, Math.max(this.pausedUntil.get(host) ?? 0, Date.now() + ms));
  }

  private release(host: string): void {
    this.running--;
    this.perHost.set(host, this.perHost.get(host)! - 1);
    this.next();
  }

  private next(): void {
    const now = Date.now();
    let soonest = Infinity;
    for (let i = 0; i < this.waiting.length && this.running < this.overall; i++) {
      const { host, start } = this.waiting[i];
      const paused = this.pausedUntil.get(host) ?? 0;
      if (paused > now) {
        soonest = Math.min(soonest, paused);
        continue;
      }
      const atHost = this.perHost.get(host) ?? 0;
      if (atHost >= this.eachHost) continue;
      this.waiting.splice(i--, 1);
      this.running++;
      this.perHost.set(host, atHost + 1);
      this.mostAtOnceToOneHost = Math.max(this.mostAtOnceToOneHost, atHost + 1);
      start();
    }
    clearTimeout(this.timer);
    if (soonest !== Infinity) this.timer = setTimeout(() => this.next(), soonest - now);
  }
}
