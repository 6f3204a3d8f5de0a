/**
 * `npm run bench:workspace`: a generated workspace of 1,000 notes files (50 MB) read by the
 * built server over stdio, as an editor starts it on a folder: time to index, workspace-symbol
 * queries, the Conference Notes view's outline, typing into a file with references, a file
 * changed on disk, and server memory. Writes the "workspace" section of bench/RESULTS.md.
 * `--smoke`: 20 files, 1 MB (the test suite's run); `--out FILE`; `--no-build`; `--files N
 * --megabytes M` another size (issue "Scale": 10,000 files, 400 MB), written with `--out`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../test/protocol/lspClient';
import { generateWorkspace } from './generateWorkspace';
import { writeSection } from './resultsFile';
import { percentile, round } from './stats';

const ROOT = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const build = !args.includes('--no-build');
const out = args.includes('--out') ? path.resolve(args[args.indexOf('--out') + 1]) : path.join(ROOT, 'bench', 'RESULTS.md');
const option = (name: string) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : undefined);
const plan = smoke ? { files: 20, bytes: 1_000_000, repeats: 2, edits: 10 } : { files: option('--files') ?? 1000, bytes: option('--megabytes') ? option('--megabytes')! * 1e6 : 50_000_000, repeats: 5, edits: 100 };
const GOALS = { indexMs: 2000, queryMs: 20, rssMB: 300, searchQueryMs: 30, searchAddedMB: 100 };
/**
 * This benchmark's figures before Search Notes indexed the words (bench/RESULTS.md, 2026-11-30,
 * same machine): issue 17 allows the indexing 50% more time and 100 MB more memory for it.
 */
const BEFORE_SEARCH = { indexMs: 1203, rssMB: 269 };

const log = (message: string) => console.error(`[bench:workspace] ${message}`);

function memory(pid: number): { rssMB: number; peakMB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rssMB: Math.round(kb('VmRSS') / 1000), peakMB: Math.round(kb('VmHWM') / 1000) };
}

