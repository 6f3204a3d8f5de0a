/**
 * Hover on a link: where it goes and, if it is flagged, why. On a `[[reference]]`: the talk's
 * speaker, session, file and first bullets (or why it names none). On a talk's title line: what
 * the outline read there and why (docs/FORMAT.md, "How a file is read"); on a section's, its talk.
 */
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import type { NotesDocument, Reference, TalkReading } from '../parser/model';
import { speakerDetail } from './documentSymbols';
import type { TalkEntry } from '../workspace/fileSummary';
import { fileName, sessionName, type Target, type WorkspaceIndex } from '../workspace/workspaceIndex';
import { isReported, type LinkDiagnosticOptions } from './diagnostics/linkDiagnostics';
import { spanContains, toRange } from './ranges';
import { referenceProblem } from './diagnostics/referenceDiagnostics';
import { referenceAt } from './targets';

/** The first bullets of a talk, read from its file (`firstBullets`); null when it cannot be read. */
export type BulletsOf = (talk: TalkEntry) => readonly string[] | null;

export function hover(doc: NotesDocument, offset: number, options: LinkDiagnosticOptions, index: WorkspaceIndex | null = null, bulletsOf: BulletsOf = () => null): Hover | null {
  const reference = index ? referenceAt(doc, offset) : null;
  if (reference) return { contents: { kind: MarkupKind.Markdown, value: referenceHover(reference, index!, bulletsOf) }, range: toRange(doc, reference.span) };
  const link = doc.links.find((l) => spanContains(l.span, offset));
  if (!link) return headingHover(doc, offset);
  const lines = [link.target ? `**Link** → ${escape(link.target)}` : `**Link** \`${link.text.replace(/`/g, "'")}\` cannot be opened`];
  if (link.form === 'site') lines[0] += ' (suggested: the text names no domain)';
  if (link.problem && isReported(link, options)) {
    lines.push(`$(warning) ${escape(link.problem.message)} (\`${link.problem.code}\`)`);
    if (link.problem.fixes.length > 0) lines.push(`Quick fix: ${link.problem.fixes.map(escape).join(' or ')}`);
  }
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range: toRange(doc, link.span) };
}

/** What the outline read on the title line of a talk or the heading of a section under the offset. */
function headingHover(doc: NotesDocument, offset: number): Hover | null {
  const talk = doc.talks.find((t) => spanContains(t.lineSpan, offset));
  if (talk) {
    const by = speakerDetail(talk);
    const value = [`**Talk** ${escape(talk.title)}${by ? ` — ${escape(by)}` : ''}`, `Read as a talk: ${READINGS[talk.reading]}.`].join('\n\n');
    return { contents: { kind: MarkupKind.Markdown, value }, range: toRange(doc, talk.lineSpan) };
  }
  const section = doc.sections.find((s) => spanContains(s.headingSpan, offset));
  if (!section) return null;
  return { contents: { kind: MarkupKind.Markdown, value: `**Section** of ${escape(section.talk.title)}` }, range: toRange(doc, section.headingSpan) };
}

/** Each reading as the hover says it. */
const READINGS: Record<TalkReading, string> = {
  'speaker on its line': 'its line names the speaker',
  'speaker on the next line': 'the speaker stands on the line below it',
  'speaker as its first bullet': 'its first bullet names the speaker',
  'names only its speaker': 'it names only a person, and notes follow',
  'a time slot': 'it starts with a time slot',
  'title in quotes': 'it is a title in quotes',
  'calls itself a talk': 'it calls itself a talk',
  "heading of the file's talks": "it is marked as this file marks its talks' headings",
  'heading with notes': 'it is a heading with notes under it',
  'marked as a talk': 'confnotes.reading.talks lists it',
};

/** The talk a reference at the offset names, if it names one: its bullets are read before the hover is made. */
export function referencedTalk(doc: NotesDocument, offset: number, index: WorkspaceIndex): TalkEntry | null {
  const reference = referenceAt(doc, offset);
  const resolution = reference ? index.resolve(reference) : null;
  return resolution?.kind === 'resolved' && resolution.target.kind === 'talk' ? resolution.target : null;
}

function referenceHover(reference: Reference, index: WorkspaceIndex, bulletsOf: BulletsOf): string {
  const resolution = index.resolve(reference);
  if (resolution.kind === 'resolved') {
    const [heading, where, bullets] = describe(resolution.target, bulletsOf);
    return [heading, where, ...(bullets ? [bullets] : [])].join('\n\n');
  }
  const message = escape(referenceProblem(reference, index)!.message);
  if (resolution.kind === 'unresolved') return message;
  return [message, resolution.candidates.map((c) => describe(c, () => null)).map(([heading, where]) => `- ${heading} · ${where}`).join('\n')].join('\n\n');
}

/** The heading, the place (event · day · session · file and line) and the first bullets of a target, as Markdown. */
function describe(target: Target, bulletsOf: BulletsOf): [string, string, string | null] {
  const where = escape(`${fileName(target.uri)}, line ${target.line + 1}`);
  if (target.kind === 'session') return [`**${escape(sessionName(target))}**`, `${target.talkCount} talk${target.talkCount === 1 ? '' : 's'} · ${where}`, null];
  const organisation = target.organisation ? ` (${escape(target.organisation)})` : '';
  const heading = `**${escape(target.title)}**${target.speaker ? ` — ${escape(target.speaker)}${organisation}` : ''}`;
  const place = [target.event, target.day, target.session].filter((p): p is string => p !== null).map(escape);
  const read = bulletsOf(target);
  const bullets = read && read.length > 0 ? read.map((b) => `- ${escape(b)}`).join('\n') : null;
  return [heading, [...place, where].join(' · '), bullets];
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>]/g, (c) => '\\' + c);
}

const BULLETS_IN_HOVER = 3;
const LONGEST_BULLET_IN_HOVER = 120;

/**
 * The text of a talk's first top-level bullets (at most three, each cut at 120 characters), for
 * a hover on a reference to it. Read from its file when asked, not kept in the index: for
 * 10,000 files they were 50 MB.
 */
export function firstBullets(doc: NotesDocument, ordinal: number): string[] {
  const talk = doc.talks[ordinal];
  if (!talk) return [];
  const bullets: string[] = [];
  for (const root of doc.bullets.roots()) {
    const span = doc.bullets.textSpan(root);
    if (span.start < talk.span.start) continue;
    if (span.start > talk.span.end || bullets.length === BULLETS_IN_HOVER) break;
    const start = doc.lines.positionAt(span.start);
    bullets.push(doc.lineText(start.line).slice(start.character, start.character + Math.min(span.end - span.start, LONGEST_BULLET_IN_HOVER)));
  }
  return bullets;
}
