/**
 * "Read this line as a talk" / "Read this line as a section": when the outline reads a line
 * otherwise than its writer meant, the client adds its text to `confnotes.reading.talks` or
 * `.sections` (docs/FORMAT.md, "Saying what a line is"). Nothing is written into the notes.
 */
import { CodeActionKind, type CodeAction } from 'vscode-languageserver-types';
import type { NotesDocument } from '../parser/model';
import { MARK_LINE_COMMAND } from '../protocol/types';


/** The actions for the unindented line `line`: none on headers, bullets, blank or indented lines. */
export function lineReadingActions(doc: NotesDocument, line: number): CodeAction[] {
  const text = doc.lineText(line).replace(/^\uFEFF/, '');
  if (text.trim() === '' || /^\s/.test(text)) return [];
  const start = doc.lines.lineStart(line);
  const atLine = (offset: number) => offset >= start && offset <= start + text.length;
  if (doc.sessions.some((s) => atLine(s.headerSpan.start))) return [];
  const talkIndex = doc.talks.findIndex((t) => atLine(t.lineSpan.start));
  const mark = (as: 'talk' | 'section', title: string): CodeAction => ({
    title,
    kind: CodeActionKind.QuickFix,
    command: { title, command: MARK_LINE_COMMAND, arguments: [as, text.trim()] },
  });
  if (talkIndex >= 0) {
    const talk = doc.talks[talkIndex];
    const above = doc.talks[talkIndex - 1];
    return above && above.session === talk.session ? [mark('section', `Read this line as a section of "${above.title}"`)] : [];
  }
  if (doc.sections.some((s) => atLine(s.headingSpan.start))) return [mark('talk', 'Read this line as a talk')];
  // A marker at column 0 (`- item`) makes a bullet, never a talk.
  if ('•-*◦‣▪'.includes(text[0]) && (text.length === 1 || /\s/.test(text[1]))) return [];
  return [mark('talk', 'Read this line as a talk')];
}
