/**
 * The first look at a file's structure (docs/FORMAT.md, "How a file is read"), line by line as
 * the parse reads the facts: which lines open a block of text (the lines that may be headings),
 * the session headers, the rules and underlines, the hard-wrapped lines, and the speaker order of
 * the lines that can be read only one way. No line is called a talk here: that is decided in
 * readings.ts, once the file's conventions are known.
 */
import type { LineFacts } from './lineFacts';
import { isHeaderEvent, type HeaderShape } from './lineRules';
import { namesATalk, orderOf, type SpeakerOrder } from './talkLines';

/** How a heading is marked: by nothing, a rule before it, an underline (with an overline), or `#`s. */
export type Mark = number;
export const NO_MARK: Mark = 0;
/** `#` … `######`: levels 1 to 6. */
const hashMark = (level: number): Mark => level;
/** Underlined (setext): `=` over and under, `=` under, `-` over and under, `-` under, other characters. */
const UNDERLINE_MARKS = { '=over': 11, '=': 12, '-over': 13, '-': 14, other: 15 } as const;
/** The first line of text after a rule (`-----`, `* * *`) that stands between talks. */
export const AFTER_RULE: Mark = 20;

/** What the scan says a line is, beyond its facts (`LineScan.roles`). */
export const enum Role {
  /** Blank, a bullet or an indented line: its facts say it all. */
  Plain = 0,
  Header = 1,
  /** A line of text that opens a block: it may be a heading. */
  Opener = 2,
  /** A line of text right below another: it goes on with that block. */
  Follower = 3,
  /** A line of text at column 0 that continues the bullet above (hard-wrapped). */
  Wrap = 4,
  /** A rule between talks, or an underline: no text of the notes. */
  Rule = 5,
}

/** A line of text that opens a block: it may be a heading (a talk or a section) or the start of a paragraph. */
export interface Opener {
  readonly line: number;
  /** The session (index into `LineScan.headers`) it is in; -1 before the first header. */
  readonly session: number;
  mark: Mark;
  /** The last line of the heading itself: its underline, or the line. */
  unitEnd: number;
}

/** A session header found, with the line it stands on. */
export interface HeaderLine {
  readonly line: number;
  readonly shape: HeaderShape;
}

/** Votes for the writer's order: lines that can be read only one way. */
export class OrderVotes {
  first = 0;
  last = 0;
  add(order: SpeakerOrder | null): void {
    if (order === 'first') this.first++;
    else if (order === 'last') this.last++;
  }
  /** The majority, or null when there is none. */
  get order(): SpeakerOrder | null {
    return this.first > this.last ? 'first' : this.last > this.first ? 'last' : null;
  }
}

/** What the scan found. */
export interface LineScan {
  /** Every line's role (`Role`), by line. */
  readonly roles: Uint8Array;
  readonly openers: readonly Opener[];
  readonly headers: readonly HeaderLine[];
  /** Each session's votes (parallel to `headers`), and those of the lines before the first header. */
  readonly sessionVotes: readonly OrderVotes[];
  readonly looseVotes: OrderVotes;
  readonly fileVotes: OrderVotes;
  /** Openers whose every letter is lower case, of all openers with letters. */
  readonly lowerCaseOpeners: number;
  readonly openersWithLetters: number;
}

/** A wrapped line continues a line at least this long (a line broken at ~72 columns is long). */
const SHORTEST_WRAPPED_LINE = 40;

/** Reads the lines in order, as the parse reads their facts (`add`), then the rules (`finish`). */
export class LineScanner {
  private readonly roles: Uint8Array;
  private openers: Opener[] = [];
  /** Lines of text right below another that open a block if bullets follow them, each with its session (pairs flattened: no object a line). */
  private readonly followers: number[] = [];
  private readonly headers: HeaderLine[] = [];
  private readonly rules: number[] = [];
  private readonly seenEvents = new Set<string>();
  private readonly looseVotes = new OrderVotes();
  private readonly fileVotes = new OrderVotes();
  private readonly sessionVotes: OrderVotes[] = [];
  private votes = this.looseVotes;
  private lowerCaseOpeners = 0;
  private openersWithLetters = 0;
  /** The last line of text or rule read (`add`), and the last bullet or indented line (set by the parse as it reads them). */
  private previous = -1;
  lastBulletish = -1;

  constructor(
    private readonly facts: readonly LineFacts[],
    private readonly content: (line: number) => string,
  ) {
    this.roles = new Uint8Array(facts.length);
  }

