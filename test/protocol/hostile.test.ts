/**
 * The built server over stdio, fed what editors and users really send on a bad day: huge
 * files, one enormous line, deep bullets, edits in any order and out of range, requests it
 * cannot answer, cancellations, and a client that vanishes. Timings go to docs/RELIABILITY.md
 * (printed here with CONFNOTES_TIMINGS=1), not into assertions.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { CancellationTokenSource, type ResponseError } from 'vscode-languageserver-protocol/node';
import type { DocumentSymbol, FoldingRange } from 'vscode-languageserver-types';
import { referenceEdit, SAMPLE } from '../helpers';
import { LspClient } from './lspClient';

const URI = 'file:///workspace/hostile.notes';
const REQUEST_CANCELLED = -32800;
const RUNS = Number(process.env.FAST_CHECK_RUNS ?? 1000);
const SEED = process.env.FAST_CHECK_SEED ? Number(process.env.FAST_CHECK_SEED) : undefined;

const timings = (label: string, since: number) => {
  if (process.env.CONFNOTES_TIMINGS) console.log(`      ${label}: ${Date.now() - since} ms`);
};

describe('language server on hostile input', function () {
  this.timeout(120000 + 20 * RUNS); // npm run fuzz raises RUNS
  let client: LspClient;
  const messages: string[] = [];
  const request = <R>(method: string, params: unknown, token?: CancellationTokenSource['token']) =>
    (token ? client.connection.sendRequest(method, params, token) : client.connection.sendRequest(method, params)) as Promise<R>;
  const ask = (uri: string) => ({ textDocument: { uri } });
  /** The diagnostics published for this version of a document, whether they came already or not. */
  const published = async (uri: string, version: number) =>
    (client.published.find((p) => p.uri === uri && p.version === version) ?? (await client.diagnostics(uri, (p) => p.version === version))).diagnostics;

  beforeEach(() => {
    client = new LspClient();
    messages.length = 0;
    client.connection.onNotification('window/showMessage', (p: { message: string }) => void messages.push(p.message));
  });
  afterEach(() => {
    if (client.process.exitCode === null) client.kill();
  });

  it('Should answer a 100 MB file, and answer a request cancelled while it waited as cancelled', async () => {
    const copies = Math.ceil(100e6 / SAMPLE.length);
    const text = Array(copies).fill(SAMPLE).join('\n');
    await client.initialize();
    let since = Date.now();
    await client.open(URI, text);
    const symbols = request<DocumentSymbol[]>('textDocument/documentSymbol', ask(URI));
    // Queued behind the first parse, then cancelled: the server must not run it later for nobody.
    const cancel = new CancellationTokenSource();
    const links = request('textDocument/documentLink', ask(URI), cancel.token).then(() => 'answered', (e: ResponseError) => e.code);
    cancel.cancel();
    const folding = request<FoldingRange[]>('textDocument/foldingRange', ask(URI));
    assert.equal((await symbols).length, 4 * copies);
    timings('open and outline of 100 MB', since);
    assert.equal(await links, REQUEST_CANCELLED);
    assert.equal((await folding).length, 5000, 'the client asked for at most 5000 ranges');

    since = Date.now();
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'x' }],
    });
    const hover = await request('textDocument/hover', { ...ask(URI), position: { line: 23, character: 30 } });
    timings('keystroke then hover in 100 MB', since);
    assert.ok(hover, 'a link is under the cursor');
    assert.equal(await client.stop(), 0);
  });

  it('Should answer requests about a small file while a large one is first parsed, and cancel one on the large file meanwhile', async () => {
    // Ordering, not time: every answer about the small file comes after the server said it parses
    // the large one in slices and before that parse's diagnostics (its end).
    const copies = Math.ceil(20e6 / SAMPLE.length);
    const big = Array(copies).fill(SAMPLE).join('\n');
    const small = 'file:///workspace/small.notes';
    const events: string[] = [];
    await client.initialize({ ignoreLinkCommand: false, settings: { diagnostics: { delay: 0 } } }, false);
    await client.open(small, SAMPLE);
    await published(small, 1);
    const slicing = client
      .notification((n) => n.method === 'window/logMessage' && /^\S+: \d+ lines, parsed in slices$/.test((n.params as { message: string }).message), 60000)
      .then(() => events.push('parse started'));
    void client.diagnostics(URI, (p) => p.version === 1, 60000).then(() => events.push('large file parsed'));
    await client.open(URI, big);
    await slicing;
    const cancel = new CancellationTokenSource();
    const links = request('textDocument/documentLink', ask(URI), cancel.token).then(() => 'answered', (e: ResponseError) => e.code);
    cancel.cancel();
    void links.then(() => events.push('cancelled'));
    const hover = await request<{ contents: { value: string } } | null>('textDocument/hover', { ...ask(small), position: { line: 23, character: 30 } });
    events.push('hover');
    const symbols = await request<DocumentSymbol[]>('textDocument/documentSymbol', ask(small));
    events.push('outline');
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: small, version: 2 },
      contentChanges: [{ range: { start: { line: 23, character: 0 }, end: { line: 23, character: 0 } }, text: '  • http://example.org/x\n' }],
    });
    const diagnostics = await published(small, 2);
    events.push('keystroke');
    assert.equal(await links, REQUEST_CANCELLED);
    await published(URI, 1);
    assert.deepEqual(events, ['parse started', 'cancelled', 'hover', 'outline', 'keystroke', 'large file parsed']);
    assert.ok(hover?.contents.value.includes('Link'), 'the hover is on a link');
    assert.equal(symbols.length, 4, 'the sample has four days');
    assert.equal(diagnostics.length, (await published(small, 1)).length, 'the line typed holds a good link: nothing new to say');
    const outline = await request<DocumentSymbol[]>('textDocument/documentSymbol', ask(URI));
    assert.equal(outline.length, 4 * copies, 'the large file parsed in slices as a whole parse reads it');
  });

  it('Should not look for links in a 5 MB line, say so once, and still find them on other lines', async () => {
    // Caught: finding links was quadratic in the links on a line (minutes for this one), and the
    // "say so" was a window/showMessageRequest whose refusal by this client crashed the server.
    const long = '  • ' + 'see http://x.org/a '.repeat(Math.ceil(5e6 / 19));
    const text = `Talk by Ann Other\n${long}\n  • http://jmap.io and github/x\n`;
    await client.initialize();
    let since = Date.now();
    const opened = client.diagnostics(URI, () => true, 60000);
    await client.open(URI, text);
    assert.deepEqual((await opened).diagnostics.map((d) => [d.range.start.line, d.code]), [[2, 'incomplete-link']]);
    timings('open and diagnostics of a 5 MB line', since);
    const links = await request<Array<{ range: { start: { line: number } } }>>('textDocument/documentLink', ask(URI));
    assert.deepEqual(links.map((l) => l.range.start.line), [2, 2]);

    since = Date.now();
    for (let version = 2; version <= 4; version++) {
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: URI, version },
        contentChanges: [{ range: { start: { line: 1, character: 8 }, end: { line: 1, character: 8 } }, text: 'y' }],
      });
    }
    await published(URI, 4);
    timings('three keystrokes in a 5 MB line', since);
    assert.equal(messages.length, 1, messages.join('\n'));
    assert.match(messages[0], /hostile\.notes, line 2 is longer than 100,000 characters; links in such lines are not looked for/);
    assert.equal(await client.stop(), 0);
  });

  it('Should fold and outline 100,000 bullets 200 levels deep', async () => {
    const lines = ['Talk by Ann Other'];
    for (let i = 0; i < 100000; i++) lines.push('  '.repeat(1 + (i % 200)) + '• b' + i);
    await client.initialize();
    const since = Date.now();
    await client.open(URI, lines.join('\n'));
    const [symbols, folding] = await Promise.all([
      request<DocumentSymbol[]>('textDocument/documentSymbol', ask(URI)),
      request<FoldingRange[]>('textDocument/foldingRange', ask(URI)),
    ]);
    timings('open, outline and folding of 100,000 deep bullets', since);
    assert.deepEqual(symbols.map((s) => [s.name, s.range.end.line]), [['Talk', 100000]]);
    assert.equal(folding.length, 5000);
    // The talk folds first; the first bullet holds the next 199 levels.
    assert.deepEqual([folding[0].startLine, folding[0].endLine], [0, 100000]);
    assert.deepEqual([folding[1].startLine, folding[1].endLine], [1, 200]);
    assert.equal(await client.stop(), 0);
  });

  it('Should keep the same state as the reference TextDocument through any edits, in range or not, in any order', async () => {
    // Each run edits one document through didChange (several changes per notification, as
    // clients batch them; positions may be past the end or reversed), then opens the final text
    // fresh: every answer for the two must be the same.
    const sampleLines = SAMPLE.split('\n');
    const snippet = fc.oneof(
      fc.constantFrom('', 'x', '\n', '\r\n', '\r', '  • ', 'Talk by Ann Other\n', 'LCA 2017 – Monday – Session 1\n', 'github/x ', '😀', '\u00a0', '\ufeff', '\t'),
      fc.constantFrom(...sampleLines).map((l) => l + '\n'),
      fc.string({ maxLength: 6 }),
    );
    const position = fc.record({ line: fc.integer({ min: -1, max: 30 }), character: fc.integer({ min: -1, max: 60 }) });
    const change = fc.record({ range: fc.record({ start: position, end: position }), text: snippet });
    const run = fc.record({
      text: fc.array(fc.constantFrom(...sampleLines), { maxLength: 25 }).map((l) => l.join('\n')),
      edits: fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { maxLength: 8 }),
    });
    client.configuration = { diagnostics: { delay: 0 } };
    await client.initialize();
    let n = 0;
    const answers = (uri: string) =>
      Promise.all(['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/documentLink'].map((m) => request(m, ask(uri))));
    await fc.assert(
      fc.asyncProperty(run, async ({ text, edits }) => {
        const edited = `file:///edited-${++n}.notes`;
        const fresh = `file:///fresh-${n}.notes`;
        let reference = text;
        await client.open(edited, text);
        for (const [i, changes] of edits.entries()) {
          for (const c of changes) reference = referenceEdit(reference, c.range, c.text);
          await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: edited, version: i + 2 }, contentChanges: changes });
        }
        await client.open(fresh, reference);
        assert.deepEqual(await answers(edited), await answers(fresh));
        const [a, b] = await Promise.all([published(edited, edits.length + 1), published(fresh, 1)]);
        assert.deepEqual(a, b);
        for (const uri of [edited, fresh]) await client.connection.sendNotification('textDocument/didClose', ask(uri));
      }),
      { numRuns: Math.ceil(RUNS / 5), seed: SEED },
    );
    assert.equal(await client.stop(), 0);
  });

  it('Should take a 500,000-line paste in one change', async () => {
    // Caught: the edit spread every pasted line into one splice() call and overflowed the stack.
    await client.initialize();
    await client.open(URI, 'Talk by Ann Other\n  • a\n');
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '  • github/x\n'.repeat(500000) }],
    });
    const folding = await request<FoldingRange[]>('textDocument/foldingRange', ask(URI));
    assert.deepEqual([folding[0].startLine, folding[0].endLine], [0, 500001]);
    // Caught too: all 500,000 warnings went out in one 100 MB message; VS Code shows 1000.
    const diagnostics = await published(URI, 2);
    assert.equal(diagnostics.length, 1001);
    assert.match(String(diagnostics[1000].message), /^499000 more link problems are not shown/);
    assert.equal(await client.stop(), 0);
  });

  it('Should answer malformed, unknown and out-of-range requests with clean errors, and keep serving', async () => {
    await client.initialize();
    await client.open(URI, 'Talk by Ann Other\n  • http://jmap.io\n');
    // Positions far past the end, and negative ones.
    assert.equal(await request('textDocument/hover', { ...ask(URI), position: { line: 1e6, character: 1e6 } }), null);
    assert.equal(await request('textDocument/hover', { ...ask(URI), position: { line: -5, character: -5 } }), null);
    assert.deepEqual(await request('confnotes/adjacentTalk', { ...ask(URI), position: { line: 1e6, character: 0 }, direction: 'previous' }), {
      start: { line: 0, character: 0 },
      end: { line: 0, character: 17 },
    });
    // Changes and closes for documents never opened, a second open of an open one.
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///never.notes', version: 2 }, contentChanges: [{ text: 'x' }] });
    await client.connection.sendNotification('textDocument/didClose', ask('file:///never.notes'));
    await client.open(URI, 'Closing\n  • bye\n', 7);
    // Missing parameters, an unknown method, a cancelled request that already ran.
    await assert.rejects(request('textDocument/documentSymbol', {}), (e: ResponseError) => e.code === -32603);
    await assert.rejects(request('confnotes/noSuchRequest', {}), (e: ResponseError) => e.code === -32601);
    const cancel = new CancellationTokenSource();
    const symbols = request<DocumentSymbol[]>('textDocument/documentSymbol', ask(URI), cancel.token);
    setImmediate(() => cancel.cancel());
    await symbols.then(
      (s) => assert.deepEqual(s.map((t) => t.name), ['Closing']),
      (e: ResponseError) => assert.equal(e.code, REQUEST_CANCELLED),
    );
    const symbolsNow = await request<DocumentSymbol[]>('textDocument/documentSymbol', ask(URI));
    assert.deepEqual(symbolsNow.map((t) => t.name), ['Closing']);
    // Search Notes with no query, a query that is not text, a limit that is not a number, and a
    // pasted page of words (only the first 32 searched, and said so).
    type Answer = { results: Array<{ title: string }>; problems: string[] };
    assert.deepEqual(await request<Answer>('confnotes/search', {}), { results: [], found: 0, problems: ['confnotes/search: "query" must be a string'] });
    assert.deepEqual((await request<Answer>('confnotes/search', { query: 42 })).results, []);
    assert.deepEqual((await request<Answer>('confnotes/search', { query: 'bye', limit: 'all' })).results.map((r) => r.title), ['Closing']);
    const pasted = await request<Answer>('confnotes/search', { query: `bye ${'x'.repeat(5000)} ${'🎉 "a '.repeat(2000)}`, limit: -3 });
    assert.deepEqual(pasted.problems, ['only the first 32 words are searched']);
    assert.equal(await client.stop(), 0);
  });

  it('Should refuse requests after shutdown and exit with 0 on exit', async () => {
    await client.initialize();
    await client.open(URI, 'Closing\n');
    await request('shutdown', undefined);
    await assert.rejects(request('textDocument/documentSymbol', ask(URI)), (e: ResponseError) => e.code === -32600);
    await client.connection.sendNotification('exit');
    assert.equal(await client.exited, 0);
  });

  it('Should exit with 1 on exit without shutdown, as the protocol says', async () => {
    await client.initialize();
    await client.connection.sendNotification('exit');
    assert.equal(await client.exited, 1);
  });

  it('Should exit when its client dies without a word (stdin closes), leaving no process behind', async () => {
    await client.initialize();
    await client.open(URI, SAMPLE);
    await request('textDocument/documentSymbol', ask(URI));
    client.process.stdin!.destroy();
    const code = await Promise.race([client.exited, new Promise((r) => setTimeout(() => r('still running'), 5000))]);
    assert.notEqual(code, 'still running');
    assert.throws(() => process.kill(client.process.pid!, 0), /ESRCH/);
  });
});
