/**
 * A quick pick whose items the server finds as the user types (Go to Talk, Search Notes): the
 * server is asked once typing pauses, only the answer to what is typed now is shown — not one
 * that arrives after the box was cleared or typed on — and the box is busy while it waits.
 */
import type * as vscode from 'vscode';

export function askAsTyped<A>(
  quickPick: vscode.QuickPick<vscode.QuickPickItem>,
  pauseMs: number,
  ask: (value: string) => Promise<A>,
  answered: (answer: A, value: string) => void,
  cleared: () => void,
): vscode.Disposable {
  let typed = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listener = quickPick.onDidChangeValue((value) => {
    clearTimeout(timer);
    // Every keystroke makes the answers asked for before it stale.
    const run = ++typed;
    if (value.trim() === '') {
      quickPick.busy = false;
      cleared();
      return;
    }
    timer = setTimeout(async () => {
      quickPick.busy = true;
      try {
        const answer = await ask(value);
        if (run === typed) answered(answer, value);
      } catch {
        // The server restarted or the request was cancelled: the next keystroke asks again.
      } finally {
        if (run === typed) quickPick.busy = false;
      }
    }, pauseMs);
  });
  return {
    dispose: () => {
      clearTimeout(timer);
      listener.dispose();
    },
  };
}
