/** A WorkspaceIndex over inline files, as the server builds it from disk: `file:///notes/<name>`. */
import type { NotesDocument } from '../../../server/src/parser/model';
import { parseNotes } from '../../../server/src/parser/parseNotes';
import { summarize } from '../../../server/src/workspace/fileSummary';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { withCursor } from '../../helpers';

export const uriOf = (name: string) => `file:///notes/${name}`;

export interface InMemoryWorkspace {
  readonly index: WorkspaceIndex;
  /** The model of each file, as an open document's. */
  doc(name: string): NotesDocument;
}

/** Files by name; a file's lines are joined with LF. */
export function workspaceOf(files: Record<string, string | string[]>): InMemoryWorkspace {
  const index = new WorkspaceIndex();
  const docs = new Map<string, NotesDocument>();
  for (const [name, text] of Object.entries(files)) {
    const doc = parseNotes(Array.isArray(text) ? text.join('\n') : text);
    docs.set(name, doc);
    index.setFromDisk(summarize(uriOf(name), doc));
  }
  return {
    index,
    doc: (name) => {
      const doc = docs.get(name);
      if (!doc) throw new Error(`no file ${name} in the test workspace`);
      return doc;
    },
  };
}

/**
 * A workspace whose file `name` holds a `$0` cursor: the workspace, that file's model and
 * the cursor's offset, ready for a feature at a position.
 */
export function workspaceWithCursor(name: string, files: Record<string, string | string[]>) {
  const marked = files[name];
  const { text, offset } = withCursor(Array.isArray(marked) ? marked.join('\n') : marked);
  const workspace = workspaceOf({ ...files, [name]: text });
  return { ...workspace, uri: uriOf(name), model: workspace.doc(name), offset };
}
