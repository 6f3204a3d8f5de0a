/**
 * Link detection and offline validation for one line (docs/FORMAT.md, "Links").
 * Scheme and `www.` links are found here so that misspelt schemes and invalid hosts
 * are seen too; bare hosts and e-mail addresses come from linkify-it. Top-level domains
 * are checked against IANA's list (the tlds package, which linkify-it matches with too).
 */
import { LinkifyIt } from 'linkify-it';
import allTlds from 'tlds';
import type { Link, LinkForm, LinkProblem, LinkProblemCode } from './model';

// Scheme links are found by our own scan (below); of linkify-it's matches only bare hosts and
// e-mail addresses are used. (Removing its schemas instead makes linkify-it 6.1's match() loop forever.)
const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: true, fuzzyIP: false, tlds: allTlds });

/** IANA's top-level domains, internationalised ones in both forms (`рф` and `xn--p1ai`). */
const TOP_LEVEL_DOMAINS = new Set(allTlds.flatMap((tld) => (/^[a-z0-9-]+$/.test(tld) ? [tld] : [tld, punycode(tld)])));

function punycode(label: string): string {
  try {
    return new URL(`http://${label}/`).hostname;
  } catch {
    return label;
  }
}

const KNOWN_SCHEMES = ['http', 'https', 'ftp'];

/**
 * A scheme-like start: a word followed by `:` and/or slashes, or `www.`. The word may
 * not follow a letter, digit, dot, slash or `@`, so `x.http://` and paths are not starts.
 */
const START = /(?<![\p{L}\p{N}_.\/@\-])(?:([A-Za-z][A-Za-z0-9+.\-]{1,15})(:\/{0,3}|\/\/)(?=\S)|(www\.)(?=[\p{L}\p{N}]))/gu;

/** A well-known site written without its domain: `github/steven-ellis`. */
const SITES: Record<string, string> = {
  github: 'github.com', gitlab: 'gitlab.com', bitbucket: 'bitbucket.org', codeberg: 'codeberg.org',
  sourceforge: 'sourceforge.net', youtube: 'youtube.com', twitter: 'twitter.com', facebook: 'facebook.com',
  linkedin: 'linkedin.com', instagram: 'instagram.com', reddit: 'reddit.com', medium: 'medium.com',
};
const SITE = new RegExp(String.raw`(?<![\p{L}\p{N}_.\/@:\-])(${Object.keys(SITES).join('|')})\/(?=[\p{L}\p{N}_~\-])`, 'giu');

/** Bare two-label names whose last label is more often a file extension than a country. */
const FILE_EXTENSION_TLDS = new Set(['md', 'py', 'sh', 'pl', 'rs', 'so', 'zip', 'mov', 'ps', 'pm', 'cc']);

/** Special-use names (RFC 6761 and friends): not in the public suffix list, yet not typos. */
const SPECIAL_USE_TLDS = new Set(['localhost', 'local', 'test', 'example', 'invalid', 'internal', 'onion', 'lan', 'home', 'corp', 'arpa']);

