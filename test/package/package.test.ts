/**
 * The npm package as a user gets it: `npm pack`, installed from the tarball into a prefix
 * outside the checkout (nothing of the repository on the path, no node_modules beside it),
 * then the installed bins run: the CLI's commands and the language server over stdio.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { ROOT, SAMPLE, SAMPLE_PATH } from '../helpers';
import { LspClient } from '../protocol/lspClient';

describe('the npm package, installed from its tarball', function () {
  this.timeout(120000);
  let dir: string;
  let prefix: string;
  let packed: { size: number; files: Array<{ path: string }> };
  const bin = (name: string) => path.join(prefix, 'bin', name);
  const run = (...args: string[]) => spawnSync(bin('confnotes'), args, { cwd: dir, encoding: 'utf8' });

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'confnotes-package-'));
    prefix = path.join(dir, 'prefix');
    // The bundles `npm test` has just built; no scripts (the build is not the package's business here).
    const pack = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(pack.status, 0, pack.stderr);
    packed = JSON.parse(pack.stdout)[0];
    const tarball = path.join(dir, (packed as unknown as { filename: string }).filename);
    const install = spawnSync('npm', ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', '--ignore-scripts', '--offline', tarball], { cwd: dir, encoding: 'utf8' });
    assert.equal(install.status, 0, install.stderr);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  // The development build `npm test` made (unminified, 1.1 MB packed); published minified, 0.85 MB (bench/RESULTS.md).
  it('Should hold the bundles, the grammar and icon of the extension, README, licence and changelog only, at most 1.25 MB packed', () => {
    const files = packed.files.map((f) => f.path).sort();
    assert.deepEqual(files.filter((f) => !/^dist\/[a-zA-Z]+\.js$/.test(f)), ['CHANGELOG.md', 'LICENSE', 'README.md', 'images/icon.png', 'language-configuration.json', 'package.json', 'syntaxes/confnotes.tmLanguage.json']);
    assert.deepEqual(files.filter((f) => f.startsWith('dist/')), ['dist/browserClient.js', 'dist/browserServer.js', 'dist/cli.js', 'dist/client.js', 'dist/linkCheck.js', 'dist/schedule.js', 'dist/searchWorker.js', 'dist/server.js']);
    assert.ok(packed.size <= 1.25 * 1024 * 1024, `${packed.size} bytes packed`);
  });

  it('Should install with no runtime dependency', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(manifest.dependencies, undefined);
    const installed = spawnSync('npm', ['ls', '--global', '--prefix', prefix, '--all', '--parseable'], { encoding: 'utf8' }).stdout.trim().split('\n');
    assert.deepEqual(installed.map((p) => path.relative(prefix, p)), ['lib', path.join('lib', 'node_modules', 'confnotes')]);
  });

  it('Should run confnotes outline, check, search and export from the installed bin', () => {
    const outline = run('outline', SAMPLE_PATH);
    assert.equal(outline.status, 0, outline.stderr);
    assert.match(outline.stdout, /Helicopters and rocket-planes {2}· Andrew Tridgell/);
    const check = run('check', SAMPLE_PATH);
    assert.equal(check.status, 1);
    assert.match(check.stdout, /incomplete-link/);
    const search = run('search', '--root', path.dirname(SAMPLE_PATH), 'unikernel');
    assert.equal(search.status, 0, search.stderr);
    const exported = run('export', '--to', 'html', SAMPLE_PATH);
    assert.equal(exported.status, 0, exported.stderr);
    assert.match(exported.stdout, /^<!doctype html>/);
    assert.equal(run('--help').status, 0);
    assert.equal(run('--version').stdout.trim(), `confnotes ${JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version}`);
  });

  it('Should answer initialize and documentSymbol from the installed confnotes-language-server --stdio', async () => {
    const client = new LspClient(['--stdio'], [bin('confnotes-language-server')]);
    try {
      const init = await client.initialize();
      assert.equal(init.serverInfo.name, 'confnotes-language-server');
      const uri = pathToFileURL(SAMPLE_PATH).href;
      await client.open(uri, SAMPLE);
      const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
      assert.deepEqual(symbols.map((s) => s.name).slice(0, 2), ['Friday', 'Thursday']);
      assert.equal(await client.stop(), 0);
    } finally {
      if (client.process.exitCode === null) client.kill();
    }
  });
});
