// `npm run test:e2e:repeat -- N`: the real-editor tier N times in a row (default 10), then how
// often each test passed and failed. A test that fails once in N is a failing test.
// Each run's mocha JSON goes to test-results/e2e-repeat/run-K.json and the table to summary.md.
// Exit code: 0 when every run passed, 1 otherwise, 2 on a usage error.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'test-results/e2e-repeat');
const USAGE = 'usage: npm run test:e2e:repeat -- [RUNS]   (RUNS: a whole number from 1, default 10)';

const arg = process.argv[2];
if (arg === '--help' || arg === '-h') {
  console.log(USAGE);
  process.exit(0);
}
const runs = arg === undefined ? 10 : Number(arg);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`e2e-repeat: '${arg}' is not a number of runs\n${USAGE}`);
  process.exit(2);
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
/** Per test (suite › title): its outcome in each run. */
const outcomes = new Map();
const runLines = [];
for (let run = 1; run <= runs; run++) {
  const output = path.join(OUT, `run-${run}.json`);
  const started = Date.now();
  // The spec reporter's output is not needed here; failures are reported from the JSON below.
  const mocha = spawnSync('npx', ['--no-install', 'mocha', '--config', 'test/e2e/.mocharc.json', '--reporter', 'json', '--reporter-option', `output=${output}`], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  let report;
  try {
    report = JSON.parse(readFileSync(output, 'utf8'));
  } catch {
    console.error(`run ${run}: mocha exited ${mocha.status} without a report:\n${mocha.stdout}${mocha.stderr}`);
    process.exit(1);
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  // The next run clears the workbench's FAILED screenshots: keep this run's beside its report.
  const shots = path.join(ROOT, 'test-results/e2e');
  for (const f of existsSync(shots) ? readdirSync(shots) : []) {
    if (!f.includes('-FAILED-')) continue;
    mkdirSync(path.join(OUT, `run-${run}`), { recursive: true });
    copyFileSync(path.join(shots, f), path.join(OUT, `run-${run}`, f));
    console.log(`run ${run}: screenshot ${path.relative(ROOT, path.join(OUT, `run-${run}`, f))}`);
  }
  for (const test of report.passes) record(test.fullTitle, 'pass');
  for (const test of report.failures) {
    record(test.fullTitle, 'fail');
    console.log(`run ${run}: FAILED ${test.fullTitle}\n  ${String(test.err?.message ?? '').split('\n').slice(0, 6).join('\n  ')}`);
  }
  for (const test of report.pending) record(test.fullTitle, 'skip');
  const line = `run ${run}/${runs}: ${report.stats.passes} passed, ${report.stats.failures} failed, ${report.stats.pending} skipped (${seconds} s)`;
  runLines.push(line);
  console.log(line);
}

function record(title, outcome) {
  const seen = outcomes.get(title) ?? [];
  seen.push(outcome);
  outcomes.set(title, seen);
}

const count = (list, outcome) => list.filter((o) => o === outcome).length;
const rows = [...outcomes].map(([title, list]) => ({ title, passed: count(list, 'pass'), failed: count(list, 'fail'), skipped: count(list, 'skip'), ran: list.length }));
// A test that did not run in some run (its hook failed) counts as failed there.
for (const row of rows) row.failed += runs - row.ran;
const failing = rows.filter((r) => r.failed > 0);
const table = [
  `# Real-editor tier, ${runs} runs in a row`,
  '',
  ...runLines.map((l) => `- ${l}`),
  '',
  '| passed | failed | skipped | test |',
  '|---:|---:|---:|---|',
  ...rows.map((r) => `| ${r.passed} | ${r.failed} | ${r.skipped} | ${r.title.replace(/\|/g, '\\|')} |`),
  '',
  failing.length === 0 ? `Every test passed in all ${runs} runs.` : `${failing.length} test(s) failed at least once.`,
  '',
].join('\n');
writeFileSync(path.join(OUT, 'summary.md'), table);
console.log(`\n${table}`);
process.exit(failing.length === 0 ? 0 : 1);
