/** bench/RESULTS.md from one run's measurements: tables, ratios to the anchor, targets met or not. */
import type { MarkdownAnchor } from './anchor';
import type { StartupResult, TypingResult } from './keystrokes';
import type { ResponsivenessResult } from './responsiveness';
import type { Sizes } from './sizes';
import { round } from './stats';

export interface InProcess {
  readonly bytes: number;
  readonly lines: number;
  readonly symbols: number;
  readonly foldingRanges: number;
  readonly links: number;
  readonly diagnostics: number;
  readonly openMs: number;
  readonly afterEditMs: number;
  /** Format Document on the whole text. */
  readonly formatMs?: number;
  readonly afterEditSplitMs: { readonly edit: number; readonly parse: number; readonly features: number };
  readonly rssMB: number;
}

export interface Results {
  readonly date: string;
  readonly machine: string;
  readonly smoke: boolean;
  readonly runs: number;
  readonly edits: number;
  readonly inProcess: ReadonlyMap<number, InProcess>;
  readonly markdown: ReadonlyMap<number, MarkdownAnchor>;
  readonly naive: ReadonlyMap<number, number>;
  readonly startup: StartupResult;
  readonly typing: ReadonlyMap<number, TypingResult>;
  /** The largest typing input again, the server started without SERVER_ENVIRONMENT. */
  readonly typingPlain: TypingResult;
  /** The largest typing input with every bullet line different (generate.ts `distinctBullets`). */
  readonly typingDistinct: TypingResult;
  readonly responsiveness: ResponsivenessResult;
  readonly sizes: Sizes;
}

const MB = 1_000_000;
const label = (bytes: number) => (bytes >= MB ? `${bytes / MB} MB` : `${bytes / 1000} KB`);
const ms = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '–' : `${value} ms`);
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : round(a / b));
const settled = (t: TypingResult) => (t.settledRssMB === null ? 'not compacted' : `${t.settledRssMB} MB`);
const table = (head: string[], rows: string[][]) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

