import { strict as assert } from 'node:assert';
import type { CodeAction, DocumentLink, DocumentSymbol, FoldingRange, Hover, TextEdit } from 'vscode-languageserver-types';
import { SAMPLE } from '../helpers';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient } from './lspClient';

const applyEdits = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create('file:///x.notes', 'confnotes', 1, text), edits);

const URI = 'file:///workspace/lca2016.notes';

describe('language server over stdio', function () {
  this.timeout(20000);
  let client: LspClient;

  beforeEach(() => {
    client = new LspClient();
  });
  afterEach(() => {
    if (client.process.exitCode === null) client.kill();
  });

  it('Should answer initialize with its capabilities and exit cleanly on shutdown + exit', async () => {
    const result = await client.initialize();
    assert.equal(result.serverInfo.name, 'confnotes-language-server');
    for (const c of ['documentSymbolProvider', 'foldingRangeProvider', 'documentLinkProvider', 'hoverProvider', 'codeActionProvider']) {
      assert.ok(result.capabilities[c], c);
    }
    assert.deepEqual(result.capabilities.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
    assert.equal(await client.stop(), 0);
  });

  it('Should publish the sample diagnostics on open, and answer symbols, folding and links', async () => {
    await client.initialize();
    const published = client.diagnostics(URI);
    await client.open(URI, SAMPLE);
    const diagnostics = (await published).diagnostics;
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.code, String(d.message).slice(0, 22)]), [[8, 'incomplete-link', "'github/steven-ellis' "]]);

    const [symbols, folding, links] = await Promise.all([
      client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } }) as Promise<DocumentSymbol[]>,
      client.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: URI } }) as Promise<FoldingRange[]>,
      client.connection.sendRequest('textDocument/documentLink', { textDocument: { uri: URI } }) as Promise<DocumentLink[]>,
    ]);
    assert.deepEqual(symbols.map((d) => d.name), ['Friday', 'Thursday', 'Wednesday', 'Sysadmin Miniconf']);
    assert.deepEqual(symbols[0].children![0].children!.map((t) => t.name), ['Lighting talks', 'Closing']);
    assert.ok(folding.some((r) => r.startLine === 2 && r.endLine === 63));
    assert.ok(links.some((l) => l.target === 'https://github.com/LABHR/octohatrack' && l.range.start.line === 23));
    assert.equal(await client.stop(), 0);
  });

  it('Should flag github/foo typed into a bullet, fix it with a code action, and clear the warning', async () => {
    await client.initialize();
    const text = 'Talk by Ann Other\n  • see \n';
    await client.open(URI, text);
    assert.deepEqual((await client.diagnostics(URI)).diagnostics, []);

    // Type "github/foo" one character at a time, as incremental didChange events.
    let version = 1;
    for (const [i, ch] of [...'github/foo'].entries()) {
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: URI, version: ++version },
        contentChanges: [{ range: { start: { line: 1, character: 8 + i }, end: { line: 1, character: 8 + i } }, text: ch }],
      });
    }
    const flagged = await client.diagnostics(URI, (p) => p.version === version && p.diagnostics.length > 0);
    assert.deepEqual(flagged.diagnostics.map((d) => [d.code, d.range]), [
      ['incomplete-link', { start: { line: 1, character: 8 }, end: { line: 1, character: 18 } }],
    ]);
    assert.ok(client.published.filter((p) => p.uri === URI).length < 5, 'typing is debounced, not one publish per keystroke');

    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: flagged.diagnostics[0].range,
      context: { diagnostics: flagged.diagnostics },
    })) as CodeAction[];
    const fix = actions.find((a) => a.isPreferred)!;
    const [edit] = fix.edit!.changes![URI] as TextEdit[];
    assert.deepEqual(edit.newText, 'https://github.com/foo');
    assert.ok(actions.some((a) => a.command?.command === 'confnotes.ignoreLink'));

    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: ++version },
      contentChanges: [{ range: edit.range, text: edit.newText }],
    });
    const cleared = await client.diagnostics(URI, (p) => p.version === version);
    assert.deepEqual(cleared.diagnostics, []);

    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 1, character: 12 } })) as Hover;
    assert.match((hover.contents as { value: string }).value, /https:\/\/github.com\/foo/);
    assert.equal(await client.stop(), 0);
  });

  it('Should follow workspace/configuration: severities and ignored links', async () => {
    client.configuration = { links: { severity: { 'incomplete-link': 'error' }, ignore: ['htp://*'] }, diagnostics: { delay: 0 } };
    await client.initialize();
    const published = client.diagnostics(URI);
    await client.open(URI, '  • github/x and htp://x.org');
    assert.deepEqual((await published).diagnostics.map((d) => [d.code, d.severity]), [['incomplete-link', 1]]);

    client.configuration = { links: { diagnostics: false } };
    const again = client.diagnostics(URI);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual((await again).diagnostics, []);
    assert.equal(await client.stop(), 0);
  });

  it('Should show sections under their talk, and read talk lines as confnotes.format (the old name of confnotes.reading) says, changed or not', async () => {
    await client.initialize();
    await client.open(URI, ['Grafana Tips – Jenkins Pipelines', '', 'Why', '  • a', 'Wrap-up', '  • b'].join('\n'));
    const talks = async () => {
      const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } })) as Array<{ name: string; detail?: string; children?: Array<{ name: string }> }>;
      return symbols.map((t) => [t.name, t.detail, (t.children ?? []).map((c) => c.name)]);
    };
    assert.deepEqual(await talks(), [['Grafana Tips', 'Jenkins Pipelines', ['Why', 'Wrap-up']]]);
    // The server reads the settings when told they changed: wait for the answer that follows them.
    client.configuration = { format: { speakerPosition: 'start', talks: ['wrap-up'] } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const wanted = JSON.stringify([['Jenkins Pipelines', 'Grafana Tips', ['Why']], ['Wrap-up', undefined, []]]);
    let answer = '';
    for (const deadline = Date.now() + 10000; answer !== wanted && Date.now() < deadline; ) answer = JSON.stringify(await talks());
    assert.equal(answer, wanted);
    assert.equal(await client.stop(), 0);
  });

  it('Should format a document and a selection, and turn "- " typed under a talk into the file\'s bullet', async () => {
    const init = (await client.initialize()) as { capabilities: Record<string, unknown> };
    assert.deepEqual([init.capabilities.documentFormattingProvider, init.capabilities.documentRangeFormattingProvider, init.capabilities.documentOnTypeFormattingProvider], [true, true, { firstTriggerCharacter: ' ' }]);
    const text = ['Talk by Ann Other  ', '  • a', '  - b', '', '', '', 'Next by Bo Ng', '* c'].join('\n');
    await client.open(URI, text);
    const options = { tabSize: 2, insertSpaces: true };
    const whole = (await client.connection.sendRequest('textDocument/formatting', { textDocument: { uri: URI }, options })) as TextEdit[];
    assert.equal(applyEdits(text, whole), ['Talk by Ann Other', '  • a', '  • b', '', '', 'Next by Bo Ng', '  • c', ''].join('\n'));
    const range = { start: { line: 2, character: 0 }, end: { line: 2, character: 5 } };
    const part = (await client.connection.sendRequest('textDocument/rangeFormatting', { textDocument: { uri: URI }, range, options })) as TextEdit[];
    assert.equal(applyEdits(text, part), ['Talk by Ann Other  ', '  • a', '  • b', '', '', '', 'Next by Bo Ng', '* c'].join('\n'));
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: 'Talk by Ann Other\n  • a\n- ' }] });
    const typed = (await client.connection.sendRequest('textDocument/onTypeFormatting', { textDocument: { uri: URI }, position: { line: 2, character: 2 }, ch: ' ', options })) as TextEdit[];
    assert.deepEqual(typed, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 2 } }, newText: '  • ' }]);
    assert.equal(await client.stop(), 0);
  });

  it('Should complete the next session header on an empty line, and speakers after " by "', async () => {
    await client.initialize();
    await client.open(URI, SAMPLE + '\n\nNew talk by Andrew ');
    type Items = { items: Array<{ label: string; detail?: string }> } | null;
    const complete = async (line: number, character: number) => ((await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: URI }, position: { line, character } })) as Items)?.items.map((i) => i.label) ?? [];
    const lines = SAMPLE.split('\n').length;
    assert.deepEqual(await complete(lines, 0), ['Linux.conf.au 2016 – Sysadmin Miniconf – Session 4']);
    assert.deepEqual(await complete(lines + 1, 'New talk by Andrew '.length), ['Andrew McDonnell', 'Andrew Stuart', 'Andrew Tridgell']);
    assert.deepEqual(await client.connection.sendRequest('confnotes/nextHeaders', { textDocument: { uri: URI }, position: { line: 2, character: 0 } }), [
      'Linux.conf.au 2016 – Friday – Session 4',
      'Linux.conf.au 2016 – Saturday – Session 1',
    ]);
    assert.equal(await client.stop(), 0);
  });

  it('Should export the open document, the talk at a position, or a selection (confnotes/export), and answer null for an unknown one', async () => {
    await client.initialize();
    await client.open(URI, SAMPLE);
    type Part = { text: string; what: string; title: string | null; unlinked: Array<{ line: number; text: string }> };
    const ask = (params: object) => client.connection.sendRequest('confnotes/export', { textDocument: { uri: URI }, ...params }) as Promise<Part | null>;
    const file = (await ask({ to: 'html' }))!;
    assert.match(file.text, /^<!doctype html>/);
    assert.equal(file.what, 'file');
    assert.deepEqual(file.unlinked.map((u) => [u.line, u.text]), [[8, 'github/steven-ellis']]);
    const talk = (await ask({ to: 'markdown', position: { line: 230, character: 4 } }))!;
    assert.deepEqual([talk.what, talk.title, talk.text.split('\n')[0]], ['talk', 'Helicopters and rocket-planes', '# Helicopters and rocket-planes — Andrew Tridgell <a id="helicopters-and-rocket-planes"></a>']);
    const selection = (await ask({ to: 'markdown', range: { start: { line: 4, character: 0 }, end: { line: 5, character: 99 } } }))!;
    assert.equal(selection.text, '- New Zealand Open Source Society\n  - [nzoss.org.nz](https://nzoss.org.nz/)\n');
    assert.equal(await client.connection.sendRequest('confnotes/export', { textDocument: { uri: 'file:///never-opened.notes' }, to: 'markdown' }), null);
    assert.equal(await client.stop(), 0);
  });

  it('Should register for configuration changes when the client can register dynamically', async () => {
    const registrations: string[] = [];
    client.connection.onRequest('client/registerCapability', (p: { registrations: Array<{ method: string }> }) => {
      registrations.push(...p.registrations.map((r) => r.method));
      return null;
    });
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } },
    });
    await client.connection.sendNotification('initialized', {});
    await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } });
    assert.deepEqual(registrations, ['workspace/didChangeConfiguration']);
    assert.equal(await client.stop(), 0);
  });

  it('Should take settings from initializationOptions when the client has no workspace/configuration', async () => {
    await client.initialize({ settings: { links: { severity: { 'incomplete-link': 'ignore' } } } }, false);
    const published = client.diagnostics(URI);
    await client.open(URI, '  • github/x and http://jmap.iox');
    assert.deepEqual((await published).diagnostics.map((d) => d.code), ['unknown-tld']);
    assert.equal(await client.stop(), 0);
  });

  it('Should answer the talk list and next/previous talk requests', async () => {
    await client.initialize();
    await client.open(URI, SAMPLE);
    const talks = (await client.connection.sendRequest('confnotes/talks', { textDocument: { uri: URI } })) as Array<{ title: string; day: string }>;
    assert.equal(talks.length, 23);
    assert.deepEqual([talks[22].title, talks[22].day], ['LNAV', 'Sysadmin Miniconf']);
    const next = await client.connection.sendRequest('confnotes/adjacentTalk', { textDocument: { uri: URI }, position: { line: 3, character: 0 }, direction: 'next' });
    assert.deepEqual(next, { start: { line: 65, character: 0 }, end: { line: 65, character: 7 } });
    assert.equal(await client.stop(), 0);
  });

  it('Should answer requests for unknown documents with empty results, not errors', async () => {
    await client.initialize();
    const other = { textDocument: { uri: 'file:///nowhere.notes' } };
    assert.deepEqual(await client.connection.sendRequest('textDocument/documentSymbol', other), []);
    assert.deepEqual(await client.connection.sendRequest('textDocument/foldingRange', other), []);
    assert.equal(await client.connection.sendRequest('textDocument/hover', { ...other, position: { line: 0, character: 0 } }), null);
    assert.equal(await client.stop(), 0);
  });

  it('Should clear diagnostics when a document closes', async () => {
    await client.initialize();
    await client.open(URI, '  • github/x');
    await client.diagnostics(URI, (p) => p.diagnostics.length === 1);
    const cleared = client.diagnostics(URI);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
    assert.deepEqual((await cleared).diagnostics, []);
    assert.equal(await client.stop(), 0);
  });

  it('Should exit when its client goes away (stdin closes)', async () => {
    await client.initialize();
    client.process.stdin!.end();
    const code = await Promise.race([client.exited, new Promise((r) => setTimeout(() => r('still running'), 5000))]);
    assert.notEqual(code, 'still running');
  });
});
