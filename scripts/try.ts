/**
 * `npm run try`: the extension in a real VS Code in your browser, without installing VS Code.
 * Builds and packages the .vsix, starts code-server on 127.0.0.1 with it installed and a workspace
 * holding the sample notes and the fixture workspace (notes that refer to each other), prints the
 * URL, and serves until Ctrl+C. PORT=… picks the port; WEB=1 installs the web extension only (its
 * `browser` entry), so that it runs in the workbench's web worker extension host as on vscode.dev.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { startCodeServer } from '../test/e2e/codeServer';
import { packageExtension, packageWebOnlyExtension } from '../test/e2e/package';

const root = path.resolve(__dirname, '..');
const run = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

async function main(): Promise<void> {
  run('bash', ['scripts/e2e-setup.sh']);
  const web = Boolean(process.env.WEB);
  const vsix = web ? packageWebOnlyExtension() : packageExtension();
  const fixture = (name: string) => readFileSync(path.join(root, 'test/fixtures', name), 'utf8');
  const server = await startCodeServer({
    vsix,
    trusted: true,
    port: process.env.PORT ? Number(process.env.PORT) : 8080,
    files: {
      'lca2016.notes': fixture('lca2016.notes'),
      'kiwicon2019.notes': fixture('workspace/kiwicon2019.notes'),
      'pyconau2019.confnotes': fixture('workspace/pycon/pyconau2019.confnotes'),
      'reading-list.notes': fixture('workspace/reading-list.notes'),
      'try-me.notes': [
        'My Conference 2026 – Monday – Session 1',
        '',
        'Trying confnotes by You Yourself',
        '  • Type a link with a typo here, e.g. github/foo or htp://example.org',
        '  • Type [[ and part of a talk title from another file: completion, then F12 or hover',
        '  • Ctrl+Alt+O: Go to Talk…   Ctrl+T: any talk of the workspace   Shift+Tab on a title: overview',
        '  • The Conference Notes view is in the Explorer',
        '',
      ].join('\n'),
    },
  });
  const where = web ? ' as a web extension (in the browser\'s web worker extension host)' : '';
  console.log(`\nconfnotes is running in VS Code (code-server)${where}. Open this in your browser:\n\n  ${server.url}\n\nPress Ctrl+C to stop.`);
  const stop = () => {
    server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
