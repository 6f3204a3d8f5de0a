/**
 * The server in a browser's worker (vscode.dev, github.dev, code-server's web extension host):
 * no disk of its own — the client lists and reads every file (`confnotes/listFiles`,
 * `confnotes/readFile`) — search in the same worker, and no online checks.
 */
import type { ServerPlatform } from '../lsp/platform';
import { searchInThisThread } from '../lsp/searchService';

/** Said to whoever asks for an online check in the browser (docs: README "In the browser"). */
export const NO_ONLINE_CHECKS_IN_A_BROWSER =
  'Links are checked online only in VS Code on the desktop or with the CLI (`confnotes check --online`): in a browser, other sites refuse the requests. The offline checks work as ever.';

export const browserPlatform: ServerPlatform = {
  name: 'a browser worker',
  ownFiles: null,
  startSearch: searchInThisThread,
  online: { unavailable: NO_ONLINE_CHECKS_IN_A_BROWSER },
};
