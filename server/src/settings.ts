/**
 * User settings (`confnotes.*`), turned from whatever the client sent into the
 * options features take. Unknown or invalid values fall back to the defaults.
 */
import picomatch from 'picomatch';
import { DEFAULT_NOTES_GLOBS } from './io/notesFiles';
import type { LinkCheckOptions } from './linkCheck/linkChecker';
import { normalizeName } from './parser/lineRules';
import type { SpeakerPosition } from './parser/talkLines';
import type { Link, LinkProblemCode } from './parser/model';
import { DEFAULT_FORMAT, type FormatOptions } from './parser/parseNotes';
import { DEFAULT_LAYOUT, type LayoutOptions } from './features/formatting';
import type { OnlineProblemCode, ReferenceProblemCode, SeverityName } from './features/diagnostics/severity';

export type OnlineMode = 'off' | 'onCommand' | 'onSave';

export interface OnlineSettings extends LinkCheckOptions {
  /** `off`: never; `onCommand`: when the user runs Check Links Online; `onSave`: that, and each saved file. */
  readonly mode: OnlineMode;
}

export interface Settings {
  readonly linkDiagnostics: boolean;
  readonly severity: Readonly<Record<LinkProblemCode | ReferenceProblemCode | OnlineProblemCode, SeverityName>>;
  readonly ignorePatterns: readonly string[];
  /** Milliseconds between the last edit and the diagnostics run. */
  readonly diagnosticsDelay: number;
  /** Globs (relative to each workspace folder) of the files the workspace index reads. */
  readonly files: readonly string[];
  readonly online: OnlineSettings;
  /** How talk lines are read (`confnotes.reading.*`), as the parser takes it. */
  readonly format: FormatOptions;
  /** How Format Document writes bullets and blank lines (`confnotes.formatting.*`). */
  readonly layout: LayoutOptions;
}

export const defaultSettings: Settings = {
  linkDiagnostics: true,
  severity: {
    'malformed-url': 'warning',
    'unknown-tld': 'warning',
    'incomplete-link': 'warning',
    'unresolved-reference': 'warning',
    'ambiguous-reference': 'warning',
    'dead-link': 'warning',
    'redirected-link': 'information',
    'unverified-link': 'information',
    'https-available': 'information',
  },
  ignorePatterns: [],
  diagnosticsDelay: 200,
  files: DEFAULT_NOTES_GLOBS,
  online: { mode: 'onCommand', acceptStatus: [], exclude: [], checkPrivateAddresses: false, suggestHttps: true, timeoutMs: 10_000 },
  format: DEFAULT_FORMAT,
  layout: DEFAULT_LAYOUT,
};

const SPEAKER_POSITIONS: readonly string[] = ['auto', 'end', 'start'];

const ONLINE_MODES: readonly string[] = ['off', 'onCommand', 'onSave'];

const SEVERITIES: readonly string[] = ['ignore', 'hint', 'information', 'warning', 'error'];

/**
 * Reads the `confnotes` section as VS Code sends it (`{ files, links: { diagnostics, severity,
 * ignore, online, acceptStatus, exclude, checkPrivateAddresses, suggestHttps, timeout },
 * diagnostics: { delay } }`).
 */
export function readSettings(raw: unknown): Settings {
  const section = asObject(raw);
  const links = asObject(section.links);
  const severityIn = asObject(links.severity);
  const severity = { ...defaultSettings.severity };
  for (const code of Object.keys(severity) as Array<keyof Settings['severity']>) {
    const value = severityIn[code];
    if (typeof value === 'string' && SEVERITIES.includes(value)) severity[code] = value as SeverityName;
  }
  const delay = asObject(section.diagnostics).delay;
  return {
    linkDiagnostics: typeof links.diagnostics === 'boolean' ? links.diagnostics : defaultSettings.linkDiagnostics,
    severity,
    ignorePatterns: Array.isArray(links.ignore) ? links.ignore.filter((p): p is string => typeof p === 'string' && p !== '') : [],
    diagnosticsDelay: typeof delay === 'number' && delay >= 0 ? delay : defaultSettings.diagnosticsDelay,
    files: Array.isArray(section.files) && section.files.some((p) => typeof p === 'string' && p !== '') ? section.files.filter((p): p is string => typeof p === 'string' && p !== '') : defaultSettings.files,
    online: readOnline(links),
    format: readFormat(renamed(asObject(section.format), asObject(section.reading), ['speakerPosition', 'talks', 'sections'])),
    layout: readLayout(renamed(asObject(section.format), asObject(section.formatting), ['bulletMarker', 'indent', 'maxBlankLines'])),
  };
}

