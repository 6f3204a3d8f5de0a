import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT, SAMPLE, SAMPLE_PATH } from '../helpers';
import { LspClient, SERVER } from '../protocol/lspClient';
import { SAMPLE_OUTLINE } from '../shared/expectations.cjs';

interface NvimResult {
  error?: string;
  client: string;
  hierarchical: boolean;
  symbols: Array<{ name: string; detail?: string; children?: NvimResult['symbols'] }>;
  foldingRanges: unknown[];
  links: unknown[];
  published: { diagnostics: unknown[] };
  diagnostics: Array<{ lnum: number; col: number; end_col: number; severity: number; code: string; message: string }>;
  symbolItems: Array<{ lnum: number; text: string }>;
}

/** Runs headless Neovim on one of test/e2e/nvim/*.lua; returns what the script wrote. */
function runNvim(script: string, home: string, env: Record<string, string>): unknown {
  const out = path.join(home, 'result.json');
  const run = spawnSync('timeout', ['-k', '5', '60', 'nvim', '--headless', '-u', 'NONE', '-i', 'NONE', '-n',
    '-c', `luafile ${path.join(ROOT, 'test/e2e/nvim', script)}`, '-c', 'cquit 3'], {
    cwd: ROOT,
    input: '',
    encoding: 'utf8',
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: home, XDG_DATA_HOME: home, XDG_STATE_HOME: home, XDG_CACHE_HOME: home,
      CONFNOTES_SERVER: SERVER, CONFNOTES_OUT: out, CONFNOTES_NVIM: path.join(ROOT, 'test/e2e/nvim'), ...env },
  });
  let text = '';
  try { text = readFileSync(out, 'utf8'); } catch { /* reported below */ }
  assert.equal(run.status, 0, `nvim exited ${run.status}: ${run.stderr}\n${text}`);
  return JSON.parse(text);
}

describe('Neovim (headless, built-in LSP client)', function () {
  this.timeout(60000);
  let result: NvimResult;
  let home: string;

  before(function () {
    if (spawnSync('nvim', ['--version']).status !== 0) throw new Error('nvim is not installed: run scripts/e2e-setup.sh');
    home = mkdtempSync(path.join(tmpdir(), 'confnotes-nvim-'));
    result = runNvim('confnotes.lua', home, { CONFNOTES_FILE: SAMPLE_PATH }) as NvimResult;
  });
  after(() => rmSync(home, { recursive: true, force: true }));

  it('Should run the real Neovim client against the built server', () => {
    assert.equal(result.error, undefined);
    assert.match(result.client, /^Neovim 0\.\d+\.\d+$/);
    assert.equal(result.hierarchical, true);
  });

  it('Should show the outline Friday → Session 3 → Lighting talks, Closing in the symbol list', () => {
    assert.deepEqual(result.symbols.map((d) => d.name), SAMPLE_OUTLINE.days);
    assert.deepEqual(result.symbols[0].children![0].children!.map((t) => t.name), SAMPLE_OUTLINE.firstSessionTalks);
    // The rows :lua vim.lsp.buf.document_symbol() puts in the location list (1-based lines).
    assert.deepEqual(result.symbolItems.slice(0, 4), [
      { lnum: 1, text: '[Namespace] Friday' },
      { lnum: 1, text: '[Module] Session 3' },
      { lnum: 3, text: '[Event] Lighting talks' },
      { lnum: 66, text: '[Event] Closing' },
    ]);
  });

  it('Should give Neovim the github/steven-ellis warning at line 9, on the link\'s bytes', () => {
    // LSP says character 6–25 (UTF-16); Neovim stores byte columns, and '    • ' is 8 bytes ('•' is 3 in UTF-8).
    assert.deepEqual(result.diagnostics.map((d) => [d.lnum, d.col, d.end_col, d.code]), [[8, 8, 27, 'incomplete-link']]);
    assert.equal(result.diagnostics[0].severity, 2, 'vim.diagnostic.severity.WARN');
  });

  it('Should receive exactly what a plain protocol client receives', async () => {
    const client = new LspClient();
    await client.initialize();
    const uri = 'file://' + SAMPLE_PATH;
    const published = client.diagnostics(uri);
    await client.open(uri, SAMPLE);
    await published;
    const ask = (method: string) => client.connection.sendRequest(method, { textDocument: { uri } });
    assert.deepEqual(result.symbols, await ask('textDocument/documentSymbol'));
    assert.deepEqual(result.foldingRanges, await ask('textDocument/foldingRange'));
    assert.deepEqual(result.links, await ask('textDocument/documentLink'));
    await client.stop();
  });
});