  /**
   * A line that is neither blank nor a bullet nor indented (those the parse notes in
   * `lastBulletish`, without a call for each of a file's hundred thousand bullets).
   */
  add(line: number, f: LineFacts): void {
    const bulletish = this.lastBulletish > this.previous || (this.lastBulletish === this.previous && this.lastBulletish >= 0 && this.roles[this.previous] === Role.Wrap);
    const before = Math.max(this.previous, this.lastBulletish);
    const gap = before < line - 1;
    this.previous = line;
    if (f.rule) {
      this.rules.push(line);
      this.roles[line] = Role.Rule;
      return;
    }
    const header = f.header;
    if (header && isHeaderEvent(header, this.seenEvents)) {
      for (let k = 0; k < header.eventKeys.length; k++) this.seenEvents.add(header.eventKeys[k]);
      this.headers.push({ line, shape: header });
      this.roles[line] = Role.Header;
      this.votes = new OrderVotes();
      this.sessionVotes.push(this.votes);
      return;
    }
    const look = f.look!;
    if (!gap && bulletish && look.lowerCase && wrapsOnto(this.content(before), this.facts[before].trimmedLength)) {
      // A wrapped line goes on with the bullet: the next line may wrap onto it in turn.
      this.roles[line] = Role.Wrap;
      this.lastBulletish = line;
      return;
    }
    // A line of text opens a block after a blank line, a bullet, a rule or a header; right below
    // another line of text it does when it names a talk (`Title by Speaker`, a slot).
    const opens = before < 0 || gap || bulletish || this.roles[before] === Role.Rule || this.roles[before] === Role.Header;
    if (f.title && !look.sentence) {
      const order = orderOf(f.title);
      if (order) {
        this.votes.add(order);
        this.fileVotes.add(order);
      }
    }
    if (opens || (f.title && !look.sentence && namesATalk(f.title))) this.open(line, f);
    else {
      // Whether bullets follow it is known once the lines below are read.
      this.roles[line] = Role.Follower;
      if (f.title && !look.sentence) this.followers.push(line, this.headers.length - 1);
    }
  }

  private open(line: number, f: LineFacts, session = this.headers.length - 1, into = this.openers): void {
    this.roles[line] = Role.Opener;
    into.push({ line, session, mark: f.hash ? hashMark(f.hash.level) : NO_MARK, unitEnd: line });
    if (f.look!.letters) {
      this.openersWithLetters++;
      if (f.look!.allLowerCase) this.lowerCaseOpeners++;
    }
  }

  finish(): LineScan {
    // A line of text right below another heads the bullets that follow it.
    const headingBullets: Opener[] = [];
    for (let i = 0; i < this.followers.length; i += 2) {
      const line = this.followers[i];
      if (bulletsFollow(this.facts, line)) this.open(line, this.facts[line], this.followers[i + 1], headingBullets);
    }
    if (headingBullets.length > 0) this.openers = mergeByLine(this.openers, headingBullets);
    markRules(this.facts, this.roles, this.rules, this.openers);
    const { roles, openers, headers, sessionVotes, looseVotes, fileVotes, lowerCaseOpeners, openersWithLetters } = this;
    return { roles, openers, headers, sessionVotes, looseVotes, fileVotes, lowerCaseOpeners, openersWithLetters };
  }
}

/**
 * The line above, as long as wrapped text (its indentation not counted: Format Document may change
 * it) and without sentence punctuation at its end, goes on below.
 */
function wrapsOnto(above: string, trimmedLength: number): boolean {
  let indent = 0;
  while (indent < trimmedLength && (above.charCodeAt(indent) === 32 || above.charCodeAt(indent) === 9)) indent++;
  if (trimmedLength - indent < SHORTEST_WRAPPED_LINE) return false;
  return !'.!?:;'.includes(above[trimmedLength - 1]);
}

/** The next line with text is a bullet. */
function bulletsFollow(facts: readonly LineFacts[], line: number): boolean {
  for (let l = line + 1; l < facts.length; l++) if (!facts[l].blank) return facts[l].bullet !== null;
  return false;
}

function mergeByLine(a: readonly Opener[], b: readonly Opener[]): Opener[] {
  const merged: Opener[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) merged.push(j >= b.length || (i < a.length && a[i].line < b[j].line) ? a[i++] : b[j++]);
  return merged;
}

/**
 * Which rules underline the line above them and which stand between talks (docs/FORMAT.md,
 * "Rules and underlines"): a rule right below an opener underlines it, unless the file's rules
 * stand between talks and this one is not about as long as that line.
 */
function markRules(facts: readonly LineFacts[], roles: Uint8Array, rules: readonly number[], openers: Opener[]): void {
  if (rules.length === 0) return;
  const openerAt = new Map<number, Opener>();
  for (const o of openers) openerAt.set(o.line, o);
  let separators = 0;
  let underlines = 0;
  for (const r of rules) {
    if (openerAt.has(r - 1)) underlines++;
    else if (r === 0 || facts[r - 1].blank || roles[r - 1] === Role.Rule) separators++;
  }
  const isRule = (line: number) => line >= 0 && line < roles.length && roles[line] === Role.Rule;
  for (const r of rules) {
    const above = openerAt.get(r - 1);
    const rule = facts[r].rule!;
    if (above && !(separators > underlines && !aboutAsLong(rule.length, facts[r - 1].trimmedLength))) {
      // An overline: the same rule right above the heading.
      const over = isRule(r - 2) && facts[r - 2].rule!.char === rule.char;
      above.mark = rule.char === '=' ? UNDERLINE_MARKS[over ? '=over' : '='] : rule.char === '-' ? UNDERLINE_MARKS[over ? '-over' : '-'] : UNDERLINE_MARKS.other;
      above.unitEnd = r;
      continue;
    }
    // An overline is read with its underline.
    if (isRule(r + 2) && openerAt.has(r + 1) && facts[r + 2].rule!.char === rule.char) continue;
    for (let l = r + 1; l < facts.length; l++) {
      if (facts[l].blank) continue;
      const next = openerAt.get(l);
      if (next && next.mark === NO_MARK) next.mark = AFTER_RULE;
      break;
    }
  }
}

function aboutAsLong(rule: number, text: number): boolean {
  return Math.abs(rule - text) <= Math.max(3, text * 0.3);
}
