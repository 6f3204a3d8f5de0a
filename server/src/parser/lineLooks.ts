/**
 * How an unindented line of text looks on its own (docs/FORMAT.md, "Headings and prose"): a
 * heading (short, no sentence ending) or prose (sentences), a lead-in to a list, a day, the
 * words of a post's own title. One scan over the line's words; the parser combines this with
 * the line's neighbours and the file's conventions.
 */
import { isSpace, slotEnd, YEAR } from './lineRules';

export interface LineLook {
  readonly words: number;
  /** It has letters (`!` or `2019` alone is no heading). */
  readonly letters: boolean;
  /** Reads as a sentence (docs/FORMAT.md lists the signs): never a heading of its own. */
  readonly prose: boolean;
  /** Unmistakably prose — it ends a sentence, or is far too long for a title: not even a talk line with a speaker. */
  readonly sentence: boolean;
  /** About the page, not the talks (`Share this:`, `8 min read`, `#go #conference`) or a note to self (`todo: …`): no notes either. */
  readonly meta: boolean;
  /** A date and nothing else (`3 December 2023`, `Nov 2023`). */
  readonly date: boolean;
  /** Ends with `:` and introduces what follows (`My key takeaways were:`, `Resources:`). */
  readonly leadIn: boolean;
  /** Names only a day: `Day 2`, `First Day`, `Wednesday`, `Thursday, 14 March`. */
  readonly day: boolean;
  /** Holds the words of a post's own title: a year, `notes`, `recap`, `summary`, `day one`… */
  readonly postTitle: boolean;
  /** Its first letter is lower case. */
  readonly lowerCase: boolean;
  /** Every letter is lower case (`keynote (ana lima)`). */
  readonly allLowerCase: boolean;
  /** A break in the programme, after its time maybe: `Coffee`, `12:00 Lunch`, `10:30 break`. */
  readonly breakTime: boolean;
  /** Groups talks or lists them: `Theme: Growing people`, `Track 2:`, `Contents`, `Table of contents`. */
  readonly group: boolean;
  /** A part of the post, not of a talk: `Final thoughts`, `Wrap-up`, `Conclusion`. */
  readonly postPart: boolean;
}

/** Words of a break in the programme. */
const BREAKS = new Set(['coffee', 'lunch', 'break', 'tea', 'dinner', 'breakfast', 'drinks', 'registration', 'snacks', 'afternoon tea', 'morning tea', 'networking']);
// No two runs of white space that can take the same spaces: a long run after `Room` stays linear.
const GROUP_PREFIX = /^(?:theme|track|stream|room|stage|block|hall)\s*(?:(?:\d+|[a-z])\s*)?[:–—-]\s*\S|^(?:track|room|stage|hall)\s+(?:\d+|[a-z])\s*:?$/i;
const LIST_HEADINGS = new Set(['contents', 'table of contents', 'toc', 'in this post', 'index', 'agenda', 'schedule', 'programme', 'program', 'watch list', 'reading list', 'links', 'talks i missed', 'to watch', 'watch later']);
const POST_PARTS = new Set([
  'closing thoughts', 'final thoughts', 'final words', 'wrap-up', 'wrap up', 'wrapping up', 'conclusion', 'conclusions', 'in conclusion',
  'overall', 'in summary', 'summary', 'tl;dr', 'tldr', 'afterword', 'epilogue', 'and finally', 'finally', "what's next", 'what’s next',
  'next year', 'thanks', 'thank you', 'acknowledgements', 'misc', 'miscellaneous', 'other notes', 'other bits', 'random notes',
]);

/** Thanks to the organisers, at the end of a post. */
const THANKS_FIRST = /^(?:thanks|thank you|many thanks|big thanks|kudos|shout-?outs?|cheers|teşekkürler|danke|merci|gracias|obrigad[oa]|grazie|dziękuję|kia ora)(?![\p{L}])/iu;
const THANKS_TO = /\b(?:to|for) (?:the|all the|our) (?:organi[sz]ers|volunteers)\b/;
/** `lowered`: the line in lower case; the second pattern, searched through the line, only where its words are. */
const isThanks = (text: string, lowered: string) =>
  THANKS_FIRST.test(text) || ((lowered.includes('organi') || lowered.includes('volunteer')) && THANKS_TO.test(lowered));

