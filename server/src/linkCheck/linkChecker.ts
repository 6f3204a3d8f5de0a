/**
 * Checks a set of links online: each URL once per run however many files hold it, answers
 * from the cache first, the rest through the host limiter; then, for working `http://` links,
 * whether their `https://` twin answers the same. The editor (server.ts) and the CLI use it.
 */
import type { LookupFunction } from 'node:net';
import * as tls from 'node:tls';
import picomatch from 'picomatch';
import { Agent } from 'undici';
import { guardedLookup } from './addresses';
import { HostLimiter } from './hostLimiter';
import type { LinkCache } from './linkCache';
import { isReservedHost, verdictOf, type Outcome, type Verdict } from './outcomes';
import { CheckCancelled, probe, USER_AGENT } from './probe';

/** What the user sets (the `confnotes.links.*` settings, the CLI's options). */
export interface LinkCheckOptions {
  /** Statuses that count as working (403 from sites that turn bots away, say). */
  readonly acceptStatus: readonly number[];
  /** Globs of URLs never requested. */
  readonly exclude: readonly string[];
  /** Request private, loopback and link-local addresses too (intranets, tests). */
  readonly checkPrivateAddresses: boolean;
  /** Say so when an `http://` link's `https://` twin answers the same. */
  readonly suggestHttps: boolean;
  /** Milliseconds a whole request may take. */
  readonly timeoutMs: number;
}

/** Limits a user does not set; tests make them small. */
export interface LinkCheckLimits {
  readonly overall: number;
  readonly perHost: number;
  readonly connectTimeoutMs: number;
  readonly maxRedirects: number;
  readonly retries: number;
  readonly backoffMs: number;
  readonly longestWaitMs: number;
  /** DNS resolution (tests resolve names of their own). */
  readonly resolve?: LookupFunction;
  /** Certificate authorities trusted besides the system's (tests trust their own). */
  readonly ca?: string;
}

export const DEFAULT_LIMITS: LinkCheckLimits = { overall: 256, perHost: 4, connectTimeoutMs: 5000, maxRedirects: 10, retries: 2, backoffMs: 1000, longestWaitMs: 30_000 };

export interface CheckRun {
  readonly verdicts: Map<string, Verdict>;
  /** How many were answered from the cache. */
  readonly fromCache: number;
  /** The most requests at once to one host. */
  readonly mostAtOnceToOneHost: number;
  readonly cancelled: boolean;
}

export async function checkLinks(
  urls: Iterable<string>,
  options: LinkCheckOptions,
  cache: LinkCache,
  progress: (done: number, total: number) => void = () => undefined,
  signal?: AbortSignal,
  limits: LinkCheckLimits = DEFAULT_LIMITS,
): Promise<CheckRun> {
  const unique = [...new Set(urls)];
  const excluded = options.exclude.length > 0 ? picomatch([...options.exclude], { nocase: true, dot: true }) : () => false;
  const agent = new Agent({
    // No more sockets to a site than requests at once. (undici closes a socket after a HEAD, so
    // each request opens one: the bench counts them.)
    connections: limits.perHost,
    connect: {
      timeout: limits.connectTimeoutMs,
      lookup: guardedLookup(options.checkPrivateAddresses, limits.resolve),
      ...(limits.ca ? { ca: [...tls.rootCertificates, limits.ca] } : {}),
    },
  });
  const limiter = new HostLimiter(limits.overall, limits.perHost);
  const probeOptions = {
    agent,
    limiter,
    allowPrivate: options.checkPrivateAddresses,
    timeoutMs: options.timeoutMs,
    maxRedirects: limits.maxRedirects,
    retries: limits.retries,
    backoffMs: limits.backoffMs,
    longestWaitMs: limits.longestWaitMs,
    userAgent: USER_AGENT,
    signal,
  };
  const verdicts = new Map<string, Verdict>();
  let fromCache = 0;
  let done = 0;
  let cancelled = false;
  const outcomeOf = async (url: string): Promise<Outcome> => {
    const before = skipReason(url, excluded);
    if (before) return { kind: 'skipped', reason: before };
    const cached = cache.get(url);
    if (cached) {
      fromCache++;
      return cached;
    }
    let outcome = await probe(url, probeOptions);
    if (options.suggestHttps && outcome.kind === 'response' && url.startsWith('http://') && outcome.redirects.length === 0 && outcome.status >= 200 && outcome.status < 300) {
      const twin = await probe('https://' + url.slice('http://'.length), probeOptions);
      outcome = { ...outcome, httpsTwin: twin.kind === 'response' && twin.status === outcome.status && twin.redirects.length === 0 };
    }
    cache.set(url, outcome);
    return outcome;
  };
  try {
    await Promise.all(
      unique.map(async (url) => {
        try {
          verdicts.set(url, verdictOf(url, await outcomeOf(url), options));
        } catch (e) {
          if (!(e instanceof CheckCancelled)) throw e;
          cancelled = true;
        }
        progress(++done, unique.length);
      }),
    );
  } finally {
    await agent.close().catch(() => undefined);
  }
  return { verdicts, fromCache, mostAtOnceToOneHost: limiter.mostAtOnceToOneHost, cancelled };
}

/** Why a URL is not requested at all (before any network), or null. */
function skipReason(url: string, excluded: (url: string) => boolean): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `${parsed.protocol} links are not checked online`;
  if (isReservedHost(parsed.hostname)) return `${parsed.hostname} is reserved for examples and tests`;
  if (excluded(url)) return 'excluded by confnotes.links.exclude';
  return null;
}
