/**
 * The benchmark's smoke run: every measurement of `npm run bench` on a 50 KB input, so the
 * bench never rots. It checks what was measured, not how fast (speed is bench/RESULTS.md's job).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { distinctBullets, generateNotes } from '../../bench/generate';
import { documentLinks } from '../../server/src/features/documentLinks';
import { documentSymbols } from '../../server/src/features/documentSymbols';
import { foldingRanges } from '../../server/src/features/foldingRanges';
import { linkDiagnostics } from '../../server/src/features/diagnostics/linkDiagnostics';
import { parseNotes } from '../../server/src/parser/parseNotes';
import { defaultSettings, linkOptions } from '../../server/src/settings';
import { ROOT, SAMPLE } from '../helpers';

/** Runs a benchmark script in its smoke mode, writing to a temporary RESULTS.md; returns what it wrote. */
function smokeRun(script: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'confnotes-bench-'));
  try {
    const out = path.join(dir, 'RESULTS.md');
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', script), '--smoke', '--no-build', '--out', out], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    return readFileSync(out, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('benchmark smoke run', function () {
  this.timeout(120000);

  it('Should measure every figure on a tiny input and write the report', () => {
    const report = smokeRun('run.ts');

    const model = parseNotes(generateNotes(SAMPLE, 50_000).notes);
    const counts = [documentSymbols(model), foldingRanges(model, { rangeLimit: 5000 }), documentLinks(model), linkDiagnostics(model, linkOptions(defaultSettings))].map((r) => r.length).join(' / ');
    const analysis = report.split('\n').find((l) => l.startsWith('| 50 KB |') && l.includes(counts));
    assert.ok(analysis, `an in-process row with the counts of a direct parse (${counts})`);
    const typing = report.split('\n').filter((l) => l.startsWith('| 50 KB |'))[1];
    assert.match(typing, /^\| 50 KB \| [\d.]+ ms \| [\d.]+ ms \| [\d.]+ ms \| [\d.]+ ms \| [\d.]+ ms \| [\d.]+ ms \| \d+ MB \(peak \d+ MB; idle (\d+ MB|not compacted)\) \| – \|$/);
    assert.match(report, /\| Server RSS with 10 MB open after 20 edits ≤ 150 MB .* \| – \| not measured \|/, 'no 10 MB input in a smoke run');
    // The first parse of a file large enough to be parsed in slices, with requests about another file meanwhile.
    assert.match(report, /\| 5 MB \| [\d.]+ ms \| [\d.]+ ms \| \d+ \| [\d.]+ ms \| [\d.]+ ms \| [\d.]+ ms \| answered "cancelled" in [\d.]+ ms \|/);
    assert.match(report, /with every bullet line made different\n\(a number at its end, as lines of real notes differ\), the 0 MB run gives \d+ MB right after the edits and\n(\d+ MB|not compacted) idle \(keystroke p50 [\d.]+ ms\)/);
    assert.match(report, /spawn to the `initialize` answer, median of fresh servers: [\d.]+ ms/);
    assert.match(report, /Minified bundles: client \d+ KB, server \d+ KB, CLI \d+ KB/);
    assert.match(report, /\| Server bundle ≤ 400 KB minified \| \d+ KB \| \*\*(not )?met\*\* \|/);
  });

  it('Should make every bullet line different and leave every other line as it is', () => {
    const notes = generateNotes(SAMPLE, 50_000).notes;
    const distinct = distinctBullets(notes);
    const [before, after] = [notes.split('\n'), distinct.split('\n')];
    assert.equal(after.length, before.length);
    const bullets = after.filter((l, i) => l !== before[i]);
    assert.ok(bullets.length > 500 && bullets.every((l) => /^\s*• /.test(l)));
    assert.equal(new Set(bullets).size, bullets.length);
    assert.deepEqual(documentSymbols(parseNotes(distinct)).map((s) => s.name), documentSymbols(parseNotes(notes)).map((s) => s.name), 'the same outline');
  });

  it('Should measure the workspace benchmark on 20 and 200 files and write its section', () => {
    const report = smokeRun('workspace.ts');
    assert.match(report, /<!-- bench:workspace -->\n## A workspace of notes files/);
    assert.match(report, /Input: 20 files, [\d.]+ MB, \d+ talks, \d+ `\[\[references\]\]`/);
    assert.match(report, /\| Index the workspace ≤ 2 s \(`initialize` to the end of indexing\) \| [\d.]+ ms \| \*\*(not )?met\*\* \|/);
    assert.match(report, /\| Server memory ≤ 300 MB .* \| \d+ MB; \d+ MB \|/);
    assert.match(report, /the Prometheus talk first: yes/, 'the planted talk is the first answer to "prom wilk"');
    // The larger workspace against issue 16's targets, and requests answered while it was indexed.
    assert.match(report, /### 200 files \(issue 16, "Scale"\)/);
    assert.match(report, /\| Indexing 20 → 200 files ≤ 11× for 10× the files \| [\d.]+× \| \*\*(not )?met\*\* \|/);
    assert.match(report, /\| While indexing, requests about a small open file answered ≤ 100 ms \(p99 of [1-9]\d*\) \| [\d.]+ ms \|/);
    assert.match(report, /\| … and a workspace request waiting for the index cancelled ≤ 100 ms \| [\d.]+ ms \|/);
    assert.match(report, /\| Go to Talk… answer ≤ 50 ms \(p95 of 58: three searches typed letter by letter, × 2\) \| [\d.]+ ms \|/);
  });
  it('Should measure the link-check benchmark on 40 links and write its section', () => {
    const report = smokeRun('links.ts');
    assert.match(report, /<!-- bench:links -->\n## Checking links online/);
    assert.match(report, /\| confnotes \| first run, empty cache \| \d+ ms \| \d+ MB \| [1-4] \| 40 \| \d+ \| 2 \| 0 \|/, 'every link asked once, the two dead ones found, at most 4 at once to a host');
    assert.match(report, /\| confnotes, again \| second run, from the cache \| \d+ ms \| \d+ MB \| 0 \| 0 \| 0 \| 2 \| 0 \|/, 'the second run asks nothing');
  });
});