async function main() {
  const sample = readFileSync(path.join(ROOT, 'test/fixtures/lca2016.notes'), 'utf8');
  const folder = path.join(ROOT, 'bench', 'inputs', smoke ? 'workspace-smoke' : 'workspace');
  log(`generating ${plan.files} files`);
  const generated = generateWorkspace(sample, plan.files, plan.bytes);
  rmSync(folder, { recursive: true, force: true });
  for (const [file, text] of generated.files) {
    mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    writeFileSync(path.join(folder, file), text);
  }
  if (build) {
    log('building minified bundles');
    const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--production'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('build failed');
  }

  log('starting the server on the folder');
  const client = new LspClient();
  const pid = client.process.pid!;
  const indexedLog = new Promise<string>((resolve) =>
    void client.notification((n) => n.method === 'window/logMessage' && /^indexed \d+ of \d+/.test((n.params as { message: string }).message), 600000).then(() =>
      resolve((client.notifications.find((n) => n.method === 'window/logMessage' && /^indexed/.test((n.params as { message: string }).message))!.params as { message: string }).message),
    ),
  );
  let t = performance.now();
  await client.initializeWorkspace([pathToFileURL(folder).href], { watch: true, progress: true });
  const initializeMs = performance.now() - t;
  const serverLog = await indexedLog;
  const indexMs = performance.now() - t;
  const serverIndexMs = Number(/in (\d+) ms/.exec(serverLog)?.[1]);
  const searchLog = /search: (\d+) ms, ([\d.]+) MB, (\d+) words/.exec(serverLog);
  const searchIndexMs = Number(searchLog?.[1]);
  const searchIndexMB = Number(searchLog?.[2]);
  const searchWords = Number(searchLog?.[3]);
  const afterIndex = memory(pid);

  // Workspace symbols: the kinds of query people type, each asked several times.
  const queries = [
    'prom wilk',
    'monitoring alerting',
    'ann other',
    'kiwicon 1995',
    'linux friday',
    'keynote',
    'lnav',
    'zzqx',
    // Typos: no word begins so; scored fuzzily over the workspace.
    'monitorng alertng',
    'prometeus',
    ...generated.someTitles.map((title) => title.split(' ').slice(0, 2).join(' ')),
  ];
  const first = performance.now();
  const firstAnswer = (await client.connection.sendRequest('workspace/symbol', { query: queries[0] })) as Array<{ name: string; location: { uri: string } }>;
  const firstQueryMs = performance.now() - first;
  const prometheusFirst = firstAnswer[0]?.name.includes('Prometheus by Jamie Wilkinson') && firstAnswer[0].location.uri.endsWith(generated.prometheusFile);
  const queryTimes: number[] = [];
  const perQuery = new Map<string, { times: number[]; found: number }>();
  for (let r = 0; r < plan.repeats; r++) {
    for (const query of queries) {
      t = performance.now();
      const answer = (await client.connection.sendRequest('workspace/symbol', { query })) as unknown[];
      const time = performance.now() - t;
      queryTimes.push(time);
      const entry = perQuery.get(query) ?? { times: [], found: answer.length };
      entry.times.push(time);
      perQuery.set(query, entry);
    }
  }
  const slowest = [...perQuery].map(([query, e]) => ({ query, median: percentile(e.times, 50), found: e.found })).sort((a, b) => b.median - a.median);

  // The Conference Notes view as it opens: the events, then one event's days, a day's sessions, a session's talks.
  t = performance.now();
  let outlineBytes = 0;
  let parent: string | null = null;
  for (let level = 0; level < 4; level++) {
    const nodes = (await client.connection.sendRequest('confnotes/outlineChildren', { parent })) as Array<{ id: string; hasChildren: boolean }>;
    outlineBytes += Buffer.byteLength(JSON.stringify(nodes));
    parent = nodes.find((n) => n.hasChildren)?.id ?? null;
    if (parent === null) break;
  }
  const outlineMs = performance.now() - t;
  const outlineKB = Math.round(outlineBytes / 1000);
  t = performance.now();
  const talks = (await client.connection.sendRequest('confnotes/searchTalks', { query: 'monitoring', limit: 200 })) as unknown[];
  const goToTalkMs = performance.now() - t;

  // Search Notes: the kinds of query people type (words, a misspelling, a phrase, filters, a
  // word in every talk, nothing), the first answer cold, then each asked again.
  const searchQueries = [
    'monitoring alerting prometheus',
    'prometeus',
    'esp8266 wifi',
    'linux kernel',
    'unikernel',
    '"open source" community',
    'event:kiwicon prometheus',
    'in:title monitoring',
    'speaker:wilkinson',
    'the',
    'zzqx',
    ...generated.someTitles.map((title) => title.split(' ').slice(-2).join(' ')),
  ];
  t = performance.now();
  const firstSearch = (await client.connection.sendRequest('confnotes/search', { query: searchQueries[0], limit: 30 })) as { results: Array<{ title: string; uri: string }> };
  const firstSearchMs = performance.now() - t;
  const searchPrometheusFirst = firstSearch.results[0]?.title.includes('with Prometheus') && firstSearch.results[0].uri.endsWith(generated.prometheusFile);
  const searchTimes: number[] = [];
  const perSearch = new Map<string, number[]>();
  for (let r = 0; r < plan.repeats; r++) {
    for (const query of searchQueries) {
      t = performance.now();
      await client.connection.sendRequest('confnotes/search', { query, limit: 30 });
      const time = performance.now() - t;
      searchTimes.push(time);
      perSearch.set(query, [...(perSearch.get(query) ?? []), time]);
    }
  }
  const slowestSearches = [...perSearch].map(([query, times]) => ({ query, median: percentile(times, 50) })).sort((a, b) => b.median - a.median);
  const afterSearch = memory(pid);

  // Typing into a reference in an open file: each keystroke re-checks its references against
  // the whole workspace (one misspelt on purpose, so suggestions are computed too).
  const file = [...generated.files.keys()][Math.floor(plan.files / 3)];
  const uri = pathToFileURL(path.join(folder, file)).href;
  const lines = generated.files.get(file)!.split('\n');
  const line = lines.findIndex((l) => l.includes('[['));
  client.configuration = { diagnostics: { delay: 0 } };
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  const opened = client.diagnostics(uri, (p) => p.version === 1, 60000);
  await client.open(uri, lines.join('\n'));
  await opened;
  const typed = lines[line] + ' [[';
  lines[line] = typed;
  let version = 1;
  const keystrokes: number[] = [];
  for (let i = 0; i < plan.edits; i++) {
    const character = lines[line].length;
    const ch = i % 10 === 9 ? ' ' : String.fromCharCode(97 + (i % 26));
    lines[line] += ch;
    version++;
    const published = client.diagnostics(uri, (p) => p.version === version, 60000);
    t = performance.now();
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: ch }],
    });
    await published;
    keystrokes.push(performance.now() - t);
  }

  // A file changed on disk: read again and the client told (after the 150 ms the server lets changes settle).
  const changed = [...generated.files.keys()][Math.floor(plan.files / 2) + 1];
  writeFileSync(path.join(folder, changed), 'Benchmark Conf 2030 – Monday – Session 1\n\nA talk written during the benchmark by Ann Other\n  • x\n');
  const told = client.notification((n) => n.method === 'confnotes/outlineChanged', 60000);
  t = performance.now();
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(folder, changed)).href, type: 2 }] });
  await told;
  const diskChangeMs = performance.now() - t;
  const afterAll = memory(pid);
  await client.stop();

  const report = render({
    files: plan.files,
    bytes: generated.bytes,
    talks: generated.talks,
    references: generated.references,
    initializeMs,
    indexMs,
    serverIndexMs,
    afterIndex,
    afterAll,
    firstQueryMs,
    prometheusFirst,
    queries: queries.length,
    repeats: plan.repeats,
    queryP50: percentile(queryTimes, 50),
    queryP95: percentile(queryTimes, 95),
    queryMax: percentile(queryTimes, 100),
    resultsMedian: percentile([...perQuery.values()].map((e) => e.found), 50),
    slowest: slowest.slice(0, 3),
    outlineMs,
    outlineKB,
    goToTalkMs,
    goToTalkCount: talks.length,
    keystrokeP50: percentile(keystrokes, 50),
    keystrokeP95: percentile(keystrokes, 95),
    edits: plan.edits,
    diskChangeMs,
    searchIndexMs,
    searchIndexMB,
    searchWords,
    firstSearchMs,
    searchPrometheusFirst,
    searchQueries: searchQueries.length,
    searchP50: percentile(searchTimes, 50),
    searchP95: percentile(searchTimes, 95),
    searchMax: percentile(searchTimes, 100),
    slowestSearches: slowestSearches.slice(0, 3),
    afterSearch,
  });
  writeSection(out, 'workspace', report);
  console.log(report);
  log(`written to ${path.relative(ROOT, out)}`);
}

