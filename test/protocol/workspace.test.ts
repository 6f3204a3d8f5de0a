/**
 * The workspace index over stdio: a copy of test/fixtures/workspace (plus the sample) in a temp
 * folder, read from disk at start-up, changed on disk while the server runs (with the
 * didChangeWatchedFiles events an editor sends), with open documents winning over disk.
 */
import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeLens, CompletionList, Diagnostic, Hover, Location, WorkspaceEdit, WorkspaceSymbol } from 'vscode-languageserver-types';
import type { OutlineNode, SearchAnswer } from '../../server/src/protocol/requests';
import { ROOT, SAMPLE } from '../helpers';
import { LspClient } from './lspClient';

const FIXTURE = path.join(ROOT, 'test/fixtures/workspace');
const CREATED = 1;
const CHANGED = 2;
const DELETED = 3;
const REQUEST_CANCELLED = -32800;

describe('workspace index over stdio', function () {
  this.timeout(30000);
  let client: LspClient;
  let dir: string;
  const uri = (relative: string) => pathToFileURL(path.join(dir, relative)).href;
  const request = <T>(method: string, params: unknown) => client.connection.sendRequest(method, params) as Promise<T>;
  const symbols = (query: string) => request<WorkspaceSymbol[]>('workspace/symbol', { query });
  const titles = (found: WorkspaceSymbol[]) => found.map((s) => s.name);
  const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.range.start.line}:${d.code}`);
  const watched = (...changes: Array<[string, number]>) => client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: changes.map(([f, type]) => ({ uri: uri(f), type })) });

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'confnotes-workspace-'));
    cpSync(FIXTURE, dir, { recursive: true });
    writeFileSync(path.join(dir, 'lca2016.notes'), SAMPLE);
    client = new LspClient();
  });
  afterEach(function () {
    if (client.process.exitCode === null) client.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Should index every notes file of the folder at start-up, skipping node_modules and other extensions, and watch them', async () => {
    const indexed = client.indexed();
    const result = await client.initializeWorkspace([pathToFileURL(dir).href]);
    assert.equal(result.capabilities.workspaceSymbolProvider, true);
    await indexed;
    const found = await symbols('');
    assert.deepEqual([...new Set(found.map((s) => path.basename(new URL(s.location.uri as string).pathname)))].sort(), ['kiwicon2019.notes', 'lca2016.notes', 'pyconau2019.confnotes', 'reading-list.notes']);
    const watchers = (client.registrations.get('workspace/didChangeWatchedFiles') as { watchers: Array<{ globPattern: string; kind?: number }> }).watchers;
    assert.deepEqual(watchers, [{ globPattern: '**/*.notes' }, { globPattern: '**/*.confnotes' }, { globPattern: '**/*', kind: 4 }]);
    assert.equal(await client.stop(), 0);
  });

  it('Should find "prom wilk" first among every talk of the workspace, and sessions by event and day', async () => {
    await client.initializeWorkspace([pathToFileURL(dir).href]);
    const [first] = await symbols('prom wilk');
    assert.equal(first.name, 'An introduction to monitoring and alerting with timeseries at scale, with Prometheus by Jamie Wilkinson');
    assert.deepEqual([first.location.uri, (first.location as Location).range.start.line], [uri('lca2016.notes'), 647]);
    assert.equal(first.containerName, 'Linux.conf.au 2016 · Wednesday · Session 3 · lca2016.notes');
    assert.equal(titles(await symbols('kiwicon friday'))[0], 'Kiwicon 2019 – Friday – Session 1');
    assert.equal(await client.stop(), 0);
  });

  it('Should check references against files that are not open, and re-check when they change on disk', async () => {
    await client.initializeWorkspace([pathToFileURL(dir).href]);
    const reading = uri('reading-list.notes');
    // (Published as soon as opened, and again with the references' once the first indexing is done.)
    let published = client.diagnostics(reading, (p) => p.diagnostics.length > 0);
    await client.open(reading, require('node:fs').readFileSync(path.join(dir, 'reading-list.notes'), 'utf8'));
    // Helicopter… is misspelt; Closing is in three files; the others resolve.
    assert.deepEqual(codes((await published).diagnostics), ['4:ambiguous-reference', '5:unresolved-reference']);

    // A new file on disk, with the talk the misspelt reference names.
    published = client.diagnostics(reading, (p) => p.diagnostics.length === 1);
    const outlineChanged = client.notification((n) => n.method === 'confnotes/outlineChanged');
    writeFileSync(path.join(dir, 'extra.notes'), 'Helicopter and rocket planes by Someone Else\n  • a different talk\n');
    await watched(['extra.notes', CREATED]);
    assert.deepEqual(codes((await published).diagnostics), ['4:ambiguous-reference']);
    await outlineChanged;
    // Caught in VS Code: a notification type without params arrived with null, and the client dropped it.
    assert.deepEqual(client.notifications.find((n) => n.method === 'confnotes/outlineChanged')!.params, {});

    // Changed on disk: the talk renamed; the reference is unresolved again.
    published = client.diagnostics(reading, (p) => p.diagnostics.length === 2);
    writeFileSync(path.join(dir, 'extra.notes'), 'Renamed talk by Someone Else\n  • a different talk\n');
    await watched(['extra.notes', CHANGED]);
    assert.deepEqual(codes((await published).diagnostics), ['4:ambiguous-reference', '5:unresolved-reference']);

    // Two of the three Closing talks deleted (a file, then a folder): that reference resolves, and
    // the one to Prompt toolkits, deleted with its folder, does not.
    published = client.diagnostics(reading, (p) => p.diagnostics[0]?.range.start.line === 2);
    rmSync(path.join(dir, 'kiwicon2019.notes'));
    rmSync(path.join(dir, 'pycon'), { recursive: true });
    await watched(['kiwicon2019.notes', DELETED], ['pycon', DELETED]);
    assert.deepEqual(codes((await published).diagnostics), ['2:unresolved-reference', '5:unresolved-reference']);
    assert.equal(await client.stop(), 0);
  });

  it('Should follow a rename on disk (a deletion and a creation)', async () => {
    await client.initializeWorkspace([pathToFileURL(dir).href]);
    renameSync(path.join(dir, 'kiwicon2019.notes'), path.join(dir, 'kiwi.notes'));
    const changed = client.notification((n) => n.method === 'confnotes/outlineChanged');
    await watched(['kiwicon2019.notes', DELETED], ['kiwi.notes', CREATED]);
    await changed;
    const kiwicon = (await symbols('Breaking into cars')).filter((s) => s.name.startsWith('Breaking'));
    assert.deepEqual(kiwicon.map((s) => s.location.uri), [uri('kiwi.notes')]);
    assert.equal(await client.stop(), 0);
  });

  it("Should let an open document's unsaved text win over its disk copy, and go back to the disk copy on close", async () => {
    await client.initializeWorkspace([pathToFileURL(dir).href]);
    const kiwicon = uri('kiwicon2019.notes');
    await client.open(kiwicon, 'Kiwicon 2019 – Friday – Session 1\n\nBreaking into trucks by Ann Other\n  • CAN bus\n');
    assert.deepEqual(titles(await symbols('breaking into')).filter((n) => n.startsWith('Breaking')), ['Breaking into trucks by Ann Other']);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: kiwicon } });
    assert.deepEqual(titles(await symbols('breaking into')).filter((n) => n.startsWith('Breaking')), ['Breaking into cars by Ann Other']);
    assert.equal(await client.stop(), 0);
  });

  it('Should search the words of every file, find a file changed on disk by its new words and not its old ones, and let open text win', async () => {
    await client.initializeWorkspace([pathToFileURL(dir).href]);
    const search = (query: string) => request<SearchAnswer>('confnotes/search', { query, limit: 10 });
    const first = (await search('OBD')).results[0];
    assert.deepEqual([first.title, first.speaker, first.event, first.day, first.session, first.uri, first.line], ['Breaking into cars', 'Ann Other', 'Kiwicon 2019', 'Friday', 'Session 1', uri('kiwicon2019.notes'), 2]);
    assert.deepEqual(first.hits.map((h) => [h.line, h.character, h.text]), [[3, 19, '• CAN bus on the OBD port']]);
    assert.equal((await search('esp8266 wifi')).results[0].title, 'Free as in cheap gadgets: the ESP8266');

    // Changed on disk: its new words are found, its old ones no longer.
    const outlineChanged = client.notification((n) => n.method === 'confnotes/outlineChanged');
    writeFileSync(path.join(dir, 'kiwicon2019.notes'), 'Kiwicon 2019 – Friday – Session 1\n\nBreaking into cars by Ann Other\n  • keyless entry immobiliser attacks\n');
    await watched(['kiwicon2019.notes', CHANGED]);
    await outlineChanged;
    assert.deepEqual((await search('OBD')).results, []);
    assert.deepEqual((await search('immobiliser attacks')).results.map((r) => [r.title, r.hits[0].line]), [['Breaking into cars', 3]]);

    // An open document's unsaved text wins; closing it goes back to the disk copy.
    const kiwicon = uri('kiwicon2019.notes');
    await client.open(kiwicon, 'Kiwicon 2019 – Friday – Session 1\n\nBreaking into cars by Ann Other\n  • 🎉 transponder codes\n');
    assert.deepEqual((await search('immobiliser')).results, []);
    assert.deepEqual((await search('transponder codes')).results[0].hits.map((h) => [h.line, h.character]), [[3, 7]]);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: kiwicon } });
    assert.deepEqual((await search('transponder')).results, []);
    assert.equal((await search('immobiliser')).results.length, 1);

    // Deleted on disk: gone from search.
    rmSync(path.join(dir, 'kiwicon2019.notes'));
    const gone = client.notification((n) => n.method === 'confnotes/outlineChanged');
    await watched(['kiwicon2019.notes', DELETED]);
    await gone;
    assert.deepEqual((await search('immobiliser')).results, []);
    assert.equal(await client.stop(), 0);
  });

  it('Should take an open file and its disk copy for one file however the client escapes its uri', async () => {
    // The server's disk walk writes `%40` for `@` (and escapes `(`, `+`…), as VS Code does; Node's
    // pathToFileURL, which some clients use, leaves them as they are.
    writeFileSync(path.join(dir, 'notes@home (2016).notes'), 'Solo talk by Ann Other\n  • [[Solo talk]]\n');
    await client.initializeWorkspace([pathToFileURL(dir).href]);
    const escaped = uri('notes@home (2016).notes');
    assert.match(escaped, /notes@home%20\(2016\)\.notes$/);
    const published = client.diagnostics(escaped, (p) => p.version === 1);
    await client.open(escaped, 'Solo talk by Ann Other\n  • [[Solo talk]]\n');
    assert.deepEqual((await published).diagnostics, [], 'not ambiguous with its own disk copy');
    assert.equal(titles(await symbols('solo talk')).filter((t) => t.startsWith('Solo talk')).length, 1);
    assert.equal(await client.stop(), 0);
  });

  it('Should go to definition, find references, count them in a code lens, hover and rename across files', async () => {
    await client.initializeWorkspace([pathToFileURL(dir).href]);
    const kiwicon = uri('kiwicon2019.notes');
    const lca = uri('lca2016.notes');
    await client.open(kiwicon, require('node:fs').readFileSync(path.join(dir, 'kiwicon2019.notes'), 'utf8'));
    const onReference = { textDocument: { uri: kiwicon }, position: { line: 4, character: 15 } };
    const [definition] = await request<Location[]>('textDocument/definition', onReference);
    assert.deepEqual([definition.uri, definition.range.start.line], [lca, 217]);
    const hover = await request<Hover>('textDocument/hover', onReference);
    assert.match((hover.contents as { value: string }).value, /^\*\*Helicopters and rocket-planes\*\* — Andrew Tridgell\n\nLinux\.conf\.au 2016 · Friday · Session 1 · lca2016\.notes, line 218/);
    assert.match((hover.contents as { value: string }).value, /\n\n- The wonderful and crazy world of Open Autopilots\n- Outback Challenge\n- [^\n]+$/, 'its first bullets, read from the file on disk');

    // From the title in a file that is not open: open it, then ask.
    await client.open(lca, SAMPLE.replace('The wonderful and crazy world', 'The unsaved world'));
    const hoverOpen = await request<Hover>('textDocument/hover', onReference);
    assert.match((hoverOpen.contents as { value: string }).value, /\n\n- The unsaved world of Open Autopilots\n/, 'the open text wins');
    const onTitle = { textDocument: { uri: lca }, position: { line: 217, character: 3 } };
    const references = await request<Location[]>('textDocument/references', { ...onTitle, context: { includeDeclaration: false } });
    assert.deepEqual(references.map((r) => [r.uri, r.range.start.line]), [[kiwicon, 4]]);
    const lenses = await request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: lca } });
    assert.ok(lenses.some((l) => l.range.start.line === 217 && l.command?.title === '1 reference'));
    assert.ok(lenses.some((l) => l.range.start.line === 647 && l.command?.title === '1 reference'), 'the reading list refers to the Prometheus talk');

    const edit = await request<WorkspaceEdit>('textDocument/rename', { ...onTitle, newName: 'Helicopters, rocket-planes and more' });
    assert.deepEqual(Object.keys(edit.changes!).sort(), [kiwicon, lca]);
    assert.deepEqual(edit.changes![kiwicon].map((e) => [e.range.start.line, e.range.start.character, e.range.end.character]), [[4, 10, 39]]);
    const refused = await request('textDocument/prepareRename', { textDocument: { uri: lca }, position: { line: 0, character: 3 } }).catch((e: { message: string }) => e.message);
    assert.match(String(refused), /Sessions are renamed by editing their header/);
    assert.equal(await client.stop(), 0);
  });

  it('Should complete talks of other files after [[ and close the reference', async () => {
    await client.initializeWorkspace([pathToFileURL(dir).href]);
    const scratch = uri('scratch.notes');
    await client.open(scratch, 'Scratch by Me Myself\n  • see [[prompt\n');
    const list = await request<CompletionList>('textDocument/completion', { textDocument: { uri: scratch }, position: { line: 1, character: 16 } });
    assert.equal(list.items[0].label, 'Prompt toolkits');
    assert.equal((list.items[0].textEdit as { newText: string }).newText, 'Prompt toolkits]]');
    assert.equal(await client.stop(), 0);
  });

  it('Should give the Conference Notes view its tree level by level, and the path to a talk', async () => {
    await client.initializeWorkspace([pathToFileURL(dir).href]);
    const children = (parent: string | null) => request<OutlineNode[]>('confnotes/outlineChildren', { parent });
    const top = await children(null);
    assert.deepEqual(top.map((n) => [n.label, n.description]), [
      ['Kiwicon 2019', '2 talks'],
      ['Linux.conf.au 2016', '23 talks'],
      ['PyCon AU 2019', '2 talks'],
      ['reading-list.notes', '1 talk'],
    ]);
    const [friday] = await children(top[1].id);
    assert.deepEqual((await children(friday.id)).map((n) => n.label), ['Session 3', 'Session 2', 'Session 1']);
    const path = await request<OutlineNode[]>('confnotes/outlinePath', { uri: uri('lca2016.notes'), kind: 'talk', ordinal: 5 });
    assert.deepEqual(path.map((n) => n.label), ['Linux.conf.au 2016', 'Friday', 'Session 1', 'Helicopters and rocket-planes']);
    const found = await request<Array<{ title: string; file: string }>>('confnotes/searchTalks', { query: 'breaking', limit: 10 });
    assert.deepEqual(found.map((t) => [t.title, t.file]), [['Breaking into cars', 'kiwicon2019.notes']]);
    assert.equal(await client.stop(), 0);
  });

  it('Should index both folders of a multi-root workspace, and drop a folder that is removed', async () => {
    const second = mkdtempSync(path.join(tmpdir(), 'confnotes-second-'));
    try {
      writeFileSync(path.join(second, 'other.notes'), 'Other root talk by Ann Other\n  • x\n');
      await client.initializeWorkspace([pathToFileURL(dir).href, pathToFileURL(second).href]);
      const otherRoot = async () => titles(await symbols('other root')).filter((t) => t.startsWith('Other root'));
      assert.deepEqual(await otherRoot(), ['Other root talk by Ann Other']);
      const changed = client.notification((n) => n.method === 'confnotes/outlineChanged');
      await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: pathToFileURL(second).href, name: 'second' }] } });
      await changed;
      assert.deepEqual(await otherRoot(), []);
      assert.equal(await client.stop(), 0);
    } finally {
      rmSync(second, { recursive: true, force: true });
    }
  });

  it('Should read other files when confnotes.files says so', async () => {
    client.configuration = { files: ['**/*.txt'] };
    await client.initializeWorkspace([pathToFileURL(dir).href]);
    assert.deepEqual(titles(await symbols('')), ['Text notes by Cy Dee']);
    const changed = client.notification((n) => n.method === 'confnotes/outlineChanged');
    client.configuration = { files: ['**/*.txt', '**/*.notes'] };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await changed;
    assert.ok((await symbols('')).length > 30);
    assert.equal(await client.stop(), 0);
  });

  it('Should answer for the open file while a large workspace is indexed, show progress, and cancel waiting requests', async () => {
    mkdirSync(path.join(dir, 'many'));
    for (let i = 0; i < 400; i++) writeFileSync(path.join(dir, 'many', `f${i}.notes`), SAMPLE.replace(/Linux\.conf\.au 2016/g, `Conf ${i} 2016`));
    const indexed = client.indexed().then(() => 'indexed');
    const progressEnded = client.notification((n) => n.method === '$/progress' && (n.params as { value: { kind: string } }).value.kind === 'end');
    await client.initializeWorkspace([pathToFileURL(dir).href]);
    const open = uri('open.notes');
    await client.open(open, 'Open talk by Ann Other\n  • x\n');
    const cancel = new (require('vscode-jsonrpc').CancellationTokenSource)();
    const waiting = client.connection.sendRequest('workspace/symbol', { query: 'x' }, cancel.token).then(() => 'answered', (e: { code: number }) => e.code);
    const outline = request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: open } }).then(() => 'outline');
    assert.equal(await Promise.race([outline, indexed]), 'outline', 'the open file is answered before the indexing ends');
    cancel.cancel();
    assert.equal(await waiting, REQUEST_CANCELLED);
    await indexed;
    await progressEnded;
    const progress = client.notifications.filter((n) => n.method === '$/progress').map((n) => (n.params as { value: { kind: string } }).value.kind);
    assert.equal(progress[0], 'begin');
    assert.equal(progress.at(-1), 'end');
    assert.ok(progress.includes('report'));
    assert.equal((await symbols('Conf 399')).length > 0, true);
    assert.equal(await client.stop(), 0);
  });
});