export function renderResults(r: Results): string {
  const ip = (size: number) => r.inProcess.get(size);
  const analysisRows = [...r.inProcess].map(([size, x]) => [
    label(size),
    `${x.lines.toLocaleString('en')}`,
    ms(x.openMs),
    ms(x.afterEditMs),
    `${x.afterEditSplitMs.edit} / ${x.afterEditSplitMs.parse} / ${x.afterEditSplitMs.features}`,
    r.markdown.has(size) ? ms(r.markdown.get(size)!.allAfterEditMs) : '–',
    r.markdown.has(size) ? `${ratio(r.markdown.get(size)!.allAfterEditMs, x.afterEditMs)}×` : '–',
    r.naive.has(size) ? ms(r.naive.get(size)) : '–',
    r.naive.has(size) ? `${ratio(x.afterEditMs, r.naive.get(size))}×` : '–',
    `${x.symbols} / ${x.foldingRanges} / ${x.links} / ${x.diagnostics}`,
  ]);
  const typingRows = [...r.typing].map(([size, t]) => [
    label(size),
    ms(t.openToDiagnosticsMs),
    ms(t.keystrokeP50Ms),
    ms(t.keystrokeP99Ms),
    ms(t.keystrokeMaxMs),
    ms(t.symbolsAfterEditMs),
    ms(t.foldingAfterEditMs),
    `${t.rssMB} MB (peak ${t.peakRssMB} MB; idle ${settled(t)})`,
    r.markdown.has(size) ? `${r.markdown.get(size)!.rssMB} MB` : '–',
  ]);

  const ten = 10 * MB;
  const one = MB;
  const check = (met: boolean | undefined) => (met === undefined ? 'not measured' : met ? '**met**' : '**not met**');
  const targets: string[][] = [];
  const target = (name: string, value: string, met: boolean | undefined) => targets.push([name, value, check(met)]);
  const a10 = ip(ten)?.afterEditMs;
  target('Full analysis of 10 MB after an edit ≤ 100 ms', ms(a10), a10 === undefined ? undefined : a10 <= 100);
  const vsAnchor = ratio(r.markdown.get(ten)?.allAfterEditMs, a10);
  target('… at least 40× faster than the Markdown anchor (same run)', vsAnchor === undefined ? '–' : `${vsAnchor}×`, vsAnchor === undefined ? undefined : vsAnchor >= 40);
  const vsNaive = ratio(a10, r.naive.get(ten));
  target('… within 5× of the one-pass scan (same run)', vsNaive === undefined ? '–' : `${vsNaive}×`, vsNaive === undefined ? undefined : vsNaive <= 5);
  const f10 = ip(ten)?.formatMs;
  target('Format Document on 10 MB < the full analysis after an edit', ms(f10), f10 === undefined || a10 === undefined ? undefined : f10 < a10);
  const k1 = r.typing.get(one);
  target('Keystroke on 1 MB: p50 ≤ 10 ms', ms(k1?.keystrokeP50Ms), k1 && k1.keystrokeP50Ms <= 10);
  target('Keystroke on 1 MB: p99 ≤ 30 ms', ms(k1?.keystrokeP99Ms), k1 && k1.keystrokeP99Ms <= 30);
  const k10 = r.typing.get(ten);
  target('Keystroke on 10 MB: p50 ≤ 50 ms', ms(k10?.keystrokeP50Ms), k10 && k10.keystrokeP50Ms <= 50);
  const scaleEdit = ratio(a10, ip(one)?.afterEditMs);
  const scaleOpen = ratio(ip(ten)?.openMs, ip(one)?.openMs);
  target('Scaling 1 → 10 MB ≤ 11× (after an edit; on open)', scaleEdit === undefined ? '–' : `${scaleEdit}×; ${scaleOpen}×`, scaleEdit === undefined ? undefined : scaleEdit <= 11 && (scaleOpen ?? 0) <= 11);
  target(
    `Server RSS with 10 MB open after ${r.edits} edits ≤ 150 MB (once idle; right after the edits; started as a plain \`node\`)`,
    k10 ? `${settled(k10)}; ${k10.rssMB} MB; ${settled(r.typingPlain)}` : '–',
    k10 && k10.settledRssMB !== null && k10.settledRssMB <= 150,
  );
  const q = r.responsiveness;
  const big = `${Math.round(q.bigBytes / MB)} MB`;
  target(`While ${big} is first parsed, requests about a small file answered ≤ 100 ms (p99)`, `${ms(q.p99Ms)} (${q.answered} requests)`, q.p99Ms <= 100);
  target(`… and a request on the ${big} file cancelled ≤ 100 ms`, q.cancelCode === -32800 ? ms(round(q.cancelMs)) : 'not answered "cancelled"', q.cancelCode === -32800 && q.cancelMs <= 100);
  target('`initialize` answered ≤ 150 ms', ms(r.startup.initializeMs), r.startup.initializeMs <= 150);
  target('Server bundle ≤ 400 KB minified', `${r.sizes.serverKB} KB`, r.sizes.serverKB <= 400);
  target('.vsix ≤ 1 MB', r.sizes.vsixKB === null ? '–' : `${r.sizes.vsixKB} KB`, r.sizes.vsixKB === null ? undefined : r.sizes.vsixKB <= 1024);

  return `## One document: parsing, features, typing (\`npm run bench\`)${r.smoke ? ' (smoke run: tiny inputs, not figures to quote)' : ''}

Written by \`npm run bench\` on ${r.date}. Machine: ${r.machine}.
Inputs: the sample scaled by \`bench/generate.ts\` (the anchor's generator scheme; same bytes).
Medians of ${r.runs} runs (opening) and of ${Math.max(r.runs, 20)} edits (after an edit); keystrokes: ${r.edits} edits.

### Targets

${table(['target', 'measured', 'status'], targets)}

### Full analysis in process

Parse, outline, folding (limit 5,000), links and link diagnostics. *Open*: nothing cached (the
text split into lines, then parsed). *After an edit*: one character typed at the end of a line,
the previous version's line facts reused — what the server does per keystroke. The split is
applying the edit / parsing / the four features. The Markdown anchor is VS Code's Markdown
language service (symbols, folding, links, diagnostics on a fresh version) on the same notes as
Markdown; the one-pass scan is the anchor's \`naive.mjs\` on the notes.

${table(['input', 'lines', 'open', 'after an edit', 'split (ms)', 'Markdown anchor', 'anchor ÷ confnotes', 'one-pass scan', 'confnotes ÷ scan', 'symbols / folding / links / diagnostics'], analysisRows)}

### Through the protocol (built server over stdio)

Open: \`didOpen\` to the first \`publishDiagnostics\`. Keystroke: one-character \`didChange\`
(incremental) to the \`publishDiagnostics\` of that version, diagnostics delay 0. Outline and
folding: request right after an edit (the re-parse included). RSS: the server process
(/proc), after the edits; the anchor's is the Markdown service's process.

${table(['input', 'open', 'keystroke p50', 'p99', 'max', 'outline after edit', 'folding after edit', 'server RSS', 'anchor RSS'], typingRows)}

RSS *idle*: once the server, idle for a second after parsing a million lines, has compacted its
heap (server/src/node/serverMemory.ts). The server is started as the VS Code client starts it (with
\`SERVER_ENVIRONMENT\`: glibc's mmap threshold fixed); started as a plain \`node\` (an editor
without that environment), the ${Math.round(r.typingPlain.bytes / MB)} MB run gives ${r.typingPlain.rssMB} MB right after the edits and ${settled(r.typingPlain)} idle
(keystroke p50 ${ms(r.typingPlain.keystrokeP50Ms)}). The inputs repeat the sample's lines; with every bullet line made different
(a number at its end, as lines of real notes differ), the ${Math.round(r.typingDistinct.bytes / MB)} MB run gives ${r.typingDistinct.rssMB} MB right after the edits and
${settled(r.typingDistinct)} idle (keystroke p50 ${ms(r.typingDistinct.keystrokeP50Ms)}).

Start-up: spawn to the \`initialize\` answer, median of fresh servers: ${ms(r.startup.initializeMs)}.

### A large file's first parse

While ${big} is opened and parsed (in slices, server/src/lsp/slices.ts), a small open file is asked for
its hover, its outline and a keystroke's diagnostics, one after the other, until the large file's
first diagnostics arrive (bench/responsiveness.ts); ${q.runs} fresh server${q.runs === 1 ? '' : 's'}, the requests pooled, times
the median. The clock starts once the server has the large file: before that the pipe carries
it and the JSON is read, ${ms(round(q.receivedMs))} here.

| large file | has it | its first diagnostics | requests answered meanwhile | p50 | p99 | max | documentLink on it, cancelled |
|---|---|---|---|---|---|---|---|
| ${big} | ${ms(round(q.receivedMs))} | ${ms(round(q.firstDiagnosticsMs))} | ${q.answered} | ${ms(q.p50Ms)} | ${ms(q.p99Ms)} | ${ms(q.maxMs)} | ${q.cancelCode === -32800 ? `answered "cancelled" in ${ms(round(q.cancelMs))}` : 'not cancelled'} |

### Sizes

Minified bundles: client ${r.sizes.clientKB} KB, server ${r.sizes.serverKB} KB, CLI ${r.sizes.cliKB} KB, online link checker (loaded on first use) ${r.sizes.linkCheckKB} KB, programme readers (loaded by \`confnotes schedule\`) ${r.sizes.scheduleKB} KB; in the browser (the web extension) client ${r.sizes.browserClientKB} KB, server ${r.sizes.browserServerKB} KB; .vsix (one package for desktop and web) ${r.sizes.vsixKB === null ? 'not built' : `${r.sizes.vsixKB} KB`}.
`;
}
