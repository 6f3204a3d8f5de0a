/**
 * Bullets as you type: `- ` or `* ` typed at the start of a line under a talk becomes the
 * file's own marker at the line's depth (`  • `) in a file whose bullets use another marker.
 * The editor applies it as its own undo step: Undo gives back what was typed.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { NotesDocument } from '../parser/model';
import { bulletStyle, DEFAULT_LAYOUT, type LayoutOptions } from './formatting';

const TYPED_BULLET = /^[ \t]*[-*] $/;

/** The edit for a space typed at `line`/`character`, or none. */
export function onTypeFormatting(doc: NotesDocument, line: number, character: number, options: LayoutOptions = DEFAULT_LAYOUT): TextEdit[] {
  const text = doc.lineText(line);
  const typed = text.slice(0, character);
  if (!TYPED_BULLET.test(typed)) return [];
  const start = doc.lines.lineStart(line);
  // Under a talk: a talk starts above this line.
  if (!doc.talks.some((t) => t.span.start < start)) return [];
  const bullets = doc.bullets;
  let bullet = -1;
  for (let i = 0; i < bullets.count; i++) {
    const at = bullets.markerSpan(i).start;
    if (at >= start + typed.length) break;
    if (at >= start) bullet = i;
  }
  if (bullet < 0) return [];
  const style = bulletStyle(doc, options);
  const wanted = `${' '.repeat(style.base + (bullets.level(bullet) - 1) * style.step)}${style.marker} `;
  return wanted === typed ? [] : [{ range: { start: { line, character: 0 }, end: { line, character } }, newText: wanted }];
}
