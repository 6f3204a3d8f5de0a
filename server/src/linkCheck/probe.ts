/**
 * One link, asked the way a careful link checker asks: HEAD first and GET when HEAD is refused
 * (405, 501), never downloading a body; redirects followed one by one, up to a limit, with loop
 * detection; a connect timeout and a total one; retries with backoff for 429 and 5xx, honouring
 * Retry-After (429 and 503 pause the whole host); a plain User-Agent; no cookies, no credentials.
 */
import { VERSION } from '../version';
import { request, type Agent } from 'undici';
import { literalAddressAllowed, NOT_ALLOWED } from './addresses';
import type { HostLimiter } from './hostLimiter';
import { isReservedHost, type FailureKind, type Outcome } from './outcomes';

export interface ProbeOptions {
  /** Connects through `guardedLookup`, with the connect timeout. */
  readonly agent: Agent;
  readonly limiter: HostLimiter;
  readonly allowPrivate: boolean;
  /** A whole request, connecting included. */
  readonly timeoutMs: number;
  readonly maxRedirects: number;
  /** Retries after 429 and 5xx (so `retries + 1` requests at most). */
  readonly retries: number;
  /** The first backoff; it doubles. A Retry-After longer than `longestWaitMs` is not waited for. */
  readonly backoffMs: number;
  readonly longestWaitMs: number;
  readonly userAgent: string;
  /** The run's cancellation. */
  readonly signal?: AbortSignal;
}

export const USER_AGENT = `confnotes-link-check/${VERSION} (+https://github.com/confnotes/confnotes)`;

/** Headers that say a bot filter, not the page, answered a 403. */
const BOT_FILTER_HEADERS = ['cf-mitigated', 'x-amzn-waf-action', 'x-datadome', 'x-sucuri-block'];

type Answer = { readonly status: number; readonly headers: Record<string, string | string[] | undefined> } | { readonly failure: FailureKind; readonly detail: string; readonly skip?: string };

/** Thrown when the run is cancelled: no verdict for this link. */
export class CheckCancelled extends Error {}

export async function probe(url: string, options: ProbeOptions): Promise<Outcome> {
  let current = url;
  const visited = new Set([current]);
  const redirects: number[] = [];
  for (;;) {
    const target = new URL(current);
    if (target.protocol !== 'http:' && target.protocol !== 'https:') return skipped(redirects, `redirects to a ${target.protocol} link`);
    if (isReservedHost(target.hostname)) return skipped(redirects, `${target.hostname} is reserved for examples and tests`);
    if (literalAddressAllowed(target.hostname, options.allowPrivate) === false) return skipped(redirects, `${target.hostname} is not a public address`);
    // Credentials in a link are never sent.
    target.username = '';
    target.password = '';
    let answer = await ask(target, 'HEAD', options);
    if ('status' in answer && (answer.status === 405 || answer.status === 501)) answer = await ask(target, 'GET', options);
    if ('failure' in answer) {
      if (answer.skip) return skipped(redirects, answer.skip);
      return { kind: 'failure', failure: answer.failure, detail: answer.detail, finalUrl: current };
    }
    const location = header(answer.headers, 'location');
    if (answer.status >= 300 && answer.status < 400 && location) {
      const next = new URL(location, target).href;
      if (visited.has(next)) return { kind: 'failure', failure: 'redirect-loop', detail: [...visited, next].join(' → '), finalUrl: next };
      if (redirects.length >= options.maxRedirects) return { kind: 'failure', failure: 'too-many-redirects', detail: String(options.maxRedirects), finalUrl: next };
      visited.add(next);
      redirects.push(answer.status);
      current = next;
      continue;
    }
    const filter = BOT_FILTER_HEADERS.find((h) => header(answer.headers, h) !== undefined);
    return {
      kind: 'response',
      status: answer.status,
      finalUrl: current,
      redirects,
      botFilter: filter ? `${filter}: ${header(answer.headers, filter)}` : null,
      httpsTwin: null,
    };
  }
}

function skipped(redirects: readonly number[], reason: string): Outcome {
  return { kind: 'skipped', reason: redirects.length > 0 ? `not followed: ${reason}` : reason };
}

/** One request, with the retries 429 and 5xx earn. */
async function ask(target: URL, method: 'HEAD' | 'GET', options: ProbeOptions): Promise<Answer> {
  const host = target.host;
  let answer: Answer = { failure: 'other', detail: 'not asked' };
  for (let attempt = 0; attempt <= options.retries; attempt++) {
    answer = await options.limiter.run(host, () => send(target, method, options));
    if (!('status' in answer) || !(answer.status === 429 || (answer.status >= 500 && answer.status < 600))) return answer;
    if (attempt === options.retries) break;
    const asked = retryAfterMs(header(answer.headers, 'retry-after'));
    const wait = asked ?? options.backoffMs * 2 ** attempt;
    if (wait > options.longestWaitMs) break;
    // A site that asks everyone to slow down gets no request at all meanwhile.
    if (answer.status === 429 || answer.status === 503) options.limiter.pause(host, wait);
    else await sleep(wait, options.signal);
  }
  return answer;
}

async function send(target: URL, method: 'HEAD' | 'GET', options: ProbeOptions): Promise<Answer> {
  if (options.signal?.aborted) throw new CheckCancelled();
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  try {
    const response = await request(target, {
      method,
      dispatcher: options.agent,
      signal,
      headers: { 'user-agent': options.userAgent, accept: '*/*' },
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
    // The status and headers are the answer: a body is never read. (HEAD has none, and its
    // connection stays open for the next link of the site.)
    response.body.on('error', () => undefined);
    if (method === 'HEAD') await response.body.dump();
    else response.body.destroy();
    return { status: response.statusCode, headers: response.headers };
  } catch (error) {
    if (options.signal?.aborted) throw new CheckCancelled();
    return failureOf(error, timeout.aborted, options.timeoutMs);
  }
}

function failureOf(error: unknown, timedOut: boolean, timeoutMs: number): Answer {
  const e = error as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e.code ?? e.cause?.code ?? '';
  const message = e.cause?.message ?? e.message ?? String(error);
  if (code === NOT_ALLOWED) return { failure: 'other', detail: message, skip: message };
  if (timedOut || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'ETIMEDOUT') {
    return { failure: 'timeout', detail: `${timeoutMs / 1000} s` };
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL' || code === 'EAI_NODATA') return { failure: 'dns', detail: code };
  if (code === 'ECONNREFUSED') return { failure: 'refused', detail: code };
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code)) return { failure: 'tls', detail: message };
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') return { failure: 'reset', detail: code };
  return { failure: 'other', detail: message };
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Retry-After in milliseconds: seconds, or an HTTP date. */
export function retryAfterMs(value: string | undefined): number | null {
  if (value === undefined) return null;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}
