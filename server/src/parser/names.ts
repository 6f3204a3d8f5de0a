/**
 * What a speaker looks like (docs/FORMAT.md, "What is a speaker"): names, handles, an
 * organisation, a job title. Word by word, never a regular expression over the whole text, so
 * that a long line of capitalised words costs time in proportion to its length.
 */
import { givenNameList } from './givenNames';
import { isDate } from './lineLooks';
import { bulletShape } from './lineRules';
import { TextMemo } from './memo';

let givenNames: Set<string> | undefined;

/** Is the word, ignoring case, a known given name (givenNames.ts: 20,000 names of many languages)? */
export function isGivenName(word: string): boolean {
  givenNames ??= new Set(givenNameList());
  return givenNames.has(word.toLowerCase());
}

const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;
/** A word of a name written in lower case, in a file that writes everything so (`ana lima`). */
const LOWER_NAME_WORD = /^\p{Ll}[\p{L}\p{M}'’-]*$/u;
const NICKNAME = /^[‘'"“][^\s‘’'"“”]{1,30}[’'"”]$/u;
const NICKNAME_OPENERS = '‘\'"“';
/** A handle after a separator (`– @brendan_g`, `by @sage@mastodon.social`). */
const HANDLE = /^@[\p{L}\p{N}_.-]{1,40}(?:@[\p{L}\p{N}_.-]{1,60})?$/u;
/**
 * A handle with nothing but a space before it (`Title @jeffsussna`): as social sites allow them
 * (letters, digits, `_`), so that `@font-face` or `@media` in a heading is no speaker.
 */
export const BARE_HANDLE = /^@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?$/;
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'da', 'del', 'di', 'du', 'la', 'le', 'bin', 'al', 'dos', 'das', 'ter']);
/**
 * Words that are never part of a person's name, capitalised or not (title-case headlines, and
 * the words of programmes: `Morning Session`, `Lightning Talks`, `Day Two`).
 */
const NEVER_IN_NAMES = new Set([
  'the', 'a', 'an', 'of', 'for', 'with', 'to', 'in', 'on', 'at', 'from', 'into', 'your', 'our', 'my', 'is', 'are', 'how', 'why', 'what',
  'and', 'or', 'not', 'by', 'vs', 'vs.', 'via', 'about', 'over', 'under', 'using', 'without', 'through', 'beyond', 'between', 'after', 'before',
  'day', 'days', 'session', 'sessions', 'keynote', 'keynotes', 'talk', 'talks', 'panel', 'workshop', 'track', 'tracks', 'room', 'lunch',
  'break', 'morning', 'afternoon', 'evening', 'intro', 'introduction', 'part', 'notes', 'summary', 'recap', 'demo', 'tutorial', 'welcome',
  'opening', 'closing', 'lightning', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'q&a',
]);
/**
 * Words of a job title (`Staff Engineer`, `VP of Platform`): a part of a speaker text holding
 * one is the speaker's role, neither a name nor the organisation.
 */
const ROLE_WORDS = new Set([
  'engineer', 'engineers', 'engineering', 'developer', 'developers', 'dev', 'manager', 'director', 'architect', 'lead', 'head', 'cto', 'ceo',
  'cfo', 'coo', 'cio', 'ciso', 'vp', 'svp', 'founder', 'co-founder', 'cofounder', 'consultant', 'scientist', 'researcher', 'designer',
  'analyst', 'advocate', 'evangelist', 'maintainer', 'maintainers', 'professor', 'student', 'sre', 'principal', 'senior', 'staff',
  'chief', 'officer', 'president', 'owner', 'author', 'contributor', 'member', 'chair', 'organiser', 'organizer', 'specialist', 'programmer',
  'hacker', 'writer', 'editor', 'librarian', 'lecturer', 'phd', 'intern', 'freelancer', 'fellow', 'partner', 'product', 'team',
  'journalist', 'activist', 'volunteer', 'teacher', 'nurse', 'doctor', 'artist', 'contractor', 'mentor', 'coach',
]);
const LONGEST_SPEAKER_TEXT = 200;
/** A line that names only speakers is short: `Dana Whitfield, Staff Engineer, Acme`. */
const LONGEST_SPEAKER_LINE = 120;
const LONGEST_ORGANISATION = 80;

