/**
 * Go to Talk… over the whole workspace — the server finds the talks as the user types (a
 * workspace may hold tens of thousands); recently picked talks come first; moving through the
 * list previews each talk; Escape restores the editor and position you came from — and
 * Next/Previous Talk and Session.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { TalkPick } from '../../server/src/protocol/requests';
import { AdjacentTalkRequest, SearchTalksRequest, TalksRequest } from '../../server/src/protocol/requests';
import { currentLine, fileLabel, reveal, type Place } from './outline';
import { PickerPreview } from './pickerPreview';
import { RecentList } from './recentList';
import { askAsTyped } from './typedQuery';

interface Item extends vscode.QuickPickItem {
  readonly talk?: TalkPick;
}

/** Recently picked talks. */
export type RecentTalks = RecentList<TalkPick>;

export function recentTalks(state: vscode.Memento): RecentTalks {
  return new RecentList<TalkPick>(state, 'confnotes.recentTalks', keyOf);
}

/** Talks listed per answer; typing narrows them. */
const LISTED = 200;
/** The server is asked again this long after the last keystroke. */
const TYPING_PAUSE_MS = 60;

const keyOf = (t: TalkPick) => `${t.uri}\n${t.title.toLowerCase()}`;
const placeOf = (t: TalkPick): Place => ({ uri: t.uri, kind: 'talk', ordinal: t.ordinal, line: t.line, title: t.title });

/** `matched`: the server found it for what is typed, so the quick pick must not drop it for its own matching. */
function itemOf(talk: TalkPick, matched: boolean): Item {
  return {
    label: talk.title,
    description: talk.speaker ?? undefined,
    detail: [talk.event, talk.day, talk.session, fileLabel(talk.uri)].filter(Boolean).join(' · '),
    alwaysShow: matched,
    talk,
  };
}

export async function goToTalk(client: BaseLanguageClient, recent: RecentTalks): Promise<void> {
  const preview = new PickerPreview();
  const activeUri = preview.document?.languageId === 'confnotes' ? client.code2ProtocolConverter.asUri(preview.document.uri) : undefined;
  const separator = (label: string): Item => ({ label, kind: vscode.QuickPickItemKind.Separator });

  /** Recently picked first, then this file's talks, then the rest: as found, with nothing twice. */
  const arrange = (found: TalkPick[], typed: boolean): Item[] => {
    const recentKeys = new Set(recent.all().map(keyOf));
    const recents = typed ? found.filter((t) => recentKeys.has(keyOf(t))) : recent.all();
    const seen = new Set(recents.map(keyOf));
    const here = found.filter((t) => t.uri === activeUri && !seen.has(keyOf(t)));
    for (const t of here) seen.add(keyOf(t));
    const rest = found.filter((t) => !seen.has(keyOf(t)));
    const items = (talks: TalkPick[]) => talks.map((t) => itemOf(t, typed));
    return [
      ...(recents.length > 0 ? [separator('recently picked'), ...items(recents)] : []),
      ...(here.length > 0 ? [separator('this file'), ...items(here)] : []),
      ...(rest.length > 0 ? [separator(here.length > 0 || recents.length > 0 ? 'other talks' : 'talks'), ...items(rest)] : []),
    ];
  };

  const quickPick = vscode.window.createQuickPick<Item>();
  quickPick.placeholder = 'Go to talk: type part of a title, speaker, event, day or session';
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  // The server ranks what is typed; recently picked stay first.
  (quickPick as { sortByLabel?: boolean }).sortByLabel = false;
  quickPick.busy = true;
  quickPick.show();

  // Before anything is typed: this file's talks in order, then the first of the workspace.
  const [hereTalks, first] = await Promise.all([
    activeUri ? client.sendRequest(TalksRequest, { textDocument: { uri: activeUri } }) : Promise.resolve([]),
    client.sendRequest(SearchTalksRequest, { query: '', limit: LISTED }),
  ]);
  // A talk of this file is a pick as it is (TalkItem extends TalkPick); only the pick is remembered.
  const ofThisFile: TalkPick[] = hereTalks.map(({ range: _range, selectionRange: _selection, ...pick }) => pick);
  const initial = arrange([...ofThisFile, ...first], false);
  if (initial.length === 0) {
    quickPick.hide();
    void vscode.window.showInformationMessage('No talks in the notes of this workspace yet: a talk is a title line followed by bullets, or "Title by Speaker".');
    return;
  }
  quickPick.items = initial;
  quickPick.busy = false;

  const firstItem = initial.find((i) => i.talk);
  // What the user last saw highlighted. Enter can land just as the server's answer replaces the
  // items, when the quick pick has no active item for a moment: that talk is still the one meant.
  let lastActive = firstItem?.talk;
  const show = (items: Item[]) => {
    quickPick.items = items;
    const talks = items.flatMap((i) => (i.talk ? [i.talk] : []));
    if (!talks.some((t) => lastActive && keyOf(t) === keyOf(lastActive))) lastActive = talks[0];
  };

  const typing = askAsTyped(
    quickPick,
    TYPING_PAUSE_MS,
    (value) => client.sendRequest(SearchTalksRequest, { query: value, limit: LISTED }),
    (found) => show(arrange(found, true)),
    () => show(initial),
  );

  // The first item is active when the list opens: the editor moves only once the user does.
  let moved = false;
  quickPick.onDidChangeActive(([active]) => {
    if (active?.talk) lastActive = active.talk;
    if (!moved && active === firstItem && quickPick.value === '') return;
    moved = true;
    // A file deleted since it was picked: nothing to preview.
    const talk = active?.talk;
    if (talk) preview.show(talk.uri, (document) => currentLine(client, document, placeOf(talk))).catch(() => undefined);
  });
  quickPick.onDidAccept(async () => {
    const chosen = (quickPick.selectedItems[0] ?? quickPick.activeItems[0])?.talk ?? (quickPick.items.length > 0 ? lastActive : undefined);
    if (!chosen) return;
    // Accepted before the picker hides (hiding without a choice restores the editor).
    const previewsEnded = preview.accept();
    quickPick.hide();
    await previewsEnded;
    try {
      await reveal(client, placeOf(chosen), { preview: false, viewColumn: preview.column });
      await recent.used(chosen);
    } catch (e) {
      await recent.forget(chosen);
      void vscode.window.showWarningMessage(`Conference Notes: cannot open ${fileLabel(chosen.uri)}: ${e instanceof Error ? e.message : e}`);
    }
  });
  quickPick.onDidHide(() => {
    typing.dispose();
    quickPick.dispose();
    void preview.restore();
  });
}

export async function moveToAdjacent(client: BaseLanguageClient, editor: vscode.TextEditor, direction: 'next' | 'previous', unit: 'talk' | 'session'): Promise<void> {
  const range = await client.sendRequest(AdjacentTalkRequest, {
    textDocument: { uri: client.code2ProtocolConverter.asUri(editor.document.uri) },
    position: client.code2ProtocolConverter.asPosition(editor.selection.active),
    direction,
    unit,
  });
  if (!range) {
    vscode.window.setStatusBarMessage(`No ${unit} ${direction === 'next' ? 'after' : 'before'} this one`, 2000);
    return;
  }
  const start = client.protocol2CodeConverter.asPosition(range.start);
  editor.selection = new vscode.Selection(start, start);
  editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