/** How many words a text has. */
function wordsOf(text: string): number {
  let n = 0;
  for (const w of text.split(/\s+/)) if (w !== '') n++;
  return n;
}

/** A break in the programme: after its slot, at most six words, the first (or first two) a break's (`Coffee`, `Morning tea`, `Lunch 🥘 (paella, obviously)`). */
function isBreak(bares: readonly string[], from: number): boolean {
  if (bares.length - from > 6 || from >= bares.length) return false;
  return BREAKS.has(bares[from]) || (from + 1 < bares.length && BREAKS.has(`${bares[from]} ${bares[from + 1]}`));
}

/**
 * Words that make a sentence of a line: subject pronouns, verbs in the past, talk about the talk.
 * Not `we`, `you`, `us`: titles have them (`What We Learned`, `Security for the Rest of Us`).
 */
const SENTENCE_WORDS = new Set([
  'i', "i'm", 'i’m', "i've", 'i’ve', "i'd", 'i’d', "i'll", 'i’ll', "we're", 'we’re', "we've", 'we’ve', 'he', 'she', 'they', "they're",
  'they’re', 'was', 'were', 'had', 'did', "didn't", 'didn’t', "wasn't", 'wasn’t', "weren't", 'weren’t', "couldn't", 'couldn’t',
  'would', 'could', 'got', 'went', 'said', 'told', 'thought', 'felt', 'seemed', 'really', 'very', 'quite', 'lots', 'also', 'which',
  'because', 'although', 'talked', 'spoke', 'covered', 'mentioned', 'shared', 'showed', 'gave', 'explained', 'discussed', 'enjoyed',
  'liked', 'loved', 'missed', 'grabbed', 'walked', 'took', 'kicked', 'presented', 'described', 'argued', 'his', 'their',
]);
/** Words a line of prose may end with when it is wrapped (its sentence goes on below). */
/** Not `in`, `on`, `up`, `for`: titles end with them (`Dataset Cards You'll Actually Fill In`, `What It's For`). */
const CONTINUING_WORDS = new Set(['and', 'or', 'but', 'the', 'a', 'an', 'of', 'to', 'with', 'from', 'that', 'which', 'as', 'is', 'are', 'was', 'were', 'so', 'if', 'than', 'into', 'when']);
/** A line starting with one of these and going on is a sentence (`We had…`, `This was…`). */
const SUBJECTS = new Set(['i', 'we', 'he', 'she', 'they', 'it', "it's", 'it’s', 'there', 'this', 'these', 'those', 'that', 'here', 'my', 'our', 'his', 'her', 'their', 'then', 'after', 'also', 'so', 'overall', 'afterwards', 'later', 'next']);
/** Last words of a lead-in to a list: `Key takeaways:`, `Links:`, `The agenda was as follows:`. */
const LIST_WORDS = new Set([
  'takeaways', 'takeaway', 'points', 'notes', 'links', 'resources', 'questions', 'thoughts', 'lessons', 'learnings', 'highlights', 'tips',
  'tools', 'examples', 'references', 'slides', 'summary', 'conclusions', 'ideas', 'things', 'items', 'follows', 'include', 'includes',
  'included', 'below', 'here', 'are', 'were', 'was', 'is', 'be', 'topics', 'agenda', 'contents', 'outline', 'list', 'bits', 'stuff',
  'quotes', 'recommendations', 'steps', 'options', 'benefits', 'problems', 'issues', 'goals', 'challenges', 'requirements', 'features',
  'reasons', 'observations', 'suggestions', 'findings', 'details', 'talks', 'sessions', 'watch', 'later', 'reading', 'todo', 'to-do',
]);
const WEEKDAYS = 'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun';
const MONTHS = 'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec';
const ORDINALS = 'first second third fourth fifth sixth seventh last final one two three four five six seven i ii iii iv v vi';
const ORDINAL_SET = new Set(ORDINALS.split(' '));
/** Words a day line is made of, beyond a weekday or `day` and a number. */
const DAY_WORDS = new Set([...`${WEEKDAYS} ${MONTHS} ${ORDINALS} day the of morning afternoon evening am pm and main conference talks sessions tutorials workshops sprints keynotes track`.split(' ')]);
const WEEKDAY_SET = new Set(WEEKDAYS.split(' '));
const MONTH_SET = new Set(MONTHS.split(' '));
const PARTS_OF_DAY = new Set(['morning', 'afternoon', 'evening']);
/** Words beside a part of the day in a line that groups talks: `The afternoon talks`, `Morning session`. */
const GROUP_WORDS = new Set(['the', 'talks', 'sessions', 'session', 'track', 'keynotes', 'block', 'late', 'early', 'mid']);
const POST_TITLE_WORDS = new Set(['notes', 'recap', 'summary', 'write-up', 'writeup', 'wrap-up', 'wrapup', 'highlights', 'takeaways', 'impressions', 'diary', 'journal', 'retrospective', 'roundup', 'round-up', 'learnings', 'my']);
/** Longer than any title: 18 words (titles with their speaker reach 16). */
const MOST_TITLE_WORDS = 18;
/** Longer than any line with its speaker: a paragraph, whatever it ends with. */
const MOST_TALK_LINE_WORDS = 30;