/** How much a text looks like one person's name: not at all, by its shape, or starting with a known given name. */
export type NameLikeness = 'none' | 'shape' | 'given';

/**
 * Two to six words, the first and last capitalised; particles and quoted nicknames between.
 * `lowerCase`: the file writes names in lower case too (every word may be).
 */
export function nameLikeness(text: string, lowerCase = false): NameLikeness {
  // Two to six words: counted before any string is made (this runs on every line with a separator).
  let spaces = 0;
  for (let i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) if (++spaces > 5) return 'none';
  if (spaces === 0) return 'none';
  const words = text.split(' ');
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const edge = i === 0 || i === words.length - 1;
    if (!(nameWord(word, lowerCase) || NICKNAME.test(word) || (!edge && PARTICLES.has(word)))) return 'none';
    if (NEVER_IN_NAMES.has(word.toLowerCase())) return 'none';
    // `Shadow DOM`, `AWS Inspector`: a word in capitals is an acronym, never part of a name.
    if (word.length > 2 && word === word.toUpperCase() && /\p{Lu}{3}/u.test(word)) return 'none';
    // A name ends in a letter: `Katrina Clokie.` ends a sentence, `Joseph K.` is no one.
    if (i === words.length - 1 && !/[\p{L}\p{M}]$/u.test(word)) return 'none';
  }
  const first = words[0];
  return first.length > 1 && first === first.toUpperCase() ? 'shape' : isGivenName(first) ? 'given' : 'shape';
}

/** A capitalised word of letters, apostrophes, dots and hyphens (in lower case too where the file writes so). */
function nameWord(word: string, lowerCase: boolean): boolean {
  const c = word.charCodeAt(0);
  // Plain ASCII words are told at once; others by the Unicode classes.
  if (c < 128 && !(c >= 65 && c <= 90) && !(lowerCase && c >= 97 && c <= 122)) return false;
  return NAME_WORD.test(word) || (lowerCase && LOWER_NAME_WORD.test(word));
}

/** Endings of the words of titles, rare in names: `Kernel Hacking`, `Observability Budgets`, `Incident Management`. */
const TITLE_ENDINGS = /(?:.{3}ing|tions?|sions?|ments?|ness|ities|ity|ics|ences?|ances?|isms?|ogy|ware|ops)$/;

/** A name-shaped text whose words read as a title's: no person without a known given name. */
export function soundsLikeATitle(text: string): boolean {
  const words = text.toLowerCase().split(' ');
  for (let i = 0; i < words.length; i++) if (TITLE_ENDINGS.test(words[i])) return true;
  return false;
}

function isHandle(text: string): boolean {
  return HANDLE.test(text);
}

/** One speaker: a name or a handle (`@priya`). */
function speakerLikeness(text: string, lowerCase: boolean): NameLikeness {
  return isHandle(text) ? 'shape' : nameLikeness(text, lowerCase);
}

/** Names joined by ` and ` or ` & ` (`Alice Smith and Bob Jones`): the likeness of the first, or none. */
function namesLikeness(text: string, lowerCase: boolean): NameLikeness {
  const names = text.split(/ (?:and|&) /);
  let first: NameLikeness = 'none';
  for (let i = 0; i < names.length; i++) {
    const likeness = speakerLikeness(names[i], lowerCase);
    if (likeness === 'none') return 'none';
    if (i === 0) first = likeness;
  }
  return first;
}

/**
 * A name after a comma: one whose first word is a known given name, names joined by `and`, or —
 * in a list of three or more — any name that does not end in a word of organisations.
 */
