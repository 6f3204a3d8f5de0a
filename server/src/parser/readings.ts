/**
 * The one place that decides what each line opening a block is — a talk, a section of the talk
 * above, or text — and why (docs/FORMAT.md, "How a file is read"), by the file's conventions
 * (conventions.ts). Then the talks listed as bullets under `Lightning talks`.
 */
import { firstBulletSpeakers, hasBody, headingLook, isLowerCaseFile, learn, learnFromTalks, surroundingsOf, type Around, type Conventions, type TalkConventions } from './conventions';
import type { LineFacts } from './lineFacts';
import { headsTalks, isDate, type LineLook } from './lineLooks';
import { normalizeName, type Part } from './lineRules';
import { AFTER_RULE, NO_MARK, type LineScan } from './lineScan';
import type { TalkReading } from './model';
import { soundsLikeATitle, type SpeakerLine } from './names';
import type { FormatOptions } from './formatOptions';
import { listedTalk, readTalkLine, type SpeakerSplit, type TalkLineContext, type TitleShape } from './talkLines';

export interface TalkDecision {
  readonly kind: 'talk';
  readonly line: number;
  readonly reading: TalkReading;
  /** The title on its line (offsets relative to the line's start). */
  readonly title: Part;
  /** The speakers on the title line, when it names them. */
  readonly split: SpeakerSplit | null;
  /** The line that names only the talk's speakers (below its title, its first bullet, or the title line itself), or -1. */
  readonly speakerLine: number;
  readonly speakers: SpeakerLine | null;
  /** Its talks are the headings or bullets below it (`Lightning talks`): it has no sections. */
  readonly headsTalks: boolean;
}

export interface SectionDecision {
  readonly kind: 'section';
  readonly line: number;
  readonly title: Part;
}

export type Decision = TalkDecision | SectionDecision;

/**
 * The talks and sections of a scanned file, in line order (every other line of text is text), and
 * the bullets whose text the reading looked at (readingCache.ts).
 */
export function* decideLines(scan: LineScan, facts: readonly LineFacts[], content: (line: number) => string, format: FormatOptions, step: number): Generator<void, { decisions: Decision[]; readBullets: Int32Array }, void> {
  // Each opener costs a microsecond or so at each stage: a pause every `step` of them keeps a
  // 100 MB file's first parse answering other requests.
  const around = yield* surroundingsOf(scan, facts, isLowerCaseFile(scan), step);
  const conventions = yield* learn(scan, around, content, step);
  yield;
  const reader = new OpenerReader(scan, around, conventions, format, content);
  yield* reader.prepare(step);
  const decisions: Decision[] = [];
  for (let i = 0; i < around.length; i++) {
    if (i % step === step - 1) yield;
    const decision = reader.decide(i);
    if (decision) decisions.push(decision);
  }
  yield;
  const listedFrom: number[] = [];
  const all = withListedTalks(decisions, scan, facts, content, conventions, listedFrom);
  yield;
  return { decisions: all, readBullets: readBulletsOf(around, listedFrom) };
}

/** The first bullets of the openers and every line of the lists of talks (`listed`: [from, to) pairs), sorted. */
function readBulletsOf(around: readonly Around[], listed: readonly number[]): Int32Array {
  let size = 0;
  for (const here of around) if (here.firstBullet >= 0) size++;
  for (let i = 0; i < listed.length; i += 2) size += listed[i + 1] - listed[i];
  const read = new Int32Array(size);
  let at = 0;
  for (const here of around) if (here.firstBullet >= 0) read[at++] = here.firstBullet;
  for (let i = 0; i < listed.length; i += 2) for (let line = listed[i]; line < listed[i + 1]; line++) read[at++] = line;
  return listed.length > 0 ? read.sort() : read;
}

