/**
 * Search Notes…: the server searches every notes file as the user types; the matching lines are
 * listed under their talk; moving through them previews each line, Enter opens it with the word
 * selected, Escape goes back. Recent searches are offered before anything is typed.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { SearchHit, SearchResult } from '../../server/src/protocol/requests';
import { SearchNotesRequest } from '../../server/src/protocol/requests';
import { fileLabel } from './outline';
import { PickerPreview } from './pickerPreview';
import { RecentList } from './recentList';
import { askAsTyped } from './typedQuery';

interface Item extends vscode.QuickPickItem {
  readonly result?: SearchResult;
  readonly hit?: SearchHit;
  /** A recent search: choosing it types it again. */
  readonly recent?: string;
}

const LISTED = 30;
const TYPING_PAUSE_MS = 80;

/** Recent searches. */
export type RecentSearches = RecentList<string>;

export function recentSearches(state: vscode.Memento): RecentSearches {
  return new RecentList<string>(state, 'confnotes.recentSearches', (query) => query);
}

/** A talk's title, or what else the passage is. */
function heading(r: SearchResult): string {
  if (r.kind === 'talk') return r.title ?? '';
  return r.title ?? `${fileLabel(r.uri)} (before the first session)`;
}

/**
 * Each talk as a row (title, speaker; event, day, session and file below), its matching lines
 * as rows under it. The title line is the talk's own row: choosing it goes there.
 */
function itemsOf(results: readonly SearchResult[]): Item[] {
  return results.flatMap((result, i) => {
    const titleHit = result.hits.find((h) => h.line === result.line);
    const talk: Item = {
      label: `$(${result.kind === 'talk' ? 'book' : 'list-flat'}) ${heading(result)}`,
      description: [result.speaker, result.organisation && `(${result.organisation})`].filter(Boolean).join(' '),
      detail: [result.event, result.day, result.session, fileLabel(result.uri)].filter(Boolean).join(' · '),
      // The server matched it (prefixes, misspellings): the quick pick must not drop it by its own matching.
      alwaysShow: true,
      result,
      hit: titleHit ?? { line: result.line, character: 0, endCharacter: 0, text: '', textStart: 0, highlights: [], section: null },
    };
    const lines = result.hits
      .filter((hit) => hit !== titleHit)
      .map((hit): Item => ({ label: `$(blank) ${hit.text}`, description: [hit.section, `line ${hit.line + 1}`].filter(Boolean).join(' · '), alwaysShow: true, result, hit }));
    const more: Item[] = result.moreHits > 0 ? [{ label: `$(blank) $(ellipsis) ${result.moreHits} more line${result.moreHits === 1 ? '' : 's'}`, alwaysShow: true, result, hit: result.hits[0] }] : [];
    return [...(i > 0 ? [{ label: '', kind: vscode.QuickPickItemKind.Separator }] : []), talk, ...lines, ...more];
  });
}

const rangesOf = (hit: SearchHit) => hit.highlights.map(([s, e]) => new vscode.Range(hit.line, hit.textStart + s, hit.line, hit.textStart + e));

export async function searchNotes(client: BaseLanguageClient, recent: RecentSearches): Promise<void> {
  const preview = new PickerPreview();
  const quickPick = vscode.window.createQuickPick<Item>();
  quickPick.placeholder = 'Search notes: words, "a phrase", speaker:name, event:name, day:name, in:title';
  quickPick.matchOnDescription = false;
  quickPick.matchOnDetail = false;
  (quickPick as { sortByLabel?: boolean }).sortByLabel = false;
  const recentItems = (): Item[] => {
    const queries = recent.all();
    return queries.length === 0 ? [] : [{ label: 'recent searches', kind: vscode.QuickPickItemKind.Separator }, ...queries.map((q) => ({ label: `$(history) ${q}`, recent: q }))];
  };
  quickPick.items = recentItems();
  quickPick.show();

  let lastQuery = '';
  const typing = askAsTyped(
    quickPick,
    TYPING_PAUSE_MS,
    (value) => client.sendRequest(SearchNotesRequest, { query: value, limit: LISTED }),
    (answer, value) => {
      lastQuery = value;
      const items = itemsOf(answer.results);
      quickPick.items = items.length > 0 ? items : [{ label: answer.problems[0] ?? `No notes match ${value.trim()}`, alwaysShow: true }];
    },
    () => (quickPick.items = recentItems()),
  );

  quickPick.onDidChangeActive(([active]) => {
    const hit = active?.hit;
    if (active?.result && hit) preview.show(active.result.uri, async () => hit.line, rangesOf(hit)).catch(() => undefined);
  });
  quickPick.onDidAccept(async () => {
    const chosen = quickPick.selectedItems[0] ?? quickPick.activeItems[0];
    if (chosen?.recent !== undefined) {
      quickPick.value = chosen.recent;
      return;
    }
    if (!chosen?.result || !chosen.hit) return;
    const { result, hit } = chosen;
    // Accepted before the picker hides (hiding without a choice restores the editor).
    const previewsEnded = preview.accept();
    quickPick.hide();
    await previewsEnded;
    try {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(result.uri));
      const line = Math.min(hit.line, document.lineCount - 1);
      const selection = new vscode.Range(line, hit.character, line, hit.endCharacter);
      const editor = await vscode.window.showTextDocument(document, { preview: false, viewColumn: preview.column, selection });
      editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      await recent.used((lastQuery || quickPick.value).trim());
    } catch (e) {
      void vscode.window.showWarningMessage(`Conference Notes: cannot open ${fileLabel(result.uri)}: ${e instanceof Error ? e.message : e}`);
    }
  });
  quickPick.onDidHide(() => {
    typing.dispose();
    quickPick.dispose();
    void preview.restore();
  });
}