function laterName(part: string, lowerCase: boolean, namesBefore: number): boolean {
  const likeness = namesLikeness(part, lowerCase);
  if (likeness === 'none') return false;
  if (likeness === 'given' || / (?:and|&) /.test(part)) return true;
  return namesBefore >= 2 && !ORGANISATION_WORDS.has(part.slice(part.lastIndexOf(' ') + 1).toLowerCase()) && !soundsLikeATitle(part);
}

/** Last words of organisations' names (`Quake Sensors Ltd`, `Tidewater Bank`): such a part is no person. */
const ORGANISATION_WORDS = new Set([
  'ltd', 'inc', 'llc', 'gmbh', 'plc', 'corp', 'co', 'ag', 'sa', 'bv', 'labs', 'lab', 'security', 'bank', 'media', 'health', 'analytics',
  'software', 'systems', 'technologies', 'technology', 'tech', 'group', 'solutions', 'consulting', 'cloud', 'data', 'networks',
  'studio', 'studios', 'games', 'university', 'institute', 'foundation', 'digital', 'energy', 'capital', 'partners', 'ventures',
  'sensors', 'retail', 'compilers', 'press', 'agency', 'council', 'government', 'ministry', 'school', 'college', 'hospital', 'airlines',
]);

/** A name without the handle after it in brackets (`Parisa Ahmadi (@parisa_foi)`). */
function withoutHandle(part: string): string {
  const at = part.lastIndexOf(' (@');
  return at > 0 && part.endsWith(')') && BARE_HANDLE.test(part.slice(at + 2, -1)) ? part.slice(0, at) : part;
}

function isRole(part: string): boolean {
  const words = part.toLowerCase().split(/[\s/]+/);
  for (let i = 0; i < words.length; i++) if (ROLE_WORDS.has(words[i])) return true;
  return false;
}

export interface SpeakerRead {
  /** The speakers' text is the first `length` characters (organisation, role and handle left out). */
  readonly length: number;
  /** The organisation, relative to the text read, when it names one. */
  readonly organisation: { readonly start: number; readonly end: number } | null;
  /** The first speaker starts with a known given name. */
  readonly given: boolean;
  /** Only handles (`@priya`), no names. */
  readonly handles: boolean;
}

/** A handle after the names, as people add theirs: ` – @dana`, ` (@dana)`, ` @dana`, `, @dana`. */
function trailingHandle(text: string): number {
  const at = text.lastIndexOf(' @');
  if (at <= 0) return text.length;
  let handle = text.slice(at + 1);
  let before = at;
  if (text[before - 1] === '(' && handle.endsWith(')')) {
    handle = handle.slice(0, -1);
    before--;
  }
  if (!BARE_HANDLE.test(handle)) return text.length;
  let end = before;
  while (end > 0 && ' –—-/,|·'.includes(text[end - 1])) end--;
  // `@priya and @dana` are two speakers, not a name with its handle.
  const names = text.slice(0, end);
  if (end === 0 || names.includes('@') || / (?:and|&)$/.test(names)) return text.length;
  return end;
}

/**
 * Reads `text` (already trimmed) as speakers with an optional organisation and role — `Wen Li
 * (Fastly)`, `Wen Li, Fastly`, `Alice Smith, Bob Jones`, `Dana Whitfield, Staff Engineer, Acme`,
 * `Dana Whitfield – @dana` — or says it is none. `lowerCase`: names may be written in lower case.
 */
