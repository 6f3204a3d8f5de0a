/**
 * What stands around each opener (its speaker line, what follows it) and what the file shows of
 * its conventions, learnt from the lines that can be read only one way (docs/FORMAT.md, "What is
 * learnt from the file"). readings.ts decides by them.
 */
import type { LineFacts } from './lineFacts';
import type { LineLook } from './lineLooks';
import { NO_MARK, Role, type LineScan, type Mark, type Opener } from './lineScan';
import { bulletSpeakerLine, soundsLikeATitle, type SpeakerLine } from './names';
import { namesATalk, namesItsSpeaker, type TitleShape } from './talkLines';

/** What follows a heading: bullets (maybe after a lead-in or a line about the page), text, another heading, or nothing (a rule, a header, the end). */
export type Body = 'bullets' | 'bullets after a lead-in' | 'text' | 'heading' | 'none';

/** One opener and what stands around it. */
export interface Around {
  readonly opener: Opener;
  readonly facts: LineFacts;
  readonly look: LineLook;
  readonly title: TitleShape;
  /** A line naming only speakers right below the heading (or after one blank line), or -1, and how it reads. */
  readonly below: number;
  readonly belowSpeakers: SpeakerLine | null;
  readonly belowAfterBlank: boolean;
  readonly body: Body;
  /** Right below it stands a line about the page (`Posted on …`, `Follow`) or a date: it is a byline, if it names a person. */
  readonly beforeMeta: boolean;
  /** The first bullet below the heading, or -1 (`firstBulletSpeakers` says whether it names only speakers). */
  readonly firstBullet: number;
  /** Its reading, once asked. */
  bulletSpeakers?: SpeakerLine | null;
}

/**
 * The first bullet read as naming only the talk's speakers (`• Dana Whitfield, Acme`), or null.
 * Read when asked, for the headings that name no speaker otherwise: most do, and this reads text.
 */
export function firstBulletSpeakers(here: Around, content: (line: number) => string): SpeakerLine | null {
  if (here.bulletSpeakers === undefined) here.bulletSpeakers = here.firstBullet >= 0 ? bulletSpeakerLine(content(here.firstBullet)) : null;
  return here.bulletSpeakers;
}

/** What the file shows of its conventions. */
export interface Conventions {
  /** Names are written in lower case too: the file writes everything so. */
  readonly lowerCase: boolean;
  /** Talk lines are written `Speaker, Title`. */
  readonly commaFirst: boolean;
  /** Speakers stand on the line below the title, or as its first bullet (names without a known given name count there). */
  readonly speakerBelow: boolean;
  readonly speakerBullet: boolean;
  /** Talks are headed by their speaker's name alone (`Priya Raman`, then notes). */
  readonly namesAsTalks: boolean;
  /** The mark of the file's talk headings (an underline, `#`s, a rule before them), or null: the file marks none. */
  readonly talkMark: Mark | null;
}

/** Headings are short: a line of more words is read as a heading only when it names a speaker. */
export const MOST_HEADING_WORDS = 14;

/** Every opener with what stands around it, in order. */
export function* surroundingsOf(scan: LineScan, facts: readonly LineFacts[], lowerCase: boolean, step: number): Generator<void, Around[], void> {
  const around: Around[] = new Array(scan.openers.length);
  for (let i = 0; i < scan.openers.length; i++) {
    if (i % step === step - 1) yield;
    around[i] = surroundings(scan.openers[i], facts, scan.roles, lowerCase);
  }
  return around;
}

