/**
 * The performance anchor (VS Code's Markdown language service, and a one-pass line scan),
 * run from the workplace's anchor folder: ../shared/bench-anchor next to the repository,
 * or BENCH_ANCHOR. Its scripts are copied to .cache/bench/anchor and its dependencies
 * installed there once, so nothing is written into the anchor folder.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const FILES = ['md-bench.mjs', 'naive.mjs', 'package.json'];

export function findAnchor(): string | null {
  const dir = process.env.BENCH_ANCHOR ?? path.resolve(ROOT, '..', 'shared', 'bench-anchor');
  return FILES.every((f) => existsSync(path.join(dir, f))) ? dir : null;
}

/** Copies the anchor's scripts and installs its dependencies when they changed; returns where. */
export function installAnchor(source: string): string {
  const target = path.join(ROOT, '.cache', 'bench', 'anchor');
  mkdirSync(target, { recursive: true });
  const installedFor = path.join(target, 'node_modules', '.installed-package.json');
  const wanted = readFileSync(path.join(source, 'package.json'), 'utf8');
  for (const f of FILES) copyFileSync(path.join(source, f), path.join(target, f));
  if (!existsSync(installedFor) || readFileSync(installedFor, 'utf8') !== wanted) {
    // npm run passes npm_* settings down; the anchor's install must not inherit them.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_')));
    const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], { cwd: target, env, stdio: 'inherit' });
    if (npm.status !== 0) throw new Error('installing the anchor failed');
    copyFileSync(path.join(source, 'package.json'), installedFor);
  }
  return target;
}

function runJson(installed: string, script: string, args: string[]): Record<string, number> {
  const run = spawnSync(process.execPath, ['--max-old-space-size=16000', path.join(installed, script), ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0) throw new Error(`${script} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!);
}

export interface MarkdownAnchor {
  readonly allAfterEditMs: number;
  readonly rssMB: number;
}

export function runMarkdownAnchor(installed: string, markdownFile: string, runs: number): MarkdownAnchor {
  const r = runJson(installed, 'md-bench.mjs', [markdownFile, String(runs)]);
  return { allAfterEditMs: r.allAfterEditMs, rssMB: r.rssMB };
}

export function runNaiveScan(installed: string, notesFile: string, runs: number): number {
  return runJson(installed, 'naive.mjs', [notesFile, String(runs)]).ms;
}
