/**
 * What a quick pick over places in notes files does to the editor (Go to Talk, Search Notes):
 * moving through the list previews each place without taking the focus; Escape closes what
 * only the preview opened and puts the editor, cursor and view back where they were.
 */
import * as vscode from 'vscode';

const previewDecoration = vscode.window.createTextEditorDecorationType({
  isWholeLine: true,
  backgroundColor: new vscode.ThemeColor('editor.rangeHighlightBackground'),
});
const wordDecoration = vscode.window.createTextEditorDecorationType({
  backgroundColor: new vscode.ThemeColor('editor.findMatchHighlightBackground'),
});

export class PickerPreview {
  private readonly before = snapshot();
  private readonly openBefore = new Set(vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => (t.input instanceof vscode.TabInputText ? t.input.uri.toString() : '')));
  private previewed: vscode.TextEditor | undefined;
  /** The preview being shown: the editor it opens must not come to the front after the picker's end. */
  private showing: Promise<unknown> = Promise.resolve();
  private run = 0;
  private done = false;

  /** The editor column the picker opens places in (the one the user was in). */
  get column(): vscode.ViewColumn | undefined {
    return this.before?.column;
  }

  /** The active notes document when the picker opened, if any. */
  get document(): vscode.TextDocument | undefined {
    return this.before?.document;
  }

  /**
   * Shows a line of a document (found by `lineOf` once it is open, since lines move as the user
   * types), its words `words` marked, unless a later preview or the end came first.
   */
  async show(uri: string, lineOf: (document: vscode.TextDocument) => Promise<number>, words: readonly vscode.Range[] = []): Promise<void> {
    const run = ++this.run;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const line = await lineOf(document);
    if (run !== this.run || this.done) return;
    const range = document.lineAt(Math.min(line, document.lineCount - 1)).range;
    const showing = vscode.window.showTextDocument(document, { preview: true, preserveFocus: true, viewColumn: this.before?.column });
    this.showing = Promise.resolve(showing).catch(() => undefined);
    const shown = await showing;
    this.clearMarks();
    shown.setDecorations(previewDecoration, [range]);
    shown.setDecorations(wordDecoration, [...words]);
    shown.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    this.previewed = shown;
  }

  /** A place was chosen: previews stop and their marks go; resolves once no preview is still coming to the front. */
  async accept(): Promise<void> {
    this.done = true;
    this.run++;
    await this.showing;
    this.clearMarks();
  }

  /** The picker closed without a choice: back to where the user was. */
  async restore(): Promise<void> {
    if (this.done) return;
    this.done = true;
    this.run++;
    // A preview still opening would come to the front after the restore (caught in the real-editor tier).
    await this.showing;
    this.clearMarks();
    const previewTabs = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .filter((t) => t.isPreview && t.input instanceof vscode.TabInputText && !this.openBefore.has(t.input.uri.toString()));
    if (previewTabs.length > 0) await vscode.window.tabGroups.close(previewTabs, true);
    const before = this.before;
    if (!before) return;
    // Back in front already (closing the preview brings it back): put the cursor and view back
    // without taking the focus, which by now may be in whatever the user opened next.
    const active = vscode.window.activeTextEditor;
    const inFront = active?.document === before.document && active.viewColumn === before.column;
    const restored = inFront ? active : await vscode.window.showTextDocument(before.document, { viewColumn: before.column, selection: before.selection });
    restored.selection = before.selection;
    if (before.visible) restored.revealRange(before.visible, vscode.TextEditorRevealType.AtTop);
  }

  private clearMarks(): void {
    this.previewed?.setDecorations(previewDecoration, []);
    this.previewed?.setDecorations(wordDecoration, []);
  }
}

function snapshot() {
  const editor = vscode.window.activeTextEditor;
  return editor && { document: editor.document, selection: editor.selection, visible: editor.visibleRanges[0], column: editor.viewColumn };
}