const OPENERS = '“"‘\'([«';
const CLOSERS = '”"’\')]»';

/** Words whose full stop ends no sentence: `Go vs. Rust`, `e.g. this`. */
const ABBREVIATIONS = new Set(['vs', 'etc', 'eg', 'ie', 'cf', 'approx', 'incl', 'ca', 'dr', 'mr', 'mrs', 'ms', 'st', 'jr', 'sr', 'no', 'vol', 'inc', 'ltd', 'co', 'prof', 'fig']);
const isLetter = (c: string) => c !== '' && c.toLowerCase() !== c.toUpperCase();

/**
 * A full stop inside the line ends a sentence: after a word of two letters or more that is no
 * abbreviation, then white space, before a capital (in a line written all in lower case, before
 * any letter). Each full stop is looked at where it stands: no expression that backtracks over a
 * long run of letters.
 */
function hasSentenceBreak(text: string, allLowerCase: boolean): boolean {
  for (let dot = text.indexOf('.'); dot >= 0; dot = text.indexOf('.', dot + 1)) {
    let after = dot + 1;
    if ('"”’)'.includes(text[after] ?? '\n')) after++;
    if (!isSpace(text.charCodeAt(after))) continue;
    while (after < text.length && isSpace(text.charCodeAt(after))) after++;
    const next = text[after] ?? '';
    if (!isLetter(next) || (!allLowerCase && next === next.toLowerCase())) continue;
    // The word before the stop: letters only, looked at back to 20 of them.
    let start = dot;
    while (start > 0 && dot - start < 20 && isLetter(text[start - 1])) start--;
    const word = text.slice(start, dot);
    if (word.length >= 2 && word !== word.toUpperCase() && !ABBREVIATIONS.has(word.toLowerCase())) return true;
  }
  return false;
}

/** `text` without the characters of `chars` at its end: a loop (`[…]+$` is quadratic on a long run). */
function withoutEnd(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1])) end--;
  return text.slice(0, end);
}

/** `lowered`'s words (split where `text` has white space) without the quotes, brackets and punctuation around them. */
function bareWords(words: readonly string[], lowered: string, text: string): string[] {
  // Lower case may change a word's length (`İ`): then each word is lowered by itself.
  const aligned = lowered.length === text.length;
  const bares = new Array<string>(words.length);
  let at = 0;
  for (let w = 0; w < words.length; w++) {
    const word = words[w];
    at = text.indexOf(word, at);
    let start = 0;
    let end = word.length;
    while (start < end && OPENERS.includes(word[start])) start++;
    while (end > start && (CLOSERS.includes(word[end - 1]) || '.,;:!?'.includes(word[end - 1]))) end--;
    bares[w] = aligned ? lowered.slice(at + start, at + end) : word.slice(start, end).toLowerCase();
    at += word.length;
  }
  return bares;
}