/** Reads the openers one by one, in order, keeping the talk above and the list under way. */
class OpenerReader {
  /** The talk above in the same session (its opener), or null. */
  private talk: { readonly session: number; readonly evidenced: boolean; readonly headsTalks: boolean } | null = null;
  /** The line a talk above took as its speaker line (an opener after a blank line), or -1. */
  private taken = -1;
  /** A lead-in (`Talks to watch later:`) or a contents heading was followed by headings with nothing under them. */
  private inList = false;
  /** What each opener says of itself (parallel to `around`). */
  private readonly bySelf: Array<TalkDecision | null>;
  /** What the talks that say so show: sections, what they carry (`prepare`). */
  private talks: TalkConventions = { sectionsUsed: false, carryBullets: false };
  private readonly contexts: TalkLineContext[] = [];
  /** Where each title is last written, made when first asked. */
  private titlesAt: Map<string, number> | undefined;
  /** A talk with notes has been read: a table of contents comes before them. */
  private notesSeen = false;
  /** A heading with the file's talk mark has been read. */
  private markedSeen = false;

  constructor(
    private readonly scan: LineScan,
    private readonly around: readonly Around[],
    private readonly conventions: Conventions,
    private readonly format: FormatOptions,
    private readonly content: (line: number) => string,
  ) {
    this.bySelf = new Array(around.length);
  }

  /** What each opener says of itself, then what the talks that say so show: before any `decide`. */
  *prepare(step: number): Generator<void, void, void> {
    for (let i = 0; i < this.around.length; i++) {
      if (i % step === step - 1) yield;
      this.bySelf[i] = this.talkBySelf(this.around[i]);
    }
    yield;
    this.talks = yield* learnFromTalks(this.around, this.bySelf, this.conventions.lowerCase, step);
  }

  /** How talk lines are read in a session (its order, or the file's), for headings by their place or not: two a session, made once. */
  private contextFor(session: number, placed: boolean): TalkLineContext {
    const at = (session + 1) * 2 + (placed ? 1 : 0);
    let context = this.contexts[at];
    if (context === undefined) {
      const votes = session >= 0 ? this.scan.sessionVotes[session] : this.scan.looseVotes;
      const { commaFirst, lowerCase } = this.conventions;
      context = this.contexts[at] = { position: this.format.speakerPosition, order: votes.order ?? this.scan.fileVotes.order, placed, commaFirst, lowerCase };
    }
    return context;
  }

  private marked(line: number): 'talk' | 'section' | null {
    const { talks, sections } = this.format;
    if (talks.size === 0 && sections.size === 0) return null;
    const key = normalizeName(this.content(line));
    return talks.has(key) ? 'talk' : sections.has(key) ? 'section' : null;
  }

  /** Whether the opener says by itself that it is a talk, and how: its reading, or null. */
  private talkBySelf(here: Around): TalkDecision | null {
    const { look, title } = here;
    const conventions = this.conventions;
    const notes = hasBody(here);
    // A heading of the file's talks by its place: its mark, or a heading with notes below it.
    const placed = (conventions.talkMark !== null && here.opener.mark === conventions.talkMark) || (notes && headingLook(here, conventions.lowerCase));
    const read = look.sentence || look.leadIn || look.day || look.group ? null : readTalkLine(title, this.contextFor(here.opener.session, placed));
    // `Niamh O'Sullivan – 3 December 2023` under a post's title is its byline; `Coffee – Sponsored by Acme`, a break.
    const split = read && !isDate(read.title.text) && !(look.breakTime && read.title.text.split(' ').length <= 3) ? read : null;
    if (split) return talkAt(here, 'speaker on its line', split);
    if (look.day || look.breakTime || look.group || look.postPart) return null;
    // A slot makes a talk of a line of any look but a sentence (`9:30 I rewrote our CLI and so can you`).
    // A title in quotes is a title whatever its words (`"Postgres as a queue: yes, but"`).
    if (look.sentence || (look.prose && !title.slot && !title.quoted)) return null;
    const below = here.belowSpeakers;
    if (below && this.takesSpeakerBelow(here, below, placed)) return talkAt(here, 'speaker on the next line', null, here.below, below);
    const bullet = firstBulletSpeakers(here, this.content);
    if (bullet && (!bullet.lowerCase || conventions.lowerCase) && (bullet.given || bullet.labelled || conventions.speakerBullet)) return talkAt(here, 'speaker as its first bullet', null, here.firstBullet, bullet);
    if (title.slot) return talkAt(here, 'a time slot');
    if (title.quoted) return talkAt(here, 'title in quotes');
    if (look.prose) return null;
    // `Jono Bacon Keynote` is a talk whatever follows; `Keynote – Genevieve Bell` read otherwise needs notes below it.
    if (title.callsItselfATalk && (notes || !hasSeparators(title))) return talkAt(here, 'calls itself a talk');
    const self = this.namesOnlyItsSpeaker(here);
    return self ? talkAt(here, 'names only its speaker', null, here.opener.line, self) : null;
  }

