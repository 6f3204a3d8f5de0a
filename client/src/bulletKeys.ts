/**
 * Tab / Shift+Tab on a bullet line indent and outdent it, and Enter on an empty
 * bullet ends the list. Key bindings need context keys for "on a bullet"; Enter
 * continuing a bullet is plain language-configuration (onEnterRules).
 */
import * as vscode from 'vscode';

const BULLET = /^[ \t]*[•\-*◦‣▪](?:[ \t\u00a0]|$)/;
const EMPTY_BULLET = /^[ \t]*[•\-*◦‣▪][ \t\u00a0]*$/;

export function registerBulletKeys(): vscode.Disposable {
  let onBullet: boolean | undefined;
  let onEmptyBullet: boolean | undefined;
  const update = (editor: vscode.TextEditor | undefined) => {
    const line = editor && editor.document.languageId === 'confnotes' && editor.selections.length === 1 ? editor.document.lineAt(editor.selection.active.line).text : '';
    const bullet = BULLET.test(line);
    const empty = EMPTY_BULLET.test(line);
    if (bullet !== onBullet) void vscode.commands.executeCommand('setContext', 'confnotes.onBullet', (onBullet = bullet));
    if (empty !== onEmptyBullet) void vscode.commands.executeCommand('setContext', 'confnotes.onEmptyBullet', (onEmptyBullet = empty));
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
