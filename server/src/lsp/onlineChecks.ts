/**
 * Glue for checking links online in the editor: only when the user asks (the Check Links
 * Online command, or on save when `confnotes.links.online` says so), never in an untrusted
 * workspace, with cancellable progress, a summary at the end, and the verdicts kept (by URL)
 * for the diagnostics of every file that holds those links.
 */
import { MessageType, ShowMessageNotification, type CancellationToken, type Connection } from 'vscode-languageserver';
import type { LinkCache } from '../linkCheck/linkCache';
import type { OnlineCheckPlatform } from './platform';
import type { Verdict } from '../linkCheck/outcomes';
import type { OnlineSettings } from '../settings';
import type { CheckSummary } from '../protocol/types';


/** Why a check is refused, for the user. */
export class CheckRefused extends Error {}

export class OnlineChecks {
  /** The latest verdict of every URL checked in this session. */
  readonly verdicts = new Map<string, Verdict>();
  private readonly checker: { readonly checkLinks: OnlineCheckPlatform['checkLinks']; readonly cache: LinkCache } | { readonly unavailable: string };
  /** One check per scope at a time: a new one (a second save) cancels the one before. */
  private readonly running = new Map<string, AbortController>();

  constructor(
    private readonly connection: Connection,
    /** The checker, or why there is none where the server runs. */
    platform: OnlineCheckPlatform | { readonly unavailable: string },
    /** The client's folder for the cache; the platform's cache folder when it names none. */
    cacheFolder: string | undefined,
    /** The workspace is trusted (the client says so; clients that know no trust say nothing). */
    public trusted: boolean,
  ) {
    this.checker = 'unavailable' in platform ? platform : { checkLinks: platform.checkLinks, cache: platform.cache(cacheFolder) };
  }

  /** Checks the URLs, telling the user how it goes and how it went. `scope` names the run for cancelling its successor. */
  async run(scope: string, urls: readonly string[], files: number, settings: OnlineSettings, token?: CancellationToken): Promise<CheckSummary> {
    if ('unavailable' in this.checker) throw new CheckRefused(this.checker.unavailable);
    const { checkLinks, cache } = this.checker;
    if (!this.trusted) throw new CheckRefused('Links are not checked online in Restricted Mode: trust this workspace first.');
    if (settings.mode === 'off') throw new CheckRefused('Checking links online is off (confnotes.links.online).');
    this.running.get(scope)?.abort();
    const abort = new AbortController();
    this.running.set(scope, abort);
    token?.onCancellationRequested(() => abort.abort());
    const unique = [...new Set(urls)];
    const reporter = await this.connection.window.createWorkDoneProgress().catch(() => null);
    reporter?.begin('Checking links', 0, `0 of ${unique.length}`, true);
    reporter?.token.onCancellationRequested(() => abort.abort());
    let last = 0;
    try {
      const run = await checkLinks(
        unique,
        settings,
        cache,
        (done, total) => {
          // A report per percent is plenty.
          if (done === total || (done * 100) / total - last >= 1) {
            last = (done * 100) / total;
            reporter?.report(Math.round(last), `${done} of ${total}`);
          }
        },
        abort.signal,
      );
      for (const [url, verdict] of run.verdicts) this.verdicts.set(url, verdict);
      const problem = cache.save();
      if (problem) this.connection.console.warn(problem);
      const count = (status: Verdict['status']) => [...run.verdicts.values()].filter((v) => v.status === status).length;
      const summary: CheckSummary = {
        files,
        links: unique.length,
        dead: count('dead'),
        redirected: count('redirected'),
        unverified: count('unverified'),
        httpsAvailable: count('https-available'),
        skipped: count('skipped'),
        fromCache: run.fromCache,
        cancelled: run.cancelled,
      };
      void this.connection.sendNotification(ShowMessageNotification.type, { type: summary.dead > 0 ? MessageType.Warning : MessageType.Info, message: describe(summary) });
      return summary;
    } finally {
      reporter?.done();
      if (this.running.get(scope) === abort) this.running.delete(scope);
    }
  }
}

function describe(s: CheckSummary): string {
  const found = [
    `${s.dead} dead`,
    s.redirected ? `${s.redirected} moved` : '',
    s.unverified ? `${s.unverified} not verifiable (the sites block checks)` : '',
    s.httpsAvailable ? `${s.httpsAvailable} could use https` : '',
    s.skipped ? `${s.skipped} not checked (examples, private addresses, other schemes, excluded)` : '',
  ].filter(Boolean);
  const cached = s.fromCache ? ` (${s.fromCache} answered from the cache)` : '';
  const stopped = s.cancelled ? 'Stopped: ' : '';
  return `Conference Notes: ${stopped}checked ${s.links} link${s.links === 1 ? '' : 's'} in ${s.files} file${s.files === 1 ? '' : 's'}${cached}: ${found.join(', ')}.`;
}
