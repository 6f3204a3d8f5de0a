/** One parsed model per open document, reused until the document's version changes. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { NotesDocument } from './parser/model';
import { parseNotes } from './parser/parseNotes';

export class DocumentModels {
  private readonly cache = new Map<string, { version: number; model: NotesDocument }>();

  get(document: TextDocument): NotesDocument {
    const hit = this.cache.get(document.uri);
    if (hit && hit.version === document.version) return hit.model;
    const model = parseNotes(document.getText());
    this.cache.set(document.uri, { version: document.version, model });
    return model;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
