/**
 * In a browser, links are checked offline only (other sites refuse a browser's requests): said
 * once, plainly, in the status bar beside a notes file, with the reason on hover and on click.
 */
import * as vscode from 'vscode';

const WHY =
  'In the browser, Conference Notes checks links offline only (malformed URLs, unknown domains, incomplete links): other sites refuse requests from a browser. Check them online in VS Code on the desktop, or with `confnotes check --online`.';
const SHOW_WHY = 'confnotes.whyOfflineLinks';

export function showOfflineLinksNote(): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('confnotes.offlineLinks', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Conference Notes: links checked offline';
  item.text = '$(globe) Links: offline checks';
  item.tooltip = new vscode.MarkdownString(WHY);
  item.command = SHOW_WHY;
  const update = (editor: vscode.TextEditor | undefined) => (editor?.document.languageId === 'confnotes' ? item.show() : item.hide());
  update(vscode.window.activeTextEditor);
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.commands.registerCommand(SHOW_WHY, () => void vscode.window.showInformationMessage(WHY.replace(/`/g, ''))),
  );
}