/**
 * The settings of a group renamed (`confnotes.format.*` → `confnotes.reading.*` and
 * `confnotes.formatting.*`): the new name's value where it is other than its default, else the
 * old name's; lists of both joined. A client sends the defaults of settings not set, so a new
 * name set back to its default cannot be told from one not set: the old name's value holds then.
 */
function renamed(old: Record<string, unknown>, now: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const DEFAULTS: Record<string, unknown> = { speakerPosition: DEFAULT_FORMAT.speakerPosition, ...DEFAULT_LAYOUT };
  const merged: Record<string, unknown> = {};
  for (const key of keys) {
    const [was, is] = [old[key], now[key]];
    if (Array.isArray(was) || Array.isArray(is)) merged[key] = [...(Array.isArray(was) ? was : []), ...(Array.isArray(is) ? is : [])];
    else merged[key] = is !== undefined && is !== DEFAULTS[key] ? is : (was ?? is);
  }
  return merged;
}

/** `confnotes.formatting`: `{ bulletMarker, indent, maxBlankLines }`; invalid values fall back to `auto` and 2. */
export function readLayout(format: Record<string, unknown>): LayoutOptions {
  const { bulletMarker, indent, maxBlankLines } = format;
  return {
    bulletMarker: bulletMarker === '•' || bulletMarker === '-' || bulletMarker === '*' ? bulletMarker : 'auto',
    indent: typeof indent === 'number' && Number.isInteger(indent) && indent >= 1 && indent <= 8 ? indent : 'auto',
    maxBlankLines: typeof maxBlankLines === 'number' && Number.isInteger(maxBlankLines) && maxBlankLines >= 0 ? maxBlankLines : DEFAULT_LAYOUT.maxBlankLines,
  };
}

/** `confnotes.reading`: `{ speakerPosition, talks, sections }` (docs/FORMAT.md, "Saying what a line is"). */
export function readFormat(format: Record<string, unknown>): FormatOptions {
  const lines = (value: unknown) => new Set(Array.isArray(value) ? value.filter((l): l is string => typeof l === 'string' && l.trim() !== '').map(normalizeName) : []);
  const position = format.speakerPosition;
  const talks = lines(format.talks);
  const sections = lines(format.sections);
  if ((position === undefined || position === 'auto') && talks.size === 0 && sections.size === 0) return DEFAULT_FORMAT;
  return {
    speakerPosition: typeof position === 'string' && SPEAKER_POSITIONS.includes(position) ? (position as SpeakerPosition) : 'auto',
    talks,
    sections,
  };
}

function readOnline(links: Record<string, unknown>): OnlineSettings {
  const fallback = defaultSettings.online;
  const timeout = links.timeout;
  return {
    mode: typeof links.online === 'string' && ONLINE_MODES.includes(links.online) ? (links.online as OnlineMode) : fallback.mode,
    acceptStatus: Array.isArray(links.acceptStatus) ? links.acceptStatus.filter((s): s is number => Number.isInteger(s) && s >= 100 && s <= 999) : fallback.acceptStatus,
    exclude: Array.isArray(links.exclude) ? links.exclude.filter((p): p is string => typeof p === 'string' && p !== '') : fallback.exclude,
    checkPrivateAddresses: typeof links.checkPrivateAddresses === 'boolean' ? links.checkPrivateAddresses : fallback.checkPrivateAddresses,
    suggestHttps: typeof links.suggestHttps === 'boolean' ? links.suggestHttps : fallback.suggestHttps,
    // Seconds in the setting; at least one, at most five minutes.
    timeoutMs: typeof timeout === 'number' && timeout >= 1 && timeout <= 300 ? Math.round(timeout * 1000) : fallback.timeoutMs,
  };
}

function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Does a glob of `confnotes.links.ignore` match the link as written or its target? */
export function linkIgnorer(patterns: readonly string[]): (link: Link) => boolean {
  if (patterns.length === 0) return () => false;
  const match = picomatch([...patterns], { dot: true, nocase: true });
  return (link) => match(link.text) || (link.target !== null && (match(link.target) || match(link.target.replace(/\/$/, ''))));
}

/** The options link features take, built once per settings object (the ignore globs compile here). */
export function linkOptions(settings: Settings): { enabled: boolean; severity: Settings['severity']; isIgnored: (link: Link) => boolean } {
  return { enabled: settings.linkDiagnostics, severity: settings.severity, isIgnored: linkIgnorer(settings.ignorePatterns) };
}

/** Do two format settings read talk lines the same way? */
export function sameFormat(a: FormatOptions, b: FormatOptions): boolean {
  const same = (x: ReadonlySet<string>, y: ReadonlySet<string>) => x.size === y.size && [...x].every((v) => y.has(v));
  return a === b || (a.speakerPosition === b.speakerPosition && same(a.talks, b.talks) && same(a.sections, b.sections));
}