  /**
   * A name on the line below a heading is its speaker (docs/FORMAT.md, "A speaker line"): with a
   * known given name or a word that says so; right below it, also where the file puts its speakers
   * there, or below a heading of the file's talks when the name, of three words at most, does not
   * sound like a title (`Building Teams That Ship` is a subtitle).
   */
  private takesSpeakerBelow(here: Around, below: SpeakerLine, placed: boolean): boolean {
    if (here.belowAfterBlank) return headingLook(here, this.conventions.lowerCase) && (below.given || below.labelled);
    if (below.given || below.labelled || this.conventions.speakerBelow) return true;
    if (!placed && !headingLook(here, this.conventions.lowerCase)) return false;
    const name = this.content(here.below).slice(below.speaker.start, below.speaker.end);
    return name.split(' ').length <= 3 && !soundsLikeATitle(name);
  }

  /**
   * The opener names only a person and notes follow: a talk by that person (`Priya Raman` then
   * bullets) — with a known given name, or any name that does not sound like a title where the
   * file heads its talks so (`Confident Systems` has a name's shape).
   */
  private namesOnlyItsSpeaker(here: Around): SpeakerLine | null {
    const self = here.facts.speakers;
    if (!self || self.labelled || (self.lowerCase && !this.conventions.lowerCase) || here.facts.hash || !hasBody(here)) return null;
    // `Lars Eriksen, Unsafe Code Review at Work` is a talk line, not a name and an organisation.
    if (self.organisation && this.content(here.opener.line).slice(self.organisation.start, self.organisation.end).split(' ').length > 3) return null;
    return self.given || (this.conventions.namesAsTalks && !soundsLikeATitle(here.title.whole.text)) ? self : null;
  }

  decide(i: number): Decision | null {
    const here = this.around[i];
    const line = here.opener.line;
    if (line === this.taken) return null;
    if (this.talk && this.talk.session !== here.opener.session) this.talk = null;
    const mark = this.marked(line);
    if (mark === 'section' && this.talk) return this.section(here);
    const bySelf = this.bySelf[i];
    if (mark === 'talk') return this.talkFrom(here, bySelf ?? talkAt(here, 'marked as a talk'), true);
    const look = here.look;
    if (this.conventions.talkMark !== null) return this.markedFileOpener(here, bySelf);
    // Day lines and the headings of groups of talks (`Afternoon`, `Theme: …`, `Lightning talks`
    // with talks below) end the talk above; a contents heading starts a list.
    if (look.day || look.group || (here.title.headsTalks && here.body === 'heading')) {
      this.talk = null;
      this.inList = look.group && !hasBody(here);
      return null;
    }
    if (this.isPostTitle(i)) return null;
    if (look.leadIn) {
      this.inList = !hasBody(here);
      return null;
    }
    if (bySelf) {
      // A talk line with nothing under it in a list, or written again further down (a table of contents), is no talk.
      if (!hasBody(here) && (this.inList || (!this.notesSeen && this.writtenAgainBelow(i)))) return null;
      return this.talkFrom(here, bySelf, true);
    }
    return this.headingWithNotes(here);
  }

  /** An opener that does not say it is a talk: a talk if it is a heading with notes, a section under a talk where the file has them, or text. */
  private headingWithNotes(here: Around): Decision | null {
    const look = here.look;
    if (look.breakTime || !headingLook(here, this.conventions.lowerCase) || !hasBody(here) || this.inList) return null;
    // A name above `Posted on …` or a date, or beside a date (`Tomasz Zieliński – 4 June 2024`), is the post's byline.
    if ((here.beforeMeta && here.facts.speakers) || isByline(here.title)) return null;
    if (this.talk?.evidenced && !this.talk.headsTalks && (this.talks.sectionsUsed || isGenericPart(look, here.title.whole.text))) return this.section(here);
    if (look.postPart || (this.talks.carryBullets && here.body === 'text')) return null;
    return this.talkFrom(here, talkAt(here, 'heading with notes'), false);
  }

