/**
 * Never unresponsive (issue 16): while a large file is first parsed, requests about a small
 * open file — hover, outline, a keystroke's diagnostics — and the cancellation of a request on
 * the large file are answered. The clock for them starts once the server has the large file
 * (its log line "… parsed in slices"): before that the pipe still carries the file itself.
 */
import { readFileSync } from 'node:fs';
import { CancellationTokenSource } from 'vscode-languageserver-protocol/node';
import { LspClient } from '../test/protocol/lspClient';
import { SERVER_ENVIRONMENT } from '../server/src/protocol/serverEnvironment';
import { median, percentile } from './stats';

export interface ResponsivenessResult {
  readonly bigBytes: number;
  /** First parses measured (fresh servers); times below are their medians, requests pooled. */
  readonly runs: number;
  /** didOpen sent → the server's log line saying it has the file. */
  readonly receivedMs: number;
  /** didOpen sent → the large file's first diagnostics. */
  readonly firstDiagnosticsMs: number;
  /** Requests about the small file answered while the large one was parsed. */
  readonly answered: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** `$/cancelRequest` of a documentLink request on the large file → its answer (the slowest of the runs). */
  readonly cancelMs: number;
  readonly cancelCode: number | null;
}

interface FirstParse {
  readonly receivedMs: number;
  readonly firstDiagnosticsMs: number;
  readonly latencies: number[];
  readonly cancelMs: number;
  readonly cancelCode: number | null;
}

/**
 * `runs` first parses, each by a fresh server: one parse answers some 50 requests, whose p99 is
 * simply the slowest; pooled, a single pause of the collector no longer decides it alone (the
 * slowest is reported too).
 */
export async function measureResponsiveness(bigFile: string, smallFile: string, runs: number): Promise<ResponsivenessResult> {
  const big = readFileSync(bigFile, 'utf8');
  const small = readFileSync(smallFile, 'utf8');
  const all: FirstParse[] = [];
  for (let i = 0; i < runs; i++) all.push(await firstParse(big, small));
  const latencies = all.flatMap((r) => r.latencies);
  const cancelled = all.every((r) => r.cancelCode === -32800);
  return {
    bigBytes: Buffer.byteLength(big),
    runs,
    receivedMs: median(all.map((r) => r.receivedMs)),
    firstDiagnosticsMs: median(all.map((r) => r.firstDiagnosticsMs)),
    answered: latencies.length,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    maxMs: percentile(latencies, 100),
    cancelMs: Math.max(...all.map((r) => r.cancelMs)),
    cancelCode: cancelled ? -32800 : (all.find((r) => r.cancelCode !== -32800)?.cancelCode ?? null),
  };
}

async function firstParse(big: string, small: string): Promise<FirstParse> {
  const client = new LspClient(undefined, undefined, SERVER_ENVIRONMENT);
  await client.initialize({ ignoreLinkCommand: false, settings: { diagnostics: { delay: 0 } } }, false);
  const smallUri = 'file:///bench/small.notes';
  const bigUri = 'file:///bench/big.notes';
  let version = 1;
  await Promise.all([client.diagnostics(smallUri, (p) => p.version === 1, 60000), client.open(smallUri, small)]);

  const received = client.notification((n) => n.method === 'window/logMessage' && (n.params as { message: string }).message.startsWith(`${bigUri}: `), 120000);
  let bigDone = false;
  const firstDiagnostics = client.diagnostics(bigUri, (p) => p.version === 1, 300000).then(() => (bigDone = true));
  const sent = performance.now();
  await client.open(bigUri, big);
  await received;
  const receivedMs = performance.now() - sent;

  // A request on the large file, cancelled while it waits for the parse.
  const cancel = new CancellationTokenSource();
  const cancelled = client.connection.sendRequest('textDocument/documentLink', { textDocument: { uri: bigUri } }, cancel.token).then(
    () => null,
    (e: { code?: number }) => e.code ?? null,
  );
  const latencies: number[] = [];
  const timed = async (run: () => Promise<unknown>) => {
    const t = performance.now();
    await run();
    latencies.push(performance.now() - t);
  };
  const cancelledAt = performance.now();
  cancel.cancel();
  const cancelCode = await cancelled;
  const cancelMs = performance.now() - cancelledAt;
  while (!bigDone) {
    await timed(() => client.connection.sendRequest('textDocument/hover', { textDocument: { uri: smallUri }, position: { line: 2, character: 4 } }));
    await timed(() => client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: smallUri } }));
    const expected = ++version;
    await timed(async () => {
      const published = client.diagnostics(smallUri, (p) => p.version === expected, 60000);
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: smallUri, version: expected }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }] });
      await published;
    });
  }
  await firstDiagnostics;
  const firstDiagnosticsMs = performance.now() - sent;
  await client.stop();
  return { receivedMs, firstDiagnosticsMs, latencies, cancelMs, cancelCode };
}

// Run by bench/run.ts in a process of its own: a client that has just read and typed into 60 MB
// of notes pauses for its own garbage, and those pauses were counted as the server's.
if (require.main === module) {
  const [bigFile, smallFile, runs] = process.argv.slice(2);
  void measureResponsiveness(bigFile, smallFile, Number(runs)).then((result) => console.log(JSON.stringify(result)));
}
