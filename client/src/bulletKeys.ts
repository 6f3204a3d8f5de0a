/**
 * Tab / Shift+Tab on a bullet line indent and outdent it, Enter on an empty bullet ends the
 * list, and Shift+Tab on an unindented line (a header, a title) cycles the overview, as in
 * Org mode. Key bindings need context keys for where the cursor is; Enter continuing a
 * bullet is plain language-configuration (onEnterRules).
 */
import * as vscode from 'vscode';

const BULLET = /^[ \t]*[•\-*◦‣▪](?:[ \t\u00a0]|$)/;
const EMPTY_BULLET = /^[ \t]*[•\-*◦‣▪][ \t\u00a0]*$/;

export function registerBulletKeys(): vscode.Disposable {
  let onBullet: boolean | undefined;
  let onEmptyBullet: boolean | undefined;
  let onTopLine: boolean | undefined;
  const update = (editor: vscode.TextEditor | undefined) => {
    const line = editor && editor.document.languageId === 'confnotes' && editor.selections.length === 1 ? editor.document.lineAt(editor.selection.active.line).text : '';
    const bullet = BULLET.test(line);
    const empty = EMPTY_BULLET.test(line);
    const top = !bullet && /^\S/.test(line);
    if (bullet !== onBullet) void vscode.commands.executeCommand('setContext', 'confnotes.onBullet', (onBullet = bullet));
    if (empty !== onEmptyBullet) void vscode.commands.executeCommand('setContext', 'confnotes.onEmptyBullet', (onEmptyBullet = empty));
    if (top !== onTopLine) void vscode.commands.executeCommand('setContext', 'confnotes.onTopLine', (onTopLine = top));
  };
  update(vscode.window.activeTextEditor);
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.window.onDidChangeTextEditorSelection((e) => update(e.textEditor)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) update(vscode.window.activeTextEditor);
    }),
    vscode.commands.registerTextEditorCommand('confnotes.endList', (editor, edit) => {
      const line = editor.document.lineAt(editor.selection.active.line);
      edit.delete(line.range);
    }),
  );
}
