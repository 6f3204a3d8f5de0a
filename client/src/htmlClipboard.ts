/** HTML on the clipboard as HTML, on the desktop: the platform's own tool takes it (VS Code's clipboard API takes text only). */
import { spawn } from 'node:child_process';
import * as vscode from 'vscode';

/**
 * Puts HTML on the clipboard as HTML with the platform's tool, when VS Code runs on this machine
 * (in a browser or remotely, the clipboard is elsewhere). False when no tool took it.
 */
export async function copyHtmlWithTool(html: string): Promise<boolean> {
  if (vscode.env.uiKind !== vscode.UIKind.Desktop || vscode.env.remoteName) return false;
  const tools: Array<[string, string[]]> =
    process.platform === 'darwin'
      ? [['osascript', ['-e', `set the clipboard to «data HTML${Buffer.from(html, 'utf8').toString('hex')}»`]]]
      : process.platform === 'win32'
        ? [['powershell', ['-NoProfile', '-Command', 'Set-Clipboard -AsHtml -Value ([Console]::In.ReadToEnd())']]]
        : [
            ['wl-copy', ['--type', 'text/html']],
            ['xclip', ['-selection', 'clipboard', '-t', 'text/html']],
          ];
  for (const [command, args] of tools) if (await feed(command, args, html)) return true;
  return false;
}

function feed(command: string, args: string[], input: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['pipe', 'ignore', 'ignore'] });
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code === 0));
    child.stdin.end(input);
  });
}