const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{', '’': '‘', '”': '“' };

const TRACKED = new Set(['(', ')', '[', ']', '{', '}', '‘', '’', '“', '”', "'", '"']);

/**
 * Where a link that starts at `start` ends: at white space, less trailing punctuation and
 * unbalanced closers. Bracket counts are kept as characters are trimmed, so this is linear
 * even for a link followed by thousands of `)`.
 */
export function linkEnd(line: string, start: number, minEnd = start): number {
  let end = start;
  while (end < line.length && !/\s/.test(line[end])) end++;
  const counts = new Map<string, number>();
  for (let i = start; i < end; i++) if (TRACKED.has(line[i])) counts.set(line[i], (counts.get(line[i]) ?? 0) + 1);
  const n = (ch: string) => counts.get(ch) ?? 0;
  while (end > minEnd) {
    const last = line[end - 1];
    const opener = CLOSERS[last];
    const unbalanced =
      '.,;:!?'.includes(last) ||
      ((last === "'" || last === '"') && n(last) % 2 === 1) ||
      (opener !== undefined && n(opener) < n(last));
    if (!unbalanced) break;
    counts.set(last, n(last) - 1);
    end--;
  }
  return Math.max(end, minEnd);
}

/** Every link in a line, in order. `base` is the line's offset in the document. */
export function findLinks(line: string, base: number): Link[] {
  const links: Link[] = [];
  if (!mayHoldLink(line)) return links;
  const taken = new Taken(line.length);
  const add = (start: number, end: number, form: LinkForm, target: string | null, problem: LinkProblem | null) => {
    taken.mark(start, end);
    links.push({ kind: 'link', form, span: { start: base + start, end: base + end }, text: line.slice(start, end), target, problem });
  };

  if (line.includes(':') || line.includes('//') || line.includes('www.')) {
    for (const m of line.matchAll(START)) {
      const start = m.index;
      if (taken.overlaps(start, start + 1)) continue;
      const end = linkEnd(line, start, start + m[0].length);
      const text = line.slice(start, end);
      if (m[3]) {
        const target = 'https://' + text;
        add(start, end, 'www', checkedTarget(target), checkUrl(target, text));
        continue;
      }
      const scheme = m[1].toLowerCase();
      const separator = m[2];
      const found = schemeLink(scheme, separator, text);
      if (found) add(start, end, 'scheme', found.target, found.problem);
      // Any other `word://…` is no link of ours, and no bare host inside it is either.
      else if (separator.includes('/')) taken.mark(start, end);
    }
  }

  if (line.includes('/')) {
    for (const m of line.matchAll(SITE)) {
      const start = m.index;
      const end = linkEnd(line, start, start + m[0].length + 1);
      if (taken.overlaps(start, end)) continue;
      const text = line.slice(start, end);
      const fixed = `https://${SITES[m[1].toLowerCase()]}/${text.slice(m[1].length + 1)}`;
      add(start, end, 'site', fixed, problem('incomplete-link', `'${text}' names ${m[1]} without its domain: did you mean ${fixed}?`, [fixed]));
    }
  }

  if (joinsWords(line)) {
    for (const m of fuzzyMatches(line, taken)) {
      if (taken.overlaps(m.index, m.lastIndex)) continue;
      const end = linkEnd(line, m.index, m.index + 1);
      const text = line.slice(m.index, Math.min(end, m.lastIndex));
      if (m.schema === 'mailto:') {
        add(m.index, m.index + text.length, 'email', 'mailto:' + text, null);
        continue;
      }
      if (isFileName(text)) continue;
      add(m.index, m.index + text.length, 'host', checkedTarget('https://' + text), null);
    }
  }
  return links.sort((a, b) => a.span.start - b.span.start);
}

/** Which characters of a line already belong to a link, so that a later pass does not find it again. */
export class Taken {
  // Made at the first link: most lines that may hold one hold none.
  private marks: Uint8Array | null = null;
  constructor(private readonly length: number) {}
  mark(start: number, end: number): void {
    (this.marks ??= new Uint8Array(this.length)).fill(1, start, end);
  }
  overlaps(start: number, end: number): boolean {
    if (this.marks === null) return false;
    for (let i = start; i < end; i++) if (this.marks[i] === 1) return true;
    return false;
  }
  /** Whether all of `text` at `start` not yet taken is ASCII punctuation, where no host or address fits. */
  leavesNoLetters(text: string, start: number): boolean {
    for (let i = 0; i < text.length; i++) {
      if (this.marks !== null && this.marks[start + i] === 1) continue;
      const c = text.charCodeAt(i);
      if (c >= 128 || (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122)) return false;
    }
    return true;
  }
}

/** White space by linkify-it's rules (separators and controls, not U+FEFF): no bare host or address crosses it. */
const WORD = /[^\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

/**
 * linkify-it's bare hosts and e-mail addresses (not its scheme links), with offsets in the line.
 * It is asked word by word: on a whole line its match() rescans the rest of the line after each
 * link, which took minutes on a 5 MB line of links.
 */
export function* fuzzyMatches(line: string, taken: Taken): Generator<{ index: number; lastIndex: number; schema: string }> {
  for (const word of line.matchAll(WORD)) {
    // A word our own scan took as a link (`http://x.org/a,`) would only cost linkify-it a URL validation.
    if (!joinsWords(word[0]) || taken.leavesNoLetters(word[0], word.index) || !linkify.test(word[0])) continue;
    for (const m of linkify.match(word[0]) ?? []) {
      const fuzzy = m.schema === '' || (m.schema === 'mailto:' && !/^mailto:/i.test(m.raw));
      if (fuzzy) yield { index: word.index + m.index, lastIndex: word.index + m.lastIndex, schema: m.schema };
    }
  }
}

/** Every link has a `:` or `/` (schemes, site names) or a dot inside a word (hosts, e-mail addresses). */
function mayHoldLink(line: string): boolean {
  return line.includes(':') || line.includes('/') || joinsWords(line);
}

/**
 * Cheap gate before linkify-it, whose test costs microseconds per line: a bare host or e-mail
 * address has a dot with no white space on either side (`.` ending a sentence has). Nothing more
 * is asked of the neighbours: linkify-it takes `0+.AC` as a host and `a@b.=` as an address, and
 * the gate must never turn away a line it finds one in.
 */
export function joinsWords(line: string): boolean {
  for (let i = line.indexOf('.', 1); i > 0 && i < line.length - 1; i = line.indexOf('.', i + 1)) {
    if (isVisible(line.charCodeAt(i - 1)) && isVisible(line.charCodeAt(i + 1))) return true;
  }
  return false;
}

/** Not white space (ASCII, NBSP) and not another dot. */
const isVisible = (c: number) => c > 32 && c !== 46 && c !== 0xa0;

function isFileName(text: string): boolean {
  const labels = text.split('.');
  return labels.length === 2 && !text.includes('/') && FILE_EXTENSION_TLDS.has(labels[1].toLowerCase());
}

function problem(code: LinkProblemCode, message: string, fixes: string[] = []): LinkProblem {
  return { code, message, fixes };
}

/** A link whose word before `:`/`//` is a URL scheme we know or a misspelling of one. */
function schemeLink(scheme: string, separator: string, text: string): { target: string | null; problem: LinkProblem | null } | null {
  const rest = text.slice(scheme.length + separator.length);
  if (scheme === 'mailto') {
    if (separator !== ':') return { target: null, problem: problem('malformed-url', `'${text}' is not a mail address: write mailto:name@host`) };
    return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(rest)
      ? { target: text, problem: null }
      : { target: null, problem: problem('malformed-url', `'${text}' is not a valid mail address`) };
  }
  const known = KNOWN_SCHEMES.includes(scheme);
  const fixSchemes = known ? [scheme] : nearestSchemes(scheme);
  if (fixSchemes.length === 0) return null;
  const fixes = fixSchemes.map((s) => `${s}://${rest}`);
  if (!known) {
    return { target: null, problem: problem('malformed-url', `'${scheme}' is not a URL scheme: did you mean ${fixSchemes.join(' or ')}?`, fixes) };
  }
  if (separator !== '://') {
    return { target: null, problem: problem('malformed-url', `'${text}' needs '://' after '${scheme}'`, fixes) };
  }
  const doubled = /^(https?|ftp):\/*/i.exec(rest);
  if (doubled) {
    const inner = doubled[1].toLowerCase() + '://' + rest.slice(doubled[0].length);
    return { target: null, problem: problem('malformed-url', `'${text}' repeats the scheme`, [inner]) };
  }
  return { target: checkedTarget(text), problem: checkUrl(text, text) };
}

/** Schemes at edit distance one from http/https/ftp (`htp`, `htps`, `hhtp`); several when it is ambiguous. */
function nearestSchemes(word: string): string[] {
  if (word.length < 3 || word.length > 6) return [];
  return KNOWN_SCHEMES.filter((s) => s !== 'ftp' && editDistanceIsOne(word, s));
}

function editDistanceIsOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    // one substitution, or one swap of neighbours
    return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function checkedTarget(url: string): string | null {
  try {
    return new URL(url).href;
  } catch {
    return null;
  }
}

/** Host and port rules of FORMAT.md, then the URL parser, then the top-level domain. */
function checkUrl(url: string, text: string): LinkProblem | null {
  const authority = /^[a-z]+:\/\/([^/?#]*)/i.exec(url)?.[1] ?? '';
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  const portMatch = /:(\d*)$/.exec(hostPort);
  const host = portMatch && !hostPort.startsWith('[') ? hostPort.slice(0, portMatch.index) : hostPort;
  if (!host) return problem('malformed-url', `'${text}' has no host`);
  if (portMatch && portMatch[1] !== '' && Number(portMatch[1]) > 65535) return problem('malformed-url', `port ${portMatch[1]} is over 65535`);
  if (!host.startsWith('[')) {
    const hostProblem = checkHost(host);
    if (hostProblem) return problem('malformed-url', hostProblem);
  }
  if (checkedTarget(url) === null) return problem('malformed-url', `'${text}' is not a valid URL`);
  return checkTld(host, text);
}

function checkHost(host: string): string | null {
  if (/%20|[\s<>"{}|\\^`]/.test(host)) return `host '${host}' contains spaces or invalid characters`;
  const labels = host.replace(/\.$/, '').split('.');
  if (labels.every((l) => /^\d+$/.test(l))) {
    if (labels.length !== 4) return `'${host}' is not a valid IPv4 address`;
    const big = labels.find((l) => Number(l) > 255);
    return big ? `IPv4 part ${big} is over 255` : null;
  }
  for (const label of labels) {
    if (label === '') return `host '${host}' has an empty label`;
    if (label.length > 63) return `host label '${label.slice(0, 20)}…' is longer than 63 characters`;
    if (label.startsWith('-') || label.endsWith('-')) return `host label '${label}' starts or ends with '-'`;
  }
  return null;
}

function checkTld(host: string, text: string): LinkProblem | null {
  const labels = host.replace(/\.$/, '').split('.');
  if (labels.length < 2 || /^\d+$/.test(labels[labels.length - 1])) return null;
  const tld = labels[labels.length - 1].toLowerCase();
  if (SPECIAL_USE_TLDS.has(tld)) return null;
  if (TOP_LEVEL_DOMAINS.has(tld)) return null;
  return problem('unknown-tld', `'.${tld}' in '${text}' is not a top-level domain`);
}
