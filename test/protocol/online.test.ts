/**
 * Checking links online through the built server over stdio, against a local site on
 * 127.0.0.1 (the test-only use of confnotes.links.checkPrivateAddresses): the request, its
 * progress and summary, the diagnostics and their quick fixes, files that are not open,
 * check on save, and the refusals (untrusted workspace, setting off).
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { routes, startSite, type LocalSite } from '../linkcheck/localSites';
import { LspClient, SERVER } from './lspClient';

describe('checking links online over stdio', function () {
  this.timeout(30000);
  let client: LspClient;
  let site: LocalSite;
  let dir: string;
  const uri = (name: string) => pathToFileURL(path.join(dir, name)).href;
  const notes = () => ['Talk by Ann Other', `  • ${site.http}/ok and ${site.http}/gone-404`, `  • ${site.http}/moved`, `  • ${site.http}/linkedin`, '  • http://example.com/never'].join('\n') + '\n';
  const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.range.start.line}:${d.code}`);
  const check = (params: unknown) => client.connection.sendRequest('confnotes/checkLinksOnline', params) as Promise<Record<string, number | boolean>>;
  const start = async (trusted: boolean, settings: Record<string, unknown> = {}) => {
    client.configuration = { links: { checkPrivateAddresses: true, timeout: 2, ...settings } };
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'notes' }],
      capabilities: { workspace: { configuration: true }, window: { workDoneProgress: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
      initializationOptions: { ignoreLinkCommand: true, trusted, cacheFolder: path.join(dir, '.cache') },
    });
    await client.connection.sendNotification('initialized', {});
  };

  beforeEach(async () => {
    site = await startSite(routes);
    dir = mkdtempSync(path.join(tmpdir(), 'confnotes-online-'));
    client = new LspClient();
  });
  afterEach(async () => {
    if (client.process.exitCode === null) client.kill();
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Should check a file when asked, with progress and a summary, and show dead, moved and unverified links with fixes', async () => {
    await start(true);
    const file = uri('a.notes');
    await client.open(file, notes());
    const flagged = client.diagnostics(file, (p) => p.diagnostics.some((d) => d.code === 'dead-link'));
    const summary = await check({ scope: 'file', uri: file });
    assert.deepEqual(
      [summary.files, summary.links, summary.dead, summary.redirected, summary.unverified, summary.skipped, summary.cancelled],
      [1, 5, 1, 1, 1, 1, false],
    );
    const diagnostics = (await flagged).diagnostics;
    assert.deepEqual(codes(diagnostics), ['1:dead-link', '2:redirected-link', '3:unverified-link']);
    assert.equal(diagnostics[0].message, 'Dead link: 404 Not Found');
    assert.equal(diagnostics[1].severity, 3, 'a redirect is information');
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: file }, range: diagnostics[1].range, context: { diagnostics: [diagnostics[1]] } })) as CodeAction[];
    const fix = actions.find((a) => a.title.startsWith('Change to'))!;
    assert.deepEqual((fix.edit!.changes![file] as TextEdit[])[0].newText, `${site.http}/ok`);
    const message = client.notifications.find((n) => n.method === 'window/showMessage')!.params as { message: string };
    assert.equal(message.message, 'Conference Notes: checked 5 links in 1 file: 1 dead, 1 moved, 1 not verifiable (the sites block checks), 1 not checked (examples, private addresses, other schemes, excluded).');
    const progress = client.notifications.filter((n) => n.method === '$/progress').map((n) => (n.params as { value: { kind: string } }).value.kind);
    assert.deepEqual([progress[0], progress.at(-1)], ['begin', 'end']);
    assert.ok(!site.seen.some((s) => s.path === '/never'), 'example.com is never asked');
    assert.equal(await client.stop(), 0);
  });

  it('Should check the whole workspace, each URL once, and give files that are not open their diagnostics', async () => {
    writeFileSync(path.join(dir, 'closed.notes'), `Closed talk by Bo Ng\n  • ${site.http}/gone-410\n  • ${site.http}/gone-404\n`);
    await start(true);
    const open = uri('a.notes');
    await client.open(open, notes());
    const closed = client.diagnostics(uri('closed.notes'), (p) => p.diagnostics.length > 0);
    const summary = await check({ scope: 'workspace' });
    assert.deepEqual([summary.files, summary.links, summary.dead], [2, 6, 2]);
    assert.deepEqual(codes((await closed).diagnostics), ['1:dead-link', '2:dead-link']);
    assert.equal(site.seen.filter((s) => s.path === '/gone-404').length, 1, '/gone-404 is in both files, asked once');
    assert.equal(await client.stop(), 0);
  });

  it('Should count a file once and check the editor\'s text when a client holds it open under another spelling of its URI', async () => {
    writeFileSync(path.join(dir, 'notes@home (2016).notes'), 'On disk by Bo Ng\n  • no links here\n');
    await start(true);
    // Node's spelling (`notes@home%20(2016).notes`), not VS Code's (`notes%40home%20%282016%29.notes`), which the index uses.
    const spelt = uri('notes@home (2016).notes');
    assert.ok(spelt.includes('@') && spelt.includes('('), spelt);
    await client.open(spelt, notes());
    const checked = client.diagnostics(spelt, (p) => p.diagnostics.some((d) => d.code === 'dead-link'));
    const summary = await check({ scope: 'workspace' });
    assert.deepEqual([summary.files, summary.links, summary.dead], [1, 5, 1]);
    assert.deepEqual(codes((await checked).diagnostics).filter((c) => c.endsWith('dead-link')), ['1:dead-link']);
    assert.equal(await client.stop(), 0);
  });

  it('Should answer a second check from the cache on disk, also after a restart', async () => {
    await start(true);
    const file = uri('a.notes');
    await client.open(file, notes());
    await check({ scope: 'file', uri: file });
    const asked = site.seen.length;
    await client.stop();
    client = new LspClient();
    await start(true);
    await client.open(file, notes());
    const summary = await check({ scope: 'file', uri: file });
    assert.deepEqual([summary.fromCache, summary.dead], [4, 1]);
    assert.equal(site.seen.length, asked, 'no new request');
    assert.ok(readFileSync(path.join(dir, '.cache', 'link-check-cache.json'), 'utf8').includes('/gone-404'));
    assert.equal(await client.stop(), 0);
  });

  it('Should check a file on save when confnotes.links.online is onSave', async () => {
    await start(true, { online: 'onSave' });
    const file = uri('a.notes');
    await client.open(file, notes());
    const flagged = client.diagnostics(file, (p) => p.diagnostics.some((d) => d.code === 'dead-link'));
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri: file } });
    assert.deepEqual(codes((await flagged).diagnostics), ['1:dead-link', '2:redirected-link', '3:unverified-link']);
    assert.equal(await client.stop(), 0);
  });

  it('Should refuse in an untrusted workspace, touch nothing, and check once the client says the workspace is trusted', async () => {
    await start(false, { online: 'onSave' });
    const file = uri('a.notes');
    await client.open(file, notes());
    await assert.rejects(check({ scope: 'file', uri: file }), /Links are not checked online in Restricted Mode/);
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri: file } });
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(site.seen.length, 0, 'no request in an untrusted workspace');
    await client.connection.sendNotification('confnotes/workspaceTrust', { trusted: true });
    assert.equal((await check({ scope: 'file', uri: file })).dead, 1);
    assert.equal(await client.stop(), 0);
  });

  it('Should refuse when confnotes.links.online is off', async () => {
    await start(true, { online: 'off' });
    const file = uri('a.notes');
    await client.open(file, notes());
    await assert.rejects(check({ scope: 'file', uri: file }), /Checking links online is off \(confnotes\.links\.online\)/);
    assert.equal(site.seen.length, 0);
    assert.equal(await client.stop(), 0);
  });

  it('Should skip a local site unless checkPrivateAddresses allows it', async () => {
    await start(true, { checkPrivateAddresses: false });
    const file = uri('a.notes');
    await client.open(file, notes());
    const summary = await check({ scope: 'file', uri: file });
    assert.deepEqual([summary.dead, summary.skipped], [0, 5]);
    assert.equal(site.seen.length, 0);
    assert.equal(await client.stop(), 0);
  });
});

describe('the online checker in the build', () => {
  it('Should keep the HTTP client out of the server and CLI bundles: it loads with the first online check', () => {
    const dist = (name: string) => readFileSync(path.join(path.dirname(SERVER), name), 'utf8');
    for (const bundle of ['server.js', 'cli.js']) {
      assert.ok(!dist(bundle).includes('undici'), `${bundle} bundles undici`);
      assert.match(dist(bundle), /import\("\.\/linkCheck\.js"\)/);
    }
    assert.ok(dist('linkCheck.js').includes('undici'));
  });
});