export function readSpeakers(text: string, lowerCase = false): SpeakerRead | null {
  if (text.length === 0 || text.length > LONGEST_SPEAKER_TEXT) return null;
  // Tests that allocate nothing first: most texts after a separator are no names (a name may open with a nickname in quotes).
  if (!mayBeSpeakers(text, 0, lowerCase) && !NICKNAME_OPENERS.includes(text[0])) return null;
  let core = trailingHandle(text);
  let organisation: SpeakerRead['organisation'] = null;
  if (text.endsWith(')') && core === text.length) {
    const open = text.lastIndexOf(' (');
    if (open <= 0) return null;
    const inside = text.slice(open + 2, -1);
    if (inside.trim() === '' || inside.length > LONGEST_ORGANISATION || inside.includes('(')) return null;
    core = open;
    // `(Staff Engineer, Acme)`: the organisation is the part that is no role or handle.
    const parts = inside.split(', ');
    if (parts.some((p) => isRole(p) || isHandle(p))) {
      let at = open + 2;
      for (const part of parts) {
        if (!isRole(part) && !isHandle(part)) organisation = { start: at, end: at + part.length };
        at += part.length + 2;
      }
    } else organisation = { start: open + 2, end: text.length - 1 };
  }
  // `Wen Li from Fastly`, `Wen Li at Fastly`: names before the word, an organisation after it.
  if (organisation === null) {
    const word = /(?: from | at )/.exec(text.slice(0, core));
    if (word && word.index > 0 && namesLikeness(text.slice(0, word.index), lowerCase) !== 'none') {
      const start = word.index + word[0].length;
      if (core - start > 0 && core - start <= LONGEST_ORGANISATION) {
        organisation = { start, end: core };
        core = word.index;
      }
    }
  }
  const parts = text.slice(0, core).split(', ');
  // The names first (a second one after a comma starts with a known given name: `Wen Li, Bob
  // Jones`; `Ayesha Karim, Kestrel Security` is a speaker and her organisation), then roles,
  // handles and at most one organisation, in any order (`Head of Data, Municipalidad de Valparaíso`).
  let named = 1;
  while (named < parts.length && !isRole(parts[named]) && !isHandle(parts[named]) && laterName(withoutHandle(parts[named]), lowerCase, named)) named++;
  if (named < parts.length) {
    let at = parts.slice(0, named).join(', ').length;
    const namesEnd = at;
    for (let i = named; i < parts.length; i++) {
      const start = at + 2;
      const part = parts[i];
      if (part.trim() === '' || part.length > LONGEST_ORGANISATION) return null;
      if (organisation === null && !isRole(part) && !isHandle(part)) organisation = { start, end: start + part.length };
      at = start + part.length;
    }
    core = namesEnd;
  }
  let given = false;
  let handles = true;
  for (let i = 0; i < named; i++) {
    const name = withoutHandle(parts[i]);
    const likeness = namesLikeness(name, lowerCase);
    if (likeness === 'none') return null;
    if (i === 0) given = likeness === 'given';
    if (!name.split(/ (?:and|&) /).every(isHandle)) handles = false;
    // `Parisa Ahmadi (@parisa_foi), investigative journalist`: the handle is no part of the speaker.
    if (i === named - 1 && name.length < parts[i].length) core -= parts[i].length - name.length;
  }
  return { length: core, organisation, given, handles };
}

/**
 * Could `text` be read as speakers at all? A test of its first two words that allocates nothing,
 * so that it can run on every bullet: a name has two capitalised words (or a particle between).
 */
export function mayBeSpeakers(text: string, from: number, lowerCase: boolean): boolean {
  const first = text[from] ?? '';
  if (first === '@') return true;
  if (!isUpper(first) && !(lowerCase && isLower(first))) return false;
  const space = text.indexOf(' ', from);
  if (space < 0 || space - from > 30) return false;
  const second = text[space + 1] ?? '';
  if (isUpper(second) || second === '@' || second === '‘' || second === '“' || second === '"' || second === "'" || lowerCase) return true;
  const particleEnd = text.indexOf(' ', space + 1);
  return particleEnd > space && particleEnd - space <= 4 && PARTICLES.has(text.slice(space + 1, particleEnd));
}

function isUpper(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

function isLower(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 128) return code >= 97 && code <= 122;
  return c !== c.toUpperCase() && c === c.toLowerCase();
}

/** Words that introduce the speakers on a line of their own: `Speaker: Dana`, `by Dana`, `Presented by Dana`. */
const SPEAKER_WORDS = ['speakers', 'speaker', 'presenters', 'presenter', 'presented by', 'given by', 'talk by', 'by', 'with', 'hosted by', 'hosts', 'host', 'moderator', 'panellists', 'panelists'];
const SPEAKER_PREFIX = new RegExp(`^(?:(?:${SPEAKER_WORDS.join('|')})\\s*[:–—-]?\\s+|[–—]\\s*)`, 'i');

