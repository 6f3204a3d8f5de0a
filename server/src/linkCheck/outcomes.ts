/**
 * What checking a link online found (the Outcome, cached on disk) and what that means for the
 * user (the Verdict, under their settings). No I/O here: probe.ts makes outcomes.
 */
import { STATUS_CODES } from 'node:http';

/** How a request chain ended without a response to judge. */
export type FailureKind = 'dns' | 'refused' | 'tls' | 'timeout' | 'reset' | 'redirect-loop' | 'too-many-redirects' | 'other';

export type Outcome =
  | {
      readonly kind: 'response';
      /** The last response's status. */
      readonly status: number;
      /** Where the redirects (if any) ended. */
      readonly finalUrl: string;
      /** The statuses of the redirects followed, in order (empty when none). */
      readonly redirects: readonly number[];
      /** A 403 that says a bot filter answered (Cloudflare's `cf-mitigated: challenge`, say). */
      readonly botFilter: string | null;
      /** For a working `http://` link: does its `https://` twin answer as well? null when not asked. */
      readonly httpsTwin: boolean | null;
    }
  | { readonly kind: 'failure'; readonly failure: FailureKind; readonly detail: string; readonly finalUrl: string }
  /** Not requested, on purpose. */
  | { readonly kind: 'skipped'; readonly reason: string };

export type VerdictStatus = 'alive' | 'dead' | 'redirected' | 'unverified' | 'https-available' | 'skipped';

export interface Verdict {
  readonly url: string;
  readonly status: VerdictStatus;
  /** The last HTTP status seen, or null when no response came. */
  readonly httpStatus: number | null;
  readonly finalUrl: string | null;
  /** Why, in words, for a message and for `check --online --json`. */
  readonly reason: string;
  /** The link's replacement when one is certain (a permanent redirect's target, the https twin). */
  readonly fix: string | null;
}

export interface VerdictOptions {
  /** Statuses that count as working (`confnotes.links.acceptStatus`), e.g. 403 from sites that turn bots away. */
  readonly acceptStatus: readonly number[];
}

const PERMANENT = new Set([301, 308]);

export function statusText(status: number): string {
  return `${status} ${STATUS_CODES[status] ?? (status === 999 ? 'Request denied' : 'Unknown status')}`;
}

export function verdictOf(url: string, outcome: Outcome, options: VerdictOptions): Verdict {
  const verdict = (status: VerdictStatus, httpStatus: number | null, finalUrl: string | null, reason: string, fix: string | null = null): Verdict => ({ url, status, httpStatus, finalUrl, reason, fix });
  if (outcome.kind === 'skipped') return verdict('skipped', null, null, outcome.reason);
  if (outcome.kind === 'failure') return verdict('dead', null, outcome.finalUrl, failureReason(outcome.failure, outcome.detail));
  const { status, finalUrl, redirects } = outcome;
  const working = (status >= 200 && status < 300) || options.acceptStatus.includes(status);
  if (working && redirects.length > 0 && finalUrl !== url) {
    const permanent = redirects.every((r) => PERMANENT.has(r));
    const how = permanent ? `permanently (${redirects.join(' → ')})` : `(${redirects.join(' → ')})`;
    return verdict('redirected', status, finalUrl, `redirects ${how} to ${finalUrl}`, permanent ? finalUrl : null);
  }
  if (working && outcome.httpsTwin === true) {
    const https = 'https://' + url.slice('http://'.length);
    return verdict('https-available', status, finalUrl, `${https} answers too`, https);
  }
  if (working) return verdict('alive', status, finalUrl, statusText(status));
  if (status === 999) return verdict('unverified', status, finalUrl, `the site blocks automated checks (${statusText(status)})`);
  if (status === 403 && outcome.botFilter) return verdict('unverified', status, finalUrl, `the site blocks automated checks (403 with ${outcome.botFilter})`);
  if (status === 429) return verdict('unverified', status, finalUrl, 'the site kept answering 429 Too Many Requests');
  if (status === 401) return verdict('unverified', status, finalUrl, 'the page needs a login (401 Unauthorized)');
  return verdict('dead', status, finalUrl, statusText(status));
}

function failureReason(failure: FailureKind, detail: string): string {
  switch (failure) {
    case 'dns': return `the host name does not resolve (${detail})`;
    case 'refused': return 'the connection was refused';
    case 'tls': return `TLS error: ${detail}`;
    case 'timeout': return `no answer within ${detail}`;
    case 'reset': return 'the connection was closed before an answer';
    case 'redirect-loop': return `redirect loop (${detail})`;
    case 'too-many-redirects': return `more than ${detail} redirects`;
    default: return detail;
  }
}

/**
 * Names that are never requested: the domains reserved for documentation and tests (RFC 2606,
 * RFC 6761) and `localhost`. A link to them is an example, not a page.
 */
export function isReservedHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || /\.(test|example|invalid|localhost)$/.test(host) || /^(test|example|invalid)$/.test(host)) return true;
  return /(^|\.)example\.(com|net|org)$/.test(host);
}
