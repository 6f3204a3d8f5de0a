/**
 * `npm run bench`: generates the inputs, measures confnotes and the anchor in the same run,
 * prints the results and writes bench/RESULTS.md. `--smoke` runs a tiny version of every
 * measurement (what the test suite does, so the bench never rots); `--out FILE` writes elsewhere;
 * `--no-build` measures dist/ as it is.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findAnchor, installAnchor, runMarkdownAnchor, runNaiveScan, type MarkdownAnchor } from './anchor';
import { distinctBullets, generateNotes } from './generate';
import { measureStartup, measureTyping, type TypingResult } from './keystrokes';
import type { ResponsivenessResult } from './responsiveness';
import { renderResults, type InProcess, type Results } from './report';
import { writeSection } from './resultsFile';
import { measureSizes } from './sizes';

const ROOT = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
// The test suite's smoke run measures the bundles `npm test` just built.
const build = !args.includes('--no-build');
const out = args.includes('--out') ? path.resolve(args[args.indexOf('--out') + 1]) : path.join(ROOT, 'bench', 'RESULTS.md');

const plan = smoke
  ? { sizes: [50_000], typingSizes: [50_000], anchorSizes: [] as number[], runs: 2, edits: 20, requests: 3, startups: 2, vsix: false, firstParse: 5_000_000, firstParses: 1 }
  : { sizes: [1_000_000, 10_000_000, 50_000_000], typingSizes: [1_000_000, 10_000_000], anchorSizes: [1_000_000, 10_000_000], runs: 5, edits: 200, requests: 20, startups: 10, vsix: true, firstParse: 100_000_000, firstParses: 3 };

const log = (message: string) => console.error(`[bench] ${message}`);

async function main() {
  const inputs = path.join(ROOT, 'bench', 'inputs');
  mkdirSync(inputs, { recursive: true });
  const sample = readFileSync(path.join(ROOT, 'test', 'fixtures', 'lca2016.notes'), 'utf8');
  const files = new Map<number, { notes: string; markdown: string }>();
  for (const size of plan.sizes) {
    const generated = generateNotes(sample, size);
    const base = path.join(inputs, `notes-${size / 1e6}MB`);
    writeFileSync(base + '.notes', generated.notes);
    writeFileSync(base + '.md', generated.markdown);
    files.set(size, { notes: base + '.notes', markdown: base + '.md' });
  }

  if (build) {
    log('building minified bundles');
    const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--production'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('build failed');
  }

  const inProcess = new Map<number, InProcess>();
  for (const size of plan.sizes) {
    log(`full analysis in process, ${size / 1e6} MB`);
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', 'inProcess.ts'), files.get(size)!.notes, String(plan.runs)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 });
    if (run.status !== 0) throw new Error(`in-process bench failed: ${run.stderr}`);
    inProcess.set(size, JSON.parse(run.stdout.trim().split('\n').pop()!));
  }

  const anchorDir = smoke ? null : findAnchor();
  const markdown = new Map<number, MarkdownAnchor>();
  const naive = new Map<number, number>();
  if (anchorDir) {
    const installed = installAnchor(anchorDir);
    for (const size of plan.sizes) {
      log(`one-pass scan, ${size / 1e6} MB`);
      naive.set(size, runNaiveScan(installed, files.get(size)!.notes, plan.runs));
    }
    for (const size of plan.anchorSizes) {
      log(`Markdown language service, ${size / 1e6} MB`);
      markdown.set(size, runMarkdownAnchor(installed, files.get(size)!.markdown, plan.runs));
    }
  } else if (!smoke) {
    log('anchor folder not found (../shared/bench-anchor or BENCH_ANCHOR): comparisons left out');
  }

  log('server start-up');
  const startup = await measureStartup(plan.startups);
  const typing = new Map<number, TypingResult>();
  for (const size of plan.typingSizes) {
    log(`typing through the protocol, ${size / 1e6} MB`);
    typing.set(size, await measureTyping(files.get(size)!.notes, plan.edits, plan.requests));
  }
  const largest = Math.max(...plan.typingSizes);
  log(`typing through the protocol, ${largest / 1e6} MB, the server started without SERVER_ENVIRONMENT (as a plain \`node\`)`);
  const typingPlain = await measureTyping(files.get(largest)!.notes, plan.edits, plan.requests, false);
  log(`typing through the protocol, ${largest / 1e6} MB with every bullet line different`);
  const distinctFile = path.join(inputs, `notes-${largest / 1e6}MB-distinct.notes`);
  writeFileSync(distinctFile, distinctBullets(readFileSync(files.get(largest)!.notes, 'utf8')));
  const typingDistinct = await measureTyping(distinctFile, plan.edits, plan.requests);
  rmSync(distinctFile, { force: true });
  log(`requests about a small file while ${plan.firstParse / 1e6} MB is first parsed`);
  const bigFile = path.join(inputs, `notes-${plan.firstParse / 1e6}MB.notes`);
  writeFileSync(bigFile, generateNotes(sample, plan.firstParse).notes);
  const measured = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', 'responsiveness.ts'), bigFile, files.get(Math.min(...plan.sizes))!.notes, String(plan.firstParses)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (measured.status !== 0) throw new Error(`responsiveness bench failed: ${measured.stderr}`);
  const responsiveness: ResponsivenessResult = JSON.parse(measured.stdout.trim().split('\n').pop()!);
  // Larger than the index reads, but 100 MB left in the repository is 100 MB for nothing.
  rmSync(bigFile, { force: true });
  log('sizes');
  const sizes = measureSizes(plan.vsix);

  const results: Results = {
    date: new Date().toISOString().slice(0, 10),
    machine: `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`,
    smoke,
    runs: plan.runs,
    edits: plan.edits,
    inProcess,
    markdown,
    naive,
    startup,
    typing,
    typingPlain,
    typingDistinct,
    responsiveness,
    sizes,
  };
  const report = renderResults(results);
  writeSection(out, 'documents', report);
  console.log(report);
  log(`written to ${path.relative(ROOT, out)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