/** Could the text from `from` start with such a word? Plain string tests: this runs on every bullet. */
function mayBeLabelled(text: string, from: number): boolean {
  const c = text[from] ?? '';
  if (c === '–' || c === '—') return true;
  for (const word of SPEAKER_WORDS) if (text.startsWith(word, from) || (c === word[0].toUpperCase() && text.startsWith(word.slice(1), from + 1))) return true;
  return false;
}

/** A line that only names the talk's speakers (below its title, or as its first bullet). Offsets relative to `text`. */
export interface SpeakerLine {
  readonly speaker: { readonly start: number; readonly end: number };
  readonly organisation: { readonly start: number; readonly end: number } | null;
  readonly given: boolean;
  /** Written with a word that says so (`Speaker: …`, `by …`): a speaker whatever the name looks like. */
  readonly labelled: boolean;
  /** Its names are written in lower case: speakers only in a file written so. */
  readonly lowerCase: boolean;
}

/** `text` from `from` (trimmed) read as a line that names only speakers, or null. */
export function speakerLine(text: string, from: number, lowerCase: boolean): SpeakerLine | null {
  // Tests that allocate nothing first: this runs on every bullet of a file.
  const speakers = mayBeSpeakers(text, from, lowerCase);
  if ((!speakers && !mayBeLabelled(text, from)) || text.length - from > LONGEST_SPEAKER_LINE) return null;
  const rest = text.slice(from).trimEnd();
  const prefix = SPEAKER_PREFIX.exec(rest);
  const at = prefix ? prefix[0].length : 0;
  if (!prefix && !speakers) return null;
  const names = rest.slice(at);
  // `Property-Based Testing at Scale – Aylin Demir` is a talk line; `Dana Whitfield – @dana` and
  // `Mariana Costa — Mercado Libre` name one person (and her organisation).
  const dash = /\s[–—-]-?\s/.exec(names);
  if (dash && !BARE_HANDLE.test(names.slice(dash.index + dash[0].length).trim())) {
    const before = readSpeakers(names.slice(0, dash.index), lowerCase);
    const after = names.slice(dash.index + dash[0].length);
    // `Yuki Morimoto — Go contributor`: a role after the dash says the name is a person's; a date (a byline) is no organisation.
    if (!before || before.organisation || !(before.given || isRole(after)) || isDate(after)) return null;
    const orgStart = dash.index + dash[0].length;
    const base = from + at;
    const organisation = isRole(after) ? null : { start: base + orgStart, end: base + names.length };
    const shown = text.slice(base, base + before.length);
    return { speaker: { start: base, end: base + before.length }, organisation, given: before.given, labelled: prefix !== null || isRole(after), lowerCase: !before.handles && shown === shown.toLowerCase() };
  }
  const read = readSpeakers(names, lowerCase);
  if (!read) return null;
  const base = from + at;
  return {
    speaker: { start: base, end: base + read.length },
    organisation: read.organisation ? { start: base + read.organisation.start, end: base + read.organisation.end } : null,
    given: read.given,
    labelled: prefix !== null,
    lowerCase: !read.handles && names === names.toLowerCase(),
  };
}

/** A bullet's text read as naming only speakers (a talk's first bullet), remembered for the next parses. */
const bulletSpeakers = new TextMemo((line) => {
  const bullet = bulletShape(line);
  if (!bullet) return null;
  const text = line.trimEnd();
  // Read in lower case where the bullet is written so: whether the file is, its reader decides (`SpeakerLine.lowerCase`).
  const shown = text.slice(bullet.textStart);
  return speakerLine(text, bullet.textStart, shown === shown.toLowerCase() && /\p{L}/u.test(shown));
});

export function bulletSpeakerLine(line: string): SpeakerLine | null {
  return bulletSpeakers.get(line);
}
