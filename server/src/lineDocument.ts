/**
 * An open document as the server keeps it: its lines, not one string. The stock
 * TextDocument rebuilds a single string on every change, and reading a 10 MB string
 * built by concatenation costs tens of milliseconds before any parsing starts.
 */
import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { LineTable } from './parser/lineTable';
import { applyEdit, joinLines, splitLines, type TextLines } from './parser/textLines';

export class LineDocument {
  private table: LineTable | undefined;
  private joined: string | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    readonly version: number,
    readonly text: TextLines,
  ) {}

  static create(uri: string, languageId: string, version: number, content: string): LineDocument {
    return new LineDocument(uri, languageId, version, splitLines(content));
  }

  /** Applies the changes in order, as `TextDocument.update` does. */
  static update(document: LineDocument, changes: TextDocumentContentChangeEvent[], version: number): LineDocument {
    let text = document.text;
    for (const change of changes) {
      text = 'range' in change ? applyEdit(text, change.range.start, change.range.end, change.text) : splitLines(change.text);
    }
    return new LineDocument(document.uri, document.languageId, version, text);
  }

  get lineCount(): number {
    return this.text.lines.length;
  }

  get lines(): LineTable {
    return (this.table ??= new LineTable(this.text));
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