/** The look of `text` (trimmed, unindented). */
export function lineLook(text: string): LineLook {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  const n = words.length;
  const end = withoutEnd(text, CLOSERS);
  const last = end[end.length - 1] ?? '';
  const lastWordText = n > 0 ? words[n - 1] : '';
  // `etc.`, `3 a.m.`, `Inc.`: abbreviations end no sentence.
  const endsSentence = last === '.' && !end.endsWith('..') && !/^(?:etc|vs|inc|ltd|co|jr|sr|dr|no|vol|[\p{L}]|(?:[\p{L}]\.)+[\p{L}])\.[”"’')\]]*$/iu.test(lastWordText);
  const lowered = text.toLowerCase();
  const allLowerCase = lowered === text && /\p{L}/u.test(text);
  // In a line written all in lower case, a full stop inside ends a sentence whatever follows it.
  const innerSentence = hasSentenceBreak(text, allLowerCase);
  const endsColon = last === ':';
  const bares = bareWords(words, lowered, text);
  const lastWord = n > 0 ? bares[n - 1] : '';
  let sentenceWords = 0;
  let postTitleWord = false;
  for (let i = 0; i < n; i++) {
    if (SENTENCE_WORDS.has(bares[i])) sentenceWords++;
    if (POST_TITLE_WORDS.has(bares[i])) postTitleWord = true;
  }
  // `How We Lost a Datacenter and Kept Serving`: a title in title case may hold the words of a sentence.
  const titleCase = isTitleCase(words);
  const subjectFirst = n >= 4 && SUBJECTS.has(bares[0]) && !titleCase;
  const continues = (last === ',' || last === ';' || CONTINUING_WORDS.has(lastWord)) && n >= 3;
  // `Lightning talks:` heads its talks: no lead-in, though `talks` ends it.
  const leadIn = endsColon && !(n <= 3 && headsTalks(text, lowered)) && (n >= 6 || sentenceWords > 0 || subjectFirst || LIST_WORDS.has(lastWord) || (n >= 2 && LIST_WORDS.has(bares[n - 2])));
  const meta = META.test(text) || (lowered.includes(' read') && MINUTES_READ.test(lowered)) || NOTE_TO_SELF.test(text) || isTagLine(words);
  const sentence = endsSentence || n > MOST_TALK_LINE_WORDS || meta;
  const talky = !titleCase && (sentenceWords >= 2 || (sentenceWords >= 1 && n >= 7));
  const prose = sentence || innerSentence || leadIn || continues || n > MOST_TITLE_WORDS || talky || subjectFirst;
  return {
    words: n,
    letters: /\p{L}/u.test(text),
    prose,
    sentence,
    meta,
    date: n <= 5 && isDate(text),
    leadIn,
    day: n <= 6 && isDay(bares),
    postTitle: postTitleWord || YEAR.test(text) || (lowered.includes('day') && /\bdays?\b/.test(lowered)),
    lowerCase: /^\P{L}*\p{Ll}/u.test(text),
    allLowerCase,
    breakTime: isBreak(bares, wordsOf(text.slice(0, slotEnd(text)))),
    group: GROUP_PREFIX.test(text) || (n <= 4 && LIST_HEADINGS.has(withoutEnd(lowered, ': '))),
    postPart: (n <= 4 && POST_PARTS.has(withoutEnd(lowered, ':.! '))) || isThanks(text, lowered),
  };
}

const HEADS_TALKS = /(?:^|[^\p{L}])(?:lightn?ing (?:talks?|rounds?|sessions?)|open spaces?|unconference|ignites?|ignite talks?)(?![\p{L}])/iu;
/** It heads talks of its own (`Lightning talks`, `Open spaces`), tested as plain strings first. */
export function headsTalks(text: string, lower = text.toLowerCase()): boolean {
  return (lower.includes('light') || lower.includes('open space') || lower.includes('unconference') || lower.includes('ignite')) && HEADS_TALKS.test(text);
}

/** Lines about the post, not the talks: `Posted 14 March · 6 min read`, `Tags: …`. */
const META =
  /^(?:(?:posted|published|updated|edited|written)(?: on| in| by| at|:)|filed under|originally published|tags?:|categories:|category:|share this|like this|share(?: on \w+)?:?$|tweet(?: this)?:?$|follow$|listen$|sign (?:in|up)$|member-only story$|open in app$|related(?: posts)?:?$|\d+ comments?$|comments?(?: \(\d+\))?:?$|leave a (?:comment|reply)|todo:|to-do:|to do:|todo$|note to self|follow[- ]up:)/i;
/** `8 min read`, anywhere in the line (looked for only where ` read` is). */
const MINUTES_READ = /\b\d+\s+min(?:ute)?s? read\b/;

/** A note to self, written as one: `todo after conf`, `TODO: slides` (`Todo Apps in Rust` is a title). */
const NOTE_TO_SELF = /^(?:todo|TODO|to-do|TO-DO)\b/;

/** A line of hashtags only (`#go #conference #backend`). */
function isTagLine(words: readonly string[]): boolean {
  if (words.length === 0) return false;
  for (const w of words) if (w.length < 2 || w[0] !== '#') return false;
  return true;
}

/** Most words of four letters or more start with a capital (`How We Lost a Datacenter and Kept Serving`). */
function isTitleCase(words: readonly string[]): boolean {
  let long = 0;
  let capitalised = 0;
  for (const w of words) {
    let letters = 0;
    let upper = false;
    for (let i = 0; i < w.length; i++) {
      const code = w.charCodeAt(i);
      const ascii = code < 128;
      const isLetter = ascii ? (code >= 65 && code <= 90) || (code >= 97 && code <= 122) : w[i].toLowerCase() !== w[i].toUpperCase();
      if (!isLetter) continue;
      if (letters++ === 0) upper = ascii ? code <= 90 : w[i] !== w[i].toLowerCase();
    }
    if (letters < 4) continue;
    long++;
    if (upper) capitalised++;
  }
  return long >= 2 && capitalised >= 0.75 * long;
}

/**
 * A day line: a weekday, or `day` with a number or ordinal, and nothing but date words; or a part
 * of the day that groups talks (`Afternoon`, `The morning talks`, `Evening`).
 */
function isDay(words: readonly string[]): boolean {
  if (words.length === 0 || words.length > 6) return false;
  let weekday = false;
  let day = false;
  let counted = false;
  let partOfDay = false;
  let other = 0;
  for (const w of words) {
    if (w === '' || /^[–—\-:,/()]+$/.test(w)) continue;
    if (PARTS_OF_DAY.has(w)) partOfDay = true;
    else if (GROUP_WORDS.has(w)) other++;
    else if (WEEKDAY_SET.has(w)) weekday = true;
    else if (w === 'day') day = true;
    else if (/^\d{1,4}(?:st|nd|rd|th)?$/.test(w) || /^\d{1,2}[./-]\d{1,2}(?:[./-]\d{2,4})?$/.test(w)) counted = true;
    else if (ORDINAL_SET.has(w)) counted = true;
    else if (!DAY_WORDS.has(w)) return false;
  }
  return weekday || (day && counted) || (partOfDay && other <= 2);
}

/** A date and nothing else: `3 December 2023`, `Nov 2023`, `2023-11-04`. */
export function isDate(text: string): boolean {
  // Most titles hold no digit: told before any string is made.
  if (!/\d/.test(text) || text.length > 40) return false;
  const words = text.toLowerCase().split(/[\s,./–—-]+/).filter((w) => w.length > 0);
  if (words.length === 0 || words.length > 5) return false;
  return words.every((w) => /^\d{1,4}(?:st|nd|rd|th)?$/.test(w) || MONTH_SET.has(w) || WEEKDAY_SET.has(w));
}
