/**
 * The CLI and the editor's index read the same files (server/src/io/): one walk rule — hidden
 * folders and files and node_modules never read, symbolic links not followed — and one glob
 * setting (`--files`, `confnotes.files`). Checked on one tree by `confnotes outline`,
 * `confnotes search` and the built server's workspace symbols.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkspaceSymbol } from 'vscode-languageserver-types';
import { ROOT } from '../helpers';
import { LspClient } from '../protocol/lspClient';

const CLI = path.join(ROOT, 'dist/cli.js');
const GLOBS = ['**/*.notes', '**/*.confnotes', '**/*.txt'];
const EXPECTED = ['a.notes', 'sub/b.confnotes', 'sub/c.txt'];

describe('the CLI and the editor read the same files', function () {
  this.timeout(30000);
  let dir: string;
  const relative = (file: string) => path.relative(dir, file).split(path.sep).join('/');
  const cli = (...args: string[]) => {
    const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 20000 });
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout);
  };
  const files = GLOBS.flatMap((g) => ['--files', g]);

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'confnotes-same-files-'));
    const notes = (name: string) => {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), `Zebra crossings in ${name} by Ann Lee\n  • zebra stripes\n`);
    };
    for (const name of [...EXPECTED, '.hidden/d.notes', 'node_modules/pkg/e.notes', '.f.notes', 'other.md', 'sub/deeper/.cache/g.txt']) notes(name);
    symlinkSync(path.join(dir, 'sub'), path.join(dir, 'link-to-sub'));
    symlinkSync(path.join(dir, 'a.notes'), path.join(dir, 'link.notes'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('Should find the same files with confnotes outline DIR, confnotes search and the workspace index', async () => {
    const outlined = (cli('outline', '--json', ...files, dir) as Array<{ file: string }>).map((o) => relative(o.file));
    const searched = [...new Set((cli('search', '--json', ...files, '--root', dir, 'zebra') as Array<{ file: string }>).map((r) => relative(r.file)))].sort();

    const client = new LspClient();
    try {
      client.configuration = { files: GLOBS };
      const indexed = client.indexed();
      await client.initializeWorkspace([pathToFileURL(dir).href]);
      await indexed;
      const symbols = (await client.connection.sendRequest('workspace/symbol', { query: 'zebra' })) as WorkspaceSymbol[];
      const editor = [...new Set(symbols.map((s) => relative(fileURLToPath(s.location.uri))))].sort();
      assert.deepEqual({ outlined, searched, editor }, { outlined: EXPECTED, searched: EXPECTED, editor: EXPECTED });
      assert.equal(await client.stop(), 0);
    } finally {
      if (client.process.exitCode === null) client.kill();
    }
  });

  it('Should read only what confnotes.files names by default: no .txt', () => {
    const outlined = (cli('outline', '--json', dir) as Array<{ file: string }>).map((o) => relative(o.file));
    assert.deepEqual(outlined, ['a.notes', 'sub/b.confnotes']);
  });
});
