/**
 * The last step of a parse: the model built line by line once every opener is decided (which
 * line is a session header, a talk, a section). One object holds what is open — the session, the
 * talk, the section, the bullets — and stretches it over the lines that follow.
 */
import { BulletTable } from './bullets';
import type { BulletShape, HeaderShape } from './lineRules';
import type { LineFacts } from './lineFacts';
import type { Day, Link, NotesDocument, Reference, Section, Session, Span, Talk } from './model';
import type { Decision, SectionDecision, TalkDecision } from './readings';

// Mutable twins of the model's readonly types, used only while parsing.
type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type BuildingSession = Mutable<Omit<Session, 'talks' | 'span'>> & { span: Mutable<Span>; talks: Talk[] };
type BuildingTalk = Mutable<Omit<Talk, 'span' | 'sections'>> & { span: Mutable<Span>; sections: Section[] };
type BuildingSection = Mutable<Omit<Section, 'span'>> & { span: Mutable<Span> };

export type ModelParts = Omit<NotesDocument, 'text' | 'lineText' | 'lineBreak' | 'lines'>;

export class ModelBuilder {
  private readonly sessions: BuildingSession[] = [];
  /** Each session's `HeaderShape.dayKey`, in the order of `sessions`: sessions of one day share it. */
  private readonly dayKeys: string[] = [];
  private readonly talks: BuildingTalk[] = [];
  private readonly sections: BuildingSection[] = [];
  private readonly links: Link[] = [];
  private readonly references: Reference[] = [];
  private readonly linesNotSearchedForLinks: number[] = [];
  private readonly bullets: BulletTable;
  private readonly withBullets: boolean;
  private session: BuildingSession | null = null;
  private talk: BuildingTalk | null = null;
  private section: BuildingSection | null = null;
  /** Open bullets, outermost first, as [index, indent] pairs flattened. */
  private readonly bulletStack: number[] = [];

  /**
   * @param bulletLines Lines shaped as bullets: the table is made at that size (0: no bullet table).
   * @param content A line's text (without the BOM); `lineStart` its offset in the text.
   */
  constructor(
    bulletLines: number,
    private readonly content: (line: number) => string,
    private readonly lineStart: (line: number) => number,
  ) {
    this.bullets = new BulletTable(bulletLines);
    this.withBullets = bulletLines > 0;
  }

  /** A non-blank line: a header, a talk, a section (as decided), a bullet, a rule or text. */
  line(line: number, here: LineFacts, header: HeaderShape | null, decision: Decision | undefined, continuesBullet: boolean, longest: number): void {
    const start = this.lineStart(line);
    const end = start + here.trimmedLength;
    if (here.trimmedLength > longest) this.linesNotSearchedForLinks.push(line);
    // A header's words are no links.
    if (header) return this.header(header, start, end);
    if (decision?.kind === 'talk') this.startTalk(decision, here.bullet, start, end);
    else if (decision?.kind === 'section' && this.talk) this.startSection(decision, this.talk, start, end);
    else if (here.bullet) {
      this.addBullet(here.bullet, start, end);
      this.extendOpen(Math.max(end, start + here.bullet.markerStart + 1));
    } else if (here.rule) {
      // A rule between talks or under a heading is no text of the notes: it ends a list, and nothing spans it.
      this.closeBullets(0);
    } else {
      // Paragraphs end a bullet list; indented text, and text wrapped onto column 0, continues the bullet above.
      if (!continuesBullet) this.closeBullets(0);
      if (this.bulletStack.length > 0) this.bullets.extend(this.openBullet(), end);
      this.extendOpen(end);
    }
    // Indexed loops: in a generator, `for…of` over every line's arrays allocated an iterator each (2 MB a keystroke on 10 MB).
    for (let i = 0; i < here.references.length; i++) this.references.push(shiftReference(here.references[i], start));
    for (let i = 0; i < here.links.length; i++) this.links.push(shiftLink(here.links[i], start));
  }

  finish(): ModelParts {
    this.closeBullets(0);
    const { sessions, talks, sections, bullets, links, references, linesNotSearchedForLinks } = this;
    return { days: groupDays(sessions, this.dayKeys), sessions, talks, looseTalks: talks.filter((t) => t.session === null), sections, bullets, links, references, linesNotSearchedForLinks };
  }

