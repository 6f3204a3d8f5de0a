/**
 * Completion inside `[[`: workspace talks and sessions, matched fuzzily by the server (so
 * `prom wilk` works in every editor), closing the reference with `]]`. A title shared by
 * several talks is inserted with its file (`lca2016.notes#Closing`).
 */
import { CompletionItemKind, type CompletionItem, type CompletionList } from 'vscode-languageserver-types';
import type { NotesDocument } from '../../parser/model';
import { fileName, sessionName, uriIsFile, type WorkspaceIndex } from '../../workspace/workspaceIndex';

/** Items per answer; the list is incomplete, so the editor asks again as the user types. */
const ITEMS = 100;

export function completions(doc: NotesDocument, index: WorkspaceIndex, offset: number): CompletionList | null {
  const line = doc.lines.lineAt(offset);
  const text = doc.lineText(line);
  const column = offset - doc.lines.lineStart(line);
  const before = text.slice(Math.max(0, column - 1000), column);
  const open = before.lastIndexOf('[[');
  if (open < 0) return null;
  let typed = before.slice(open + 2);
  if (/[[\]|]/.test(typed)) return null;
  const hash = typed.indexOf('#');
  const file = hash >= 0 ? typed.slice(0, hash).trim() : null;
  if (hash >= 0) typed = typed.slice(hash + 1);
  const start = doc.lines.positionAt(offset - typed.length);
  // The `]]` already there (auto-closed brackets), with whatever stands between, is replaced too.
  const after = text.slice(column, column + 1000);
  const closing = /^[^[\]|\r\n]*\]\]/.exec(after);
  const end = doc.lines.positionAt(offset + (closing ? closing[0].length : 0));
  let targets = index.search(typed, file === null ? ITEMS : ITEMS * 10);
  if (file !== null) targets = targets.filter((t) => uriIsFile(t.uri, file)).slice(0, ITEMS);
  const items = targets.map((target, rank): CompletionItem => {
    const title = target.kind === 'talk' ? target.title : sessionName(target);
    const qualified = file === null && index.resolve({ target: title, file: null }).kind === 'ambiguous' ? `${fileName(target.uri)}#${title}` : title;
    const where = target.kind === 'talk' ? [target.event, target.day, target.session].filter(Boolean).join(' · ') : `${target.talkCount} talks`;
    return {
      label: qualified,
      kind: target.kind === 'talk' ? CompletionItemKind.Event : CompletionItemKind.Module,
      labelDetails: { detail: target.kind === 'talk' && target.speaker ? ` — ${target.speaker}` : undefined, description: target.event ?? undefined },
      detail: `${where} · ${fileName(target.uri)}`,
      // The server ranked them; the editor must neither drop nor reorder them: what is typed
      // comes first in the filter text (and nothing before the title when nothing is typed).
      filterText: typed === '' ? target.heading : `${typed} ${target.heading}`,
      sortText: String(rank).padStart(5, '0'),
      textEdit: { range: { start, end }, newText: `${qualified}]]` },
    };
  });
  return { isIncomplete: true, items };
}
