/**
 * The server through the protocol, as an editor drives it: start-up to the `initialize`
 * answer, then typing into a large open file — one character per `didChange` (incremental
 * sync, debounce 0) until the diagnostics of that version arrive — and outline and folding
 * requests right after an edit. Memory is the server process's resident set.
 */
import { readFileSync } from 'node:fs';
import { LspClient } from '../test/protocol/lspClient';
import { applyEdit, splitLines } from '../server/src/parser/textLines';
import { SERVER_ENVIRONMENT } from '../server/src/protocol/serverEnvironment';
import { LINES_BEFORE_COMPACTION } from '../server/src/node/serverMemory';
import { median, percentile } from './stats';

const NO_DELAY = { ignoreLinkCommand: false, settings: { diagnostics: { delay: 0 } } };

export interface StartupResult {
  readonly initializeMs: number;
}

/** Spawn to `initialize` answer, median over fresh servers. */
export async function measureStartup(runs: number): Promise<StartupResult> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const client = new LspClient();
    await client.initialize(NO_DELAY, false);
    times.push(performance.now() - t);
    await client.stop();
  }
  return { initializeMs: median(times) };
}

export interface TypingResult {
  readonly bytes: number;
  readonly edits: number;
  readonly openToDiagnosticsMs: number;
  readonly keystrokeP50Ms: number;
  readonly keystrokeP99Ms: number;
  readonly keystrokeMaxMs: number;
  readonly symbolsAfterEditMs: number;
  readonly foldingAfterEditMs: number;
  readonly rssMB: number;
  readonly peakRssMB: number;
  /** RSS once the server, idle, compacted its heap (serverMemory.ts); null if it did not within 10 s. */
  readonly settledRssMB: number | null;
  /** Started with SERVER_ENVIRONMENT, as the VS Code client starts it. */
  readonly asVSCodeStartsIt: boolean;
}

/** A deterministic sequence of line numbers spread through the file. */
function* spreadLines(lineCount: number, seed = 1): Generator<number> {
  let state = seed;
  for (;;) {
    state = (state * 1103515245 + 12345) % 2147483648;
    yield state % lineCount;
  }
}

export async function measureTyping(file: string, edits: number, requests: number, asVSCodeStartsIt = true): Promise<TypingResult> {
  const content = readFileSync(file, 'utf8');
  let text = splitLines(content);
  const uri = 'file:///bench/' + file.split('/').pop();
  const client = new LspClient(undefined, undefined, asVSCodeStartsIt ? SERVER_ENVIRONMENT : {});
  await client.initialize(NO_DELAY, false);
  const pid = client.process.pid!;

  let t = performance.now();
  const first = client.diagnostics(uri, (p) => p.version === 1, 120000);
  await client.open(uri, content);
  await first;
  const openToDiagnosticsMs = performance.now() - t;

  let version = 1;
  const lines = spreadLines(text.lines.length);
  /** Types one character at the end of a line spread through the file. */
  const type = async () => {
    const line = lines.next().value as number;
    const at = { line, character: text.lines[line].length };
    text = applyEdit(text, at, at, 'x');
    version++;
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: at, end: at }, text: 'x' }],
    });
  };

  const latencies: number[] = [];
  for (let i = 0; i < edits; i++) {
    const expected = version + 1;
    const published = client.diagnostics(uri, (p) => p.version === expected, 60000);
    t = performance.now();
    await type();
    await published;
    latencies.push(performance.now() - t);
  }

  const afterEdit = async (method: string) => {
    const times: number[] = [];
    for (let i = 0; i < requests; i++) {
      await type();
      t = performance.now();
      await client.connection.sendRequest(method, { textDocument: { uri } });
      times.push(performance.now() - t);
    }
    return median(times);
  };
  const symbolsAfterEditMs = await afterEdit('textDocument/documentSymbol');
  const foldingAfterEditMs = await afterEdit('textDocument/foldingRange');

  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
  const rssMB = Math.round(kb('VmRSS') / 1000);
  const peakRssMB = Math.round(kb('VmHWM') / 1000);
  // The server compacts only after enough work (a tiny input never gets there).
  const compacts = edits * text.lines.length >= LINES_BEFORE_COMPACTION;
  const compacted = compacts && await client.notification((n) => n.method === 'window/logMessage' && /^memory compacted/.test((n.params as { message: string }).message), 10000).then(
    () => true,
    () => false,
  );
  const settledRssMB = compacted ? Math.round(kb('VmRSS') / 1000) : null;
  await client.stop();
  return {
    bytes: Buffer.byteLength(content),
    edits,
    openToDiagnosticsMs: median([openToDiagnosticsMs]),
    keystrokeP50Ms: percentile(latencies, 50),
    keystrokeP99Ms: percentile(latencies, 99),
    keystrokeMaxMs: percentile(latencies, 100),
    symbolsAfterEditMs,
    foldingAfterEditMs,
    rssMB,
    peakRssMB,
    settledRssMB,
    asVSCodeStartsIt,
  };
}
