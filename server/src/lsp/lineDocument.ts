/**
 * An open document as the server keeps it: its lines, not one string. The stock
 * TextDocument rebuilds a single string on every change, and reading a 10 MB string
 * built by concatenation costs tens of milliseconds before any parsing starts.
 */
import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { LineTable } from '../parser/lineTable';
import { applyEdit, joinLines, splitLines, type LineRegion, type TextLines } from '../parser/textLines';

export class LineDocument {
  private joined: string | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    readonly version: number,
    readonly text: TextLines,
    /** Its line table, or how to make it from the previous version's. */
    private table: LineTable | (() => LineTable) | undefined = undefined,
  ) {}

  static create(uri: string, languageId: string, version: number, content: string): LineDocument {
    return new LineDocument(uri, languageId, version, splitLines(content));
  }

  /** Applies the changes in order, as `TextDocument.update` does. */
  static update(document: LineDocument, changes: TextDocumentContentChangeEvent[], version: number): LineDocument {
    let text = document.text;
    let region: LineRegion | undefined;
    for (const change of changes) {
      if ('range' in change) ({ region, ...text } = applyEdit(text, change.range.start, change.range.end, change.text));
      else text = splitLines(change.text);
    }
    // One edit (a keystroke): the new table is the previous one's, shifted after the edit.
    const previous = document.table;
    const edited = text;
    const table = changes.length === 1 && region && previous instanceof LineTable ? () => LineTable.afterEdit(previous, edited, region) : undefined;
    return new LineDocument(document.uri, document.languageId, version, text, table);
  }

  get lineCount(): number {
    return this.text.lines.length;
  }

  get lines(): LineTable {
    if (!(this.table instanceof LineTable)) this.table = this.table ? this.table() : LineTable.of(this.text);
    return this.table;
  }

  getText(range?: Range): string {
    const all = (this.joined ??= joinLines(this.text));
    return range ? all.slice(this.offsetAt(range.start), this.offsetAt(range.end)) : all;
  }

  positionAt(offset: number): Position {
    return this.lines.positionAt(offset);
  }

  offsetAt(position: Position): number {
    return this.lines.offsetAt(position);
  }
}