function surroundings(opener: Opener, facts: readonly LineFacts[], roles: Uint8Array, lowerCase: boolean): Around {
  const f = facts[opener.line];
  let below = -1;
  let next = opener.unitEnd + 1;
  // Right below, or after blank lines: how many does not matter (Format Document may take some away).
  while (next < facts.length && facts[next].blank) next++;
  if (next < facts.length) {
    const role = roles[next];
    const candidate = facts[next];
    const speakers = candidate.speakers;
    if ((role === Role.Opener || role === Role.Follower) && speakers && (!speakers.lowerCase || lowerCase) && !candidate.look!.sentence) below = next;
  }
  let body: Body = 'none';
  let firstBullet = -1;
  // Notes follow the speaker line right below; a name after a blank line may be the first of them.
  const from = (below >= 0 && below === opener.unitEnd + 1 ? below : opener.unitEnd) + 1;
  // Lines about the page (`Posted on …`) and lead-ins are skipped, a few at most: a file of nothing else stays linear.
  let skipped = 0;
  for (let l = from; l < facts.length; l++) {
    const g = facts[l];
    if (g.blank) continue;
    // A lead-in (`I only wrote down two of them:`) is no notes of the heading: what it leads into is.
    if ((g.look?.meta || (g.look?.leadIn && roles[l] === Role.Opener)) && ++skipped <= 3) continue;
    const role = roles[l];
    if (g.bullet) {
      body = skipped === 0 ? 'bullets' : 'bullets after a lead-in';
      firstBullet = l;
    } else if (g.indented || role === Role.Follower || role === Role.Wrap) body = 'text';
    else if (role === Role.Opener) body = looksLikeNotes(g.look!, lowerCase) && !namesATalk(g.title!) ? 'text' : 'heading';
    break;
  }
  const nextLine = opener.unitEnd + 1 < facts.length ? facts[opener.unitEnd + 1] : null;
  return {
    opener,
    facts: f,
    beforeMeta: nextLine?.look?.meta === true || nextLine?.look?.date === true,
    look: f.look!,
    title: f.title!,
    below,
    belowSpeakers: below >= 0 ? facts[below].speakers : null,
    belowAfterBlank: below > opener.unitEnd + 1,
    body,
    firstBullet,
  };
}

/** A line that reads as notes, not as a heading: prose, long, or lower case in a file that capitalises its headings. */
function looksLikeNotes(look: LineLook, lowerCase: boolean): boolean {
  return look.prose || look.words > MOST_HEADING_WORDS || (look.lowerCase && !lowerCase);
}

/** Notes follow the heading. */
export const hasBody = (here: Around) => here.body !== 'heading' && here.body !== 'none';

/** Bullets are what follows the heading. */
export const hasBullets = (here: Around) => here.body === 'bullets' || here.body === 'bullets after a lead-in';

/** A line that may be a heading by its look alone (docs/FORMAT.md, "Headings and prose"). */
export function headingLook(here: Around, lowerCase: boolean): boolean {
  const look = here.look;
  return !look.prose && !look.leadIn && !look.day && look.letters && look.words <= MOST_HEADING_WORDS && (!look.lowerCase || lowerCase || hasBullets(here));
}

/** The file's conventions, from its openers. */
export function* learn(scan: LineScan, around: readonly Around[], content: (line: number) => string, step: number): Generator<void, Conventions, void> {
  const lowerCase = isLowerCaseFile(scan);
  let comma = 0;
  const belowNames = new PlaceCount();
  const bullet = new PlaceCount();
  const names = new PlaceCount();
  let headings = 0;
  let below = -1;
  for (let i = 0; i < around.length; i++) {
    if (i % step === step - 1) yield;
    const here = around[i];
    // A line right below a heading (its speaker line, maybe: a talk line would have a blank line
    // before it) shows nothing of how talk lines are written.
    const isBelow = here.opener.line === below;
    below = here.belowAfterBlank ? -1 : here.below;
    if (here.look.prose || isBelow) continue;
    const named = namesItsSpeaker(here.title);
    const commaGiven = here.title.comma?.given === true;
    if (commaGiven && !named) comma++;
    if (named || commaGiven || !headingLook(here, lowerCase)) continue;
    headings++;
    if (here.belowSpeakers && !here.belowAfterBlank) belowNames.add(here.belowSpeakers, content(here.below));
    else if (firstBulletSpeakers(here, content) && (!firstBulletSpeakers(here, content)!.lowerCase || lowerCase)) bullet.add(firstBulletSpeakers(here, content)!, content(here.firstBullet));
    else if (here.facts.speakers && !here.facts.speakers.labelled && (!here.facts.speakers.lowerCase || lowerCase) && hasBody(here)) names.add(here.facts.speakers, content(here.opener.line));
  }
  return {
    lowerCase,
    commaFirst: comma >= 2,
    speakerBelow: belowNames.convention(headings, 2),
    speakerBullet: bullet.convention(headings, 2),
    namesAsTalks: names.convention(headings, 3),
    talkMark: talkMarkOf(around),
  };
}

/**
 * Names found in one place (below the titles, first bullets, the headings themselves): those
 * with a known given name, and those with only a name's shape that does not sound like a title.
 */
