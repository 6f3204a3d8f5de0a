/**
 * The next session header, offered on an empty unindented line (or one that starts it): the
 * nearest header above with its session number plus one (`… – Session 3` → `… – Session 4`),
 * and the same event on the next day (`Friday` → `Saturday`, `Day 1` → `Day 2`).
 */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import type { NotesDocument, Session } from '../../parser/model';

const WEEK = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** `Session 3` → `Session 4`; a name without a number at its end has no next. */
function nextNumbered(name: string): string | null {
  const match = /^(.*?)(\d+)(\D*)$/.exec(name);
  return match ? `${match[1]}${Number(match[2]) + 1}${match[3]}` : null;
}

/** `Friday` → `Saturday` (case kept), `Day 1` → `Day 2`; null for other days. */
function nextDay(day: string): string | null {
  const index = WEEK.findIndex((d) => d.toLowerCase() === day.toLowerCase());
  if (index >= 0) {
    const next = WEEK[(index + 1) % 7];
    return day === day.toLowerCase() ? next.toLowerCase() : next;
  }
  return nextNumbered(day);
}

/** The separator the header was written with (en dash, em dash or hyphen). */
function separatorOf(doc: NotesDocument, session: Session): string {
  const header = doc.lineText(doc.lines.lineAt(session.headerSpan.start));
  return /\s—\s/.test(header) ? ' — ' : /\s–\s/.test(header) ? ' – ' : ' - ';
}

/** The headers that may come next after the nearest session header above `line`, most likely first. */
export function nextHeaders(doc: NotesDocument, line: number): Array<{ readonly header: string; readonly what: string }> {
  const start = doc.lines.lineStart(line);
  let above: Session | undefined;
  for (const s of doc.sessions) {
    if (s.headerSpan.start >= start) break;
    above = s;
  }
  if (!above) return [];
  const dash = separatorOf(doc, above);
  const found: Array<{ header: string; what: string }> = [];
  const session = nextNumbered(above.name);
  if (session) found.push({ header: [above.event, above.day, session].join(dash), what: 'the next session' });
  const day = nextDay(above.day);
  // The next day starts as this day started (`Session 1`, numbered from 1 again).
  const first = doc.sessions.find((s) => s.event === above!.event && s.day === above!.day)?.name ?? above.name;
  if (day) found.push({ header: [above.event, day, nextNumbered(first) ? first.replace(/\d+(\D*)$/, '1$1') : first].join(dash), what: 'the next day' });
  return found;
}

/** Completion items for the line, when it is empty or starts one of the next headers. */
export function headerCompletions(doc: NotesDocument, line: number, character: number): CompletionItem[] {
  const typed = doc.lineText(line).slice(0, character);
  if (/^\s/.test(typed) || doc.lineText(line).slice(character).trim() !== '') return [];
  return nextHeaders(doc, line)
    .filter(({ header }) => header.toLowerCase().startsWith(typed.toLowerCase()))
    .map(({ header, what }, rank) => ({
      label: header,
      kind: CompletionItemKind.Module,
      detail: what,
      sortText: `0${rank}`,
      textEdit: { range: { start: { line, character: 0 }, end: { line, character } }, newText: header },
    }));
}