  private header(header: HeaderShape, start: number, end: number): void {
    this.talk = null;
    this.section = null;
    this.closeBullets(0);
    this.session = {
      kind: 'session',
      event: header.event.text.trim(),
      day: header.day.text.trim(),
      name: header.session.text.trim(),
      headerSpan: { start, end },
      daySpan: { start: start + header.day.start, end: start + header.day.end },
      span: { start, end },
      talks: [],
    };
    this.sessions.push(this.session);
    this.dayKeys.push(header.dayKey);
  }

  private startTalk(decision: TalkDecision, bullet: BulletShape | null, start: number, end: number): void {
    // A talk listed as a bullet (under `Lightning talks`) stays a bullet too.
    if (bullet) this.addBullet(bullet, start, end);
    else this.closeBullets(0);
    this.section = null;
    const { split, speakers } = decision;
    const speakerLine = decision.speakerLine >= 0 ? this.content(decision.speakerLine) : '';
    const speakerStart = decision.speakerLine >= 0 ? this.lineStart(decision.speakerLine) : start;
    const talk: BuildingTalk = {
      kind: 'talk',
      title: decision.title.text,
      speaker: split ? split.speaker.text : speakers ? speakerLine.slice(speakers.speaker.start, speakers.speaker.end) : null,
      organisation: split?.organisation ? split.organisation.text.trim() : speakers?.organisation ? speakerLine.slice(speakers.organisation.start, speakers.organisation.end).trim() : null,
      reading: decision.reading,
      lineSpan: { start, end },
      titleSpan: shift(decision.title, start),
      speakerSpan: split ? shift(split.speaker, start) : speakers ? shift(speakers.speaker, speakerStart) : null,
      organisationSpan: split?.organisation ? shift(split.organisation, start) : speakers?.organisation ? shift(speakers.organisation, speakerStart) : null,
      span: { start, end },
      session: this.session,
      sections: [],
    };
    this.talk = talk;
    this.talks.push(talk);
    this.session?.talks.push(talk);
    this.extendOpen(end);
  }

  private startSection(decision: SectionDecision, talk: BuildingTalk, start: number, end: number): void {
    this.closeBullets(0);
    this.section = { kind: 'section', title: decision.title.text, headingSpan: { start, end }, span: { start, end }, talk };
    this.sections.push(this.section);
    talk.sections.push(this.section);
    this.extendOpen(end);
  }

  private addBullet(bullet: BulletShape, start: number, end: number): void {
    this.closeBullets(bullet.indent);
    if (this.withBullets) this.bulletStack.push(this.bullets.add(start + bullet.markerStart, start + bullet.textStart, end, this.openBullet()), bullet.indent);
  }

  private closeBullets(indent: number): void {
    const stack = this.bulletStack;
    while (stack.length > 0 && stack[stack.length - 1] >= indent) {
      stack.pop();
      this.bullets.close(stack.pop()!);
    }
  }

  private openBullet(): number {
    return this.bulletStack.length > 0 ? this.bulletStack[this.bulletStack.length - 2] : -1;
  }

  /** Stretches everything open to the end of this non-blank line. */
  private extendOpen(end: number): void {
    if (this.session) this.session.span.end = end;
    if (this.talk) this.talk.span.end = end;
    if (this.section) this.section.span.end = end;
  }
}

function shift(span: Span, by: number): Span {
  return { start: span.start + by, end: span.end + by };
}

function shiftLink(link: Link, by: number): Link {
  return by === 0 ? link : { ...link, span: shift(link.span, by) };
}

function shiftReference(r: Reference, by: number): Reference {
  return by === 0 ? r : { ...r, span: shift(r.span, by), targetSpan: shift(r.targetSpan, by), partSpan: shift(r.partSpan, by) };
}

/** A day: consecutive sessions with the same event and day (`dayKeys`, in the order of `sessions`). */
function groupDays(sessions: readonly Session[], dayKeys: readonly string[]): Day[] {
  const days: Day[] = [];
  let run: Session[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const first = run[0];
    days.push({
      kind: 'day',
      event: first.event,
      day: first.day,
      daySpan: first.daySpan,
      span: { start: first.span.start, end: run[run.length - 1].span.end },
      sessions: run,
    });
    run = [];
  };
  for (let i = 0; i < sessions.length; i++) {
    if (i > 0 && dayKeys[i] !== dayKeys[i - 1]) flush();
    run.push(sessions[i]);
  }
  flush();
  return days;
}