class PlaceCount {
  given = 0;
  shaped = 0;
  add(s: SpeakerLine, line: string): void {
    if (s.given || s.labelled) this.given++;
    else if (!soundsLikeATitle(line.slice(s.speaker.start, s.speaker.end))) this.shaped++;
  }
  /**
   * The file puts names there: two with a known given name, or `least` names of either kind
   * making half of its headings (`Chidinma Okafor`, `Tunde Bakare` as first bullets).
   */
  convention(headings: number, least: number): boolean {
    const all = this.given + this.shaped;
    return this.given >= 2 || (all >= least && all * 2 >= headings);
  }
}

/** Most of the file's openers are written all in lower case (`keynote (ana lima)`). */
export function isLowerCaseFile(scan: LineScan): boolean {
  return scan.openersWithLetters >= 3 && scan.lowerCaseOpeners >= 0.8 * scan.openersWithLetters;
}

/**
 * Which mark the file gives its talk headings (docs/FORMAT.md, "Rules and underlines"): of the
 * marks used on two headings or more (day lines, groups and breaks not counted), the one whose
 * headings name a speaker most often — the best-ranked of those within 20 points of it (`#` before
 * underlines before rules, `=` before `-`: their numbers). Null when the file marks no headings,
 * or marks fewer than it names talks otherwise: a stray rule or two among `Title by Speaker`
 * lines makes no talk mark.
 */
function talkMarkOf(around: readonly Around[]): Mark | null {
  const counts = new Map<Mark, { n: number; named: number }>();
  let namedUnmarked = 0;
  for (let i = 0; i < around.length; i++) {
    const here = around[i];
    const mark = here.opener.mark;
    if (here.look.day || here.look.group || here.look.breakTime) continue;
    const named = namesItsSpeaker(here.title) || here.title.last?.separator === 'paren' || (here.belowSpeakers !== null && (!here.belowAfterBlank || here.belowSpeakers.labelled)) || here.title.slot;
    if (mark === NO_MARK) {
      if (namesItsSpeaker(here.title) && !here.look.prose) namedUnmarked++;
      continue;
    }
    const c = counts.get(mark) ?? { n: 0, named: 0 };
    c.n++;
    if (named) c.named++;
    counts.set(mark, c);
  }
  let bestShare = -1;
  for (const c of counts.values()) if (c.n >= 2) bestShare = Math.max(bestShare, c.named / c.n);
  let best: Mark | null = null;
  for (const [mark, c] of counts) if (c.n >= 2 && c.named / c.n >= bestShare - 0.2 && (best === null || mark < best)) best = mark;
  return best !== null && counts.get(best)!.n >= namedUnmarked ? best : null;
}

/** What the talks that say they are talks show (docs/FORMAT.md, "What is learnt from the file"). */
export interface TalkConventions {
  /** They break into sub-headings: a speakerless heading with notes after such a talk is its section. */
  readonly sectionsUsed: boolean;
  /** They carry bullets, never text: text under a speakerless heading is a paragraph, not a talk. */
  readonly carryBullets: boolean;
}

/**
 * From the openers that say they are talks (`bySelf`, parallel to `around`): two headings with
 * notes under one of them (or one under a talk with no notes of its own) make sections. Openers
 * that a talk above takes as its speaker line are skipped.
 */
export function* learnFromTalks(
  around: readonly Around[],
  bySelf: ReadonlyArray<{ readonly headsTalks: boolean; readonly speakerLine: number; readonly line: number } | null>,
  lowerCase: boolean,
  step: number,
): Generator<void, TalkConventions, void> {
  let sections = false;
  let bullets = 0;
  let text = 0;
  let headings = -1;
  let empty = false;
  let session = -2;
  let taken = -1;
  for (let i = 0; i < around.length; i++) {
    if (i % step === step - 1) yield;
    const here = around[i];
    if (here.opener.line === taken) continue;
    if (here.opener.session !== session) {
      session = here.opener.session;
      headings = -1;
    }
    const talk = bySelf[i];
    if (talk) {
      if (hasBullets(here)) bullets++;
      else if (here.body === 'text') text++;
      headings = talk.headsTalks ? -1 : 0;
      empty = here.body === 'heading';
      if (talk.speakerLine > talk.line) taken = talk.speakerLine;
    } else if (headings >= 0 && hasBody(here) && headingLook(here, lowerCase)) {
      headings++;
      if (headings >= 2 || empty) sections = true;
    } else if (here.look.day || here.look.group) headings = -1;
  }
  return { sectionsUsed: sections, carryBullets: bullets > 0 && text === 0 };
}