describe('Neovim across a workspace (headless, built-in LSP client)', function () {
  this.timeout(60000);
  let home: string;
  let result: {
    error?: string;
    symbolItems: Array<{ file: string; lnum: number; text: string }>;
    diagnostics: Array<{ lnum: number; col: number; end_col: number; code: string }>;
    definition: { file: string; cursor: [number, number] };
    search: Record<string, Array<{ file: string; lnum: number; col: number; text: string }>>;
  };

  before(function () {
    home = mkdtempSync(path.join(tmpdir(), 'confnotes-nvim-workspace-'));
    const root = path.join(home, 'notes');
    cpSync(path.join(ROOT, 'test/fixtures/workspace'), root, { recursive: true });
    writeFileSync(path.join(root, 'lca2016.notes'), SAMPLE);
    writeFileSync(path.join(root, 'emoji.notes'), 'Kiwi 2020 – Monday – Session 1\n\nCars by Ann Other\n  • 🎉 über OBD2 port\n');
    // The README's Neovim search example, exactly as written there.
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const block = /<!-- neovim-search -->\n```lua\n([\s\S]*?)```/.exec(readme);
    assert.ok(block, 'README.md has the Neovim search example after <!-- neovim-search -->');
    writeFileSync(path.join(home, 'search.lua'), block[1]);
    result = runNvim('workspace.lua', home, { CONFNOTES_ROOT: root, CONFNOTES_FILE: path.join(root, 'reading-list.notes'), CONFNOTES_SEARCH_LUA: path.join(home, 'search.lua') }) as typeof result;
  });
  after(() => rmSync(home, { recursive: true, force: true }));

  it('Should list "prom wilk" from a file Neovim never opened first in the workspace symbol list', () => {
    assert.equal(result.error, undefined);
    assert.deepEqual(result.symbolItems[0], { file: 'lca2016.notes', lnum: 648, text: '[Event] An introduction to monitoring and alerting with timeseries at scale, with Prometheus by Jamie Wilkinson' });
  });

  it('Should flag the ambiguous and the misspelt reference, on their bytes', () => {
    // '  • [[' is 8 bytes: the title part starts at byte 8.
    assert.deepEqual(result.diagnostics.map((d) => [d.lnum, d.col, d.end_col, d.code]), [
      [4, 8, 15, 'ambiguous-reference'],
      [5, 8, 36, 'unresolved-reference'],
    ]);
  });

  it('Should jump with vim.lsp.buf.definition() to the talk in the other file', () => {
    assert.deepEqual(result.definition, { file: 'pyconau2019.confnotes', cursor: [3, 0] });
  });

  it("Should fill the quickfix list from confnotes/search with the README's :ConfnotesSearch, talk named, columns in bytes", () => {
    const unikernel = result.search.unikernel;
    assert.deepEqual(unikernel[0], {
      file: 'lca2016.notes',
      lnum: 629,
      col: 23,
      text: 'The future belongs to unikernels. Linux will soon no longer be used in Internet facing production systems. · Andrew Stuart — The future belongs to unikernels. Linux will soon no longer be used in Internet facing production systems. by Andrew Stuart',
    });
    assert.deepEqual(unikernel.map((r) => r.lnum), [629, 634, 641, 643, 644]);
    // '  • 🎉 über ' is 17 bytes (• 3, 🎉 4, ü 2): OBD2 starts at byte 18.
    assert.deepEqual(result.search.obd2, [{ file: 'emoji.notes', lnum: 4, col: 18, text: 'Cars · Ann Other — • 🎉 über OBD2 port' }]);
  });
});

describe('Neovim writing notes (headless, built-in LSP client)', function () {
  this.timeout(60000);
  let home: string;
  let file: string;
  let result: { error?: string; formatted: string; completion: string[] };
  const MESSY = ['Linux.conf.au 2016 – Friday – Session 3', '', 'Talk by Ann Other   ', '  • a', '  - b', '    * c', '', '', '', '', 'Closing', '\t• d', ''].join('\n');

  before(() => {
    home = mkdtempSync(path.join(tmpdir(), 'confnotes-nvim-writing-'));
    file = path.join(home, 'messy.notes');
    writeFileSync(file, MESSY);
    result = runNvim('writing.lua', home, { CONFNOTES_FILE: file }) as typeof result;
  });
  after(() => rmSync(home, { recursive: true, force: true }));

  it('Should format the buffer with the format command exactly as confnotes format does', () => {
    assert.equal(result.error, undefined);
    const cli = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'format', file], { encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    // Neovim holds lines: the final line break is the buffer's own end of line.
    assert.equal(result.formatted + '\n', cli.stdout);
    assert.match(result.formatted, /\n  • b\n    • c\n/);
  });

  it('Should list the next session header among the completions of an empty line', () => {
    assert.deepEqual(result.completion.slice(0, 2), ['Linux.conf.au 2016 – Friday – Session 4', 'Linux.conf.au 2016 – Saturday – Session 1']);
  });
});
