/** Sizes of what ships: the minified bundles (built by the bench before it runs) and the .vsix. */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

export interface Sizes {
  readonly clientKB: number;
  readonly serverKB: number;
  readonly cliKB: number;
  /** The online link checker, loaded by the server and the CLI only when a link is checked online. */
  readonly linkCheckKB: number;
  /** The programme readers, loaded by the CLI only for `confnotes schedule`. */
  readonly scheduleKB: number;
  /** The web extension's bundles (package.json "browser"): its client, and its server, a worker's script. */
  readonly browserClientKB: number;
  readonly browserServerKB: number;
  readonly vsixKB: number | null;
}

const kb = (file: string) => Math.round(statSync(file).size / 1024);

export function measureSizes(withVsix: boolean): Sizes {
  let vsixKB: number | null = null;
  if (withVsix) {
    const out = path.join(ROOT, '.cache', 'bench', 'confnotes.vsix');
    // --no-dependencies: the bundles carry everything; vscode:prepublish builds them minified.
    const vsce = spawnSync('npx', ['vsce', 'package', '--no-dependencies', '--out', out], { cwd: ROOT, encoding: 'utf8' });
    if (vsce.status !== 0) throw new Error(`vsce package failed: ${vsce.stderr}`);
    vsixKB = kb(out);
  }
  const dist = (name: string) => kb(path.join(ROOT, 'dist', name));
  return {
    clientKB: dist('client.js'),
    serverKB: dist('server.js'),
    cliKB: dist('cli.js'),
    linkCheckKB: dist('linkCheck.js'),
    scheduleKB: dist('schedule.js'),
    browserClientKB: dist('browserClient.js'),
    browserServerKB: dist('browserServer.js'),
    vsixKB,
  };
}