interface WorkspaceResults {
  files: number;
  bytes: number;
  talks: number;
  references: number;
  initializeMs: number;
  indexMs: number;
  serverIndexMs: number;
  afterIndex: { rssMB: number; peakMB: number };
  afterAll: { rssMB: number; peakMB: number };
  firstQueryMs: number;
  prometheusFirst: boolean;
  queries: number;
  repeats: number;
  queryP50: number;
  queryP95: number;
  queryMax: number;
  resultsMedian: number;
  slowest: Array<{ query: string; median: number; found: number }>;
  outlineMs: number;
  outlineKB: number;
  goToTalkMs: number;
  goToTalkCount: number;
  keystrokeP50: number;
  keystrokeP95: number;
  edits: number;
  diskChangeMs: number;
  searchIndexMs: number;
  searchIndexMB: number;
  searchWords: number;
  firstSearchMs: number;
  searchPrometheusFirst: boolean;
  searchQueries: number;
  searchP50: number;
  searchP95: number;
  searchMax: number;
  slowestSearches: Array<{ query: string; median: number }>;
  afterSearch: { rssMB: number; peakMB: number };
}

function render(r: WorkspaceResults): string {
  const ms = (v: number) => `${round(v)} ms`;
  const met = (ok: boolean) => (ok ? '**met**' : '**not met**');
  const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
  return `## A workspace of notes files (\`npm run bench:workspace\`)${smoke ? ' (smoke run: tiny inputs, not figures to quote)' : ''}

Written by \`npm run bench:workspace\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${machine}.
Input: ${r.files} files, ${round(r.bytes / 1e6)} MB, ${r.talks} talks, ${r.references} \`[[references]]\`
(\`bench/generateWorkspace.ts\`: the sample's shape, one conference per file, generated titles and
speakers). The built server over stdio, started on the folder as an editor does; times are round
trips as the client sees them.

### Targets

| target | measured | status |
|---|---|---|
| Index the workspace ≤ 2 s (\`initialize\` to the end of indexing) | ${ms(r.indexMs)} | ${met(r.indexMs <= GOALS.indexMs)} |
| Workspace-symbol query ≤ 20 ms (p95 of ${r.queries} queries × ${r.repeats}) | ${ms(r.queryP95)} | ${met(r.queryP95 <= GOALS.queryMs)} |
| Server memory ≤ 300 MB (RSS after indexing; after everything below) | ${r.afterIndex.rssMB} MB; ${r.afterAll.rssMB} MB | ${met(Math.max(r.afterIndex.rssMB, r.afterAll.rssMB) <= GOALS.rssMB)} |
| Search Notes: indexing with the words ≤ ${BEFORE_SEARCH.indexMs} ms (before them) + 50% | ${ms(r.indexMs)} (+${Math.round((r.indexMs / BEFORE_SEARCH.indexMs - 1) * 100)}%) | ${met(r.indexMs <= BEFORE_SEARCH.indexMs * 1.5)} |
| Search Notes: query ≤ ${GOALS.searchQueryMs} ms (p95 of ${r.searchQueries} queries × ${r.repeats}, 30 talks an answer, as Search Notes… asks) | ${ms(r.searchP95)} | ${met(r.searchP95 <= GOALS.searchQueryMs)} |
| Search Notes: memory added ≤ ${GOALS.searchAddedMB} MB (RSS after indexing − ${BEFORE_SEARCH.rssMB} MB before the words were indexed) | +${r.afterIndex.rssMB - BEFORE_SEARCH.rssMB} MB | ${met(r.afterIndex.rssMB - BEFORE_SEARCH.rssMB <= GOALS.searchAddedMB)} |

### Details

| measure | value |
|---|---|
| \`initialize\` answered | ${ms(r.initializeMs)} |
| Indexing as the server logs it (walk, read, parse, summarize, index the words) | ${ms(r.serverIndexMs)}, of which indexing the words ${ms(r.searchIndexMs)} |
| Search index: typed arrays; words in the dictionary | ${r.searchIndexMB} MB; ${r.searchWords} |
| First Search Notes query (\`monitoring alerting prometheus\`) after indexing | ${ms(r.firstSearchMs)}; the Prometheus talk first: ${r.searchPrometheusFirst ? 'yes' : 'NO'} |
| Search Notes query p50 / p95 / max | ${ms(r.searchP50)} / ${ms(r.searchP95)} / ${ms(r.searchMax)} |
| … the slowest (median) | ${r.slowestSearches.map((q) => `\`${q.query}\` ${ms(q.median)}`).join(', ')} |
| RSS after the searches | ${r.afterSearch.rssMB} MB |
| Peak RSS (VmHWM) after indexing; at the end | ${r.afterIndex.peakMB} MB; ${r.afterAll.peakMB} MB |
| First workspace-symbol query (\`prom wilk\`) after indexing | ${ms(r.firstQueryMs)}; the Prometheus talk first: ${r.prometheusFirst ? 'yes' : 'NO'} |
| Workspace-symbol query p50 / p95 / max | ${ms(r.queryP50)} / ${ms(r.queryP95)} / ${ms(r.queryMax)} (median ${r.resultsMedian} symbols per answer, at most 500) |
| … the slowest queries (median; symbols found) | ${r.slowest.map((q) => `\`${q.query}\` ${ms(q.median)} (${q.found})`).join(', ')} |
| The Conference Notes view opened down to one session (four \`confnotes/outlineChildren\`) | ${ms(r.outlineMs)}, ${r.outlineKB} KB of JSON |
| Go to Talk… typed \`monitoring\` (\`confnotes/searchTalks\`, ${r.goToTalkCount} talks) | ${ms(r.goToTalkMs)} |
| Typing into a \`[[reference]]\` of an open file: keystroke → diagnostics, p50 / p95 of ${r.edits} | ${ms(r.keystrokeP50)} / ${ms(r.keystrokeP95)} |
| A file changed on disk → \`confnotes/outlineChanged\` (150 ms of it is the settle delay) | ${ms(r.diskChangeMs)} |
`;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