  /** In a file that marks its talk headings, only those are talks; headings of lower marks are sections. */
  private markedFileOpener(here: Around, bySelf: TalkDecision | null): Decision | null {
    const look = here.look;
    const talkMark = this.conventions.talkMark!;
    const noHeading = look.day || look.group || look.breakTime || look.sentence || (look.prose && !bySelf);
    // `Lightning talks` with talks, not notes, below it heads them: no talk itself.
    if (here.opener.mark === talkMark && here.title.headsTalks && here.body === 'heading') {
      this.markedSeen = true;
      this.talk = { session: here.opener.session, evidenced: true, headsTalks: true };
      return null;
    }
    if (here.opener.mark === talkMark && !noHeading) {
      this.markedSeen = true;
      return this.talkFrom(here, bySelf ?? talkAt(here, "heading of the file's talks"), true);
    }
    // Rules stand *between* talks: the first talk may have none above it; talks under `Lightning talks` need none.
    if ((!this.markedSeen || this.talk?.headsTalks) && bySelf && !noHeading && (bySelf.split || bySelf.speakers)) {
      const talk = this.talk;
      const listed = this.talkFrom(here, bySelf, true);
      if (talk?.headsTalks) this.talk = talk;
      return listed;
    }
    if (here.opener.mark !== NO_MARK && here.opener.mark !== AFTER_RULE && here.opener.mark > talkMark && this.talk) return this.section(here);
    return null;
  }

  private talkFrom(here: Around, talk: TalkDecision, evidenced: boolean): TalkDecision {
    this.talk = { session: here.opener.session, evidenced, headsTalks: talk.headsTalks };
    this.inList = false;
    if (hasBody(here)) this.notesSeen = true;
    if (talk.speakerLine > talk.line) this.taken = talk.speakerLine;
    return talk;
  }

  private section(here: Around): SectionDecision {
    return { kind: 'section', line: here.opener.line, title: here.title.whole };
  }

  /**
   * The file's first line of text, before any header, is the post's own title when it says so (a
   * year, `notes`, `recap`, days…) or when it names no speaker where the file's talks do.
   */
  private isPostTitle(i: number): boolean {
    const first = this.around[0];
    // A post's title stands over its introduction or its first heading, never right over bullets.
    if (i !== 0 || first.opener.session !== -1 || this.around.length < 2 || first.body === 'bullets') return false;
    const says = this.bySelf[0];
    const look = first.look;
    // What makes a talk of a line gives way to the words of a post's title, but for a speaker on the line.
    if (says && !(says.reading === 'calls itself a talk' || (look.postTitle && says.reading === 'speaker on the next line') || (says.split && (says.split.separator === 'comma' || says.split.weak)))) return false;
    if (look.postTitle) return true;
    let talks = 0;
    let named = 0;
    for (const talk of this.bySelf) {
      if (!talk) continue;
      talks++;
      if (talk.split || talk.speakers) named++;
    }
    return !says && named >= 2 && named >= talks / 2;
  }

  /** The talk (its title and speaker) is written again on a later opener: this one belongs to a table of contents. */
  private writtenAgainBelow(i: number): boolean {
    if (this.titlesAt === undefined) {
      this.titlesAt = new Map();
      for (let k = 0; k < this.around.length; k++) this.titlesAt.set(this.talkKey(k), k);
    }
    return this.titlesAt.get(this.talkKey(i))! > i;
  }

  private talkKey(i: number): string {
    const talk = this.bySelf[i];
    const speaker = talk?.split?.speaker.text ?? (talk?.speakers ? this.content(talk.speakerLine).slice(talk.speakers.speaker.start, talk.speakers.speaker.end) : '');
    return `${normalizeName(talk?.title.text ?? this.around[i].title.whole.text)}\n${normalizeName(speaker)}`;
  }
}

