/**
 * What to do when the server process dies: restart it, tell the user the first time only
 * (a notification per crash would nag), and give up after five crashes in three minutes,
 * when restarting only hides a server that cannot run here.
 */
export const CRASHES_BEFORE_GIVING_UP = 5;
const WINDOW_MS = 3 * 60 * 1000;

export type CrashVerdict = { restart: true; tell: string | null } | { restart: false; tell: string };

export class CrashPolicy {
  private readonly crashes: number[] = [];
  private told = false;

  constructor(private readonly serverName: string) {}

  serverDied(now = Date.now()): CrashVerdict {
    this.crashes.push(now);
    while (now - this.crashes[0] > WINDOW_MS) this.crashes.shift();
    if (this.crashes.length >= CRASHES_BEFORE_GIVING_UP) {
      return {
        restart: false,
        tell: `The ${this.serverName} server stopped ${CRASHES_BEFORE_GIVING_UP} times in 3 minutes and will not be restarted. See its output for the reason; "Conference Notes: Restart Server" tries again.`,
      };
    }
    if (this.told) return { restart: true, tell: null };
    this.told = true;
    return { restart: true, tell: `The ${this.serverName} server stopped unexpectedly and was restarted.` };
  }
}
