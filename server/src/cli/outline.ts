/** `confnotes outline`: the model as a JSON contract or an indented tree. Lines are 1-based and inclusive. */
import type { NotesDocument, Span, Talk, TalkReading } from '../parser/model';

export interface OutlineSection { title: string; line: number; endLine: number }
/** `reading`: why the line is a talk (docs/FORMAT.md, "How a file is read"). */
export interface OutlineTalk { title: string; speaker: string | null; organisation: string | null; reading: TalkReading; line: number; endLine: number; sections: OutlineSection[] }
export interface OutlineSession { name: string; header: string; line: number; endLine: number; talks: OutlineTalk[] }
export interface OutlineDay { event: string; day: string; line: number; endLine: number; sessions: OutlineSession[] }
export interface Outline { file: string; days: OutlineDay[]; looseTalks: OutlineTalk[] }

export function outline(file: string, doc: NotesDocument): Outline {
  const lines = (span: Span) => ({ line: doc.lines.lineAt(span.start) + 1, endLine: doc.lines.lineAt(span.end) + 1 });
  const talk = (t: Talk): OutlineTalk => ({
    title: t.title,
    speaker: t.speaker,
    organisation: t.organisation,
    reading: t.reading,
    ...lines(t.span),
    sections: t.sections.map((s) => ({ title: s.title, ...lines(s.span) })),
  });
  return {
    file,
    days: doc.days.map((d) => ({
      event: d.event,
      day: d.day,
      ...lines(d.span),
      sessions: d.sessions.map((s) => ({
        name: s.name,
        header: doc.text.slice(s.headerSpan.start, s.headerSpan.end),
        ...lines(s.span),
        talks: s.talks.map(talk),
      })),
    })),
    looseTalks: doc.looseTalks.map(talk),
  };
}

export function outlineTree(o: Outline): string {
  const out = [o.file];
  const range = (x: { line: number; endLine: number }) => (x.line === x.endLine ? `line ${x.line}` : `lines ${x.line}–${x.endLine}`);
  const talk = (t: OutlineTalk, indent: string) => {
    const by = t.speaker ? `  · ${t.speaker}${t.organisation ? ` (${t.organisation})` : ''}` : '';
    out.push(`${indent}${t.title}${by}  (${range(t)})`);
    for (const s of t.sections) out.push(`${indent}  › ${s.title}  (${range(s)})`);
  };
  for (const t of o.looseTalks) talk(t, '  ');
  for (const d of o.days) {
    out.push(`  ${d.day} · ${d.event}  (${range(d)})`);
    for (const s of d.sessions) {
      out.push(`    ${s.name}  (${range(s)})`);
      for (const t of s.talks) talk(t, '      ');
    }
  }
  if (o.days.length === 0 && o.looseTalks.length === 0) out.push('  (no sessions or talks found)');
  return out.join('\n');
}