function talkAt(here: Around, reading: TalkReading, split: SpeakerSplit | null = null, speakerLine = -1, speakers: SpeakerLine | null = null): TalkDecision {
  return { kind: 'talk', line: here.opener.line, reading, title: split ? split.title : here.title.whole, split, speakerLine, speakers, headsTalks: here.title.headsTalks };
}

/** A name and a date beside it: the post's byline. */
function isByline(title: TitleShape): boolean {
  const dated = (s: SpeakerSplit | null) => s !== null && isDate(s.title.text);
  return dated(title.first) || dated(title.last);
}

/** The line has a separator a speaker could stand behind, whether or not one does. */
function hasSeparators(title: TitleShape): boolean {
  const t = title.whole.text;
  return /\s[–—-]-?\s|: /.test(t) || t.endsWith(')');
}

/** The generic parts of a talk (`Questions`, `Demo`, `Results`): a section wherever a talk is above. */
const GENERIC_PARTS = new Set([
  'questions', 'q&a', 'q & a', 'qa', 'demo', 'demos', 'background', 'results', 'summary', 'takeaways', 'key takeaways', 'conclusion',
  'conclusions', 'notes', 'links', 'resources', 'references', 'gotchas', 'mitigations', 'overview', 'intro', 'introduction',
  'motivation', 'problem', 'the problem', 'solution', 'the solution', 'next steps', 'future work', 'tools', 'examples', 'slides',
  'lessons', 'lessons learned', 'lessons learnt', 'history', 'context', 'approach', 'architecture', 'findings', 'recommendations',
]);

function isGenericPart(look: LineLook, title: string): boolean {
  return look.words <= 3 && GENERIC_PARTS.has(normalizeName(title));
}

/**
 * The talks listed as bullets under a heading that heads talks (`Lightning talks`, a session of
 * them): top-level bullets that read as talk lines with a speaker (`Pandas is not a database
 * (Mikko Virtanen)`). Their bullets stay bullets; the talks join the decisions in line order.
 */
function withListedTalks(decisions: Decision[], scan: LineScan, facts: readonly LineFacts[], content: (line: number) => string, conventions: Conventions, ranges: number[]): Decision[] {
  const listed: Decision[] = [];
  /** Headings whose bullets were read as talks: they are no talks themselves, but their list's heading. */
  const heads = new Set<Decision>();
  // Each list runs from its heading to the next talk or header (a paragraph may stand between its bullets).
  let nextTalk = 0;
  let nextHeader = 0;
  const readList = (from: number, head: Decision | null) => {
    while (nextTalk < decisions.length && (decisions[nextTalk].line < from || decisions[nextTalk].kind !== 'talk')) nextTalk++;
    while (nextHeader < scan.headers.length && scan.headers[nextHeader].line < from) nextHeader++;
    const to = Math.min(decisions[nextTalk]?.line ?? facts.length, scan.headers[nextHeader]?.line ?? facts.length);
    ranges.push(from, to);
    let top = -1;
    for (let line = from; line < to; line++) {
      const bullet = facts[line].bullet;
      if (!bullet) continue;
      if (top < 0) top = bullet.indent;
      if (bullet.indent !== top) continue;
      const split = listedTalk(content(line), conventions.lowerCase);
      if (!split) continue;
      listed.push({ kind: 'talk', line, reading: 'speaker on its line', title: split.title, split, speakerLine: -1, speakers: null, headsTalks: false });
      if (head) heads.add(head);
    }
  };
  // Headers and talks in line order, so that the search for each list's end only moves forward.
  let d = 0;
  for (const h of scan.headers) {
    for (; d < decisions.length && decisions[d].line < h.line; d++) if (decisions[d].kind === 'talk' && (decisions[d] as TalkDecision).headsTalks) readList(decisions[d].line + 1, decisions[d]);
    if (headsTalks(h.shape.session.text)) readList(h.line + 1, null);
  }
  for (; d < decisions.length; d++) if (decisions[d].kind === 'talk' && (decisions[d] as TalkDecision).headsTalks) readList(decisions[d].line + 1, decisions[d]);
  if (listed.length === 0) return decisions;
  return [...decisions.filter((x) => !heads.has(x)), ...listed].sort((x, y) => x.line - y.line);
}

