/**
 * `npm run bench:links`: 1,000 unique links across 50 files and 50 hosts (127.0.0.2 to
 * 127.0.0.51, one local site each, 50 ms per response), 5% dead — checked by `confnotes check
 * --online` and, in the same run on the same links (as Markdown), by markdown-link-check and
 * linkinator from npm (installed once into .cache/bench/link-tools). Wall time, peak memory,
 * the most requests at once to one host, and what each tool reported, link by link; then
 * confnotes again, from its cache. Writes the "links" section of bench/RESULTS.md.
 * `--smoke`: 2 hosts, 40 links, confnotes only (the test suite's run); `--out FILE`; `--no-build`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeSection } from './resultsFile';
import { round } from './stats';

const ROOT = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const build = !args.includes('--no-build');
const out = args.includes('--out') ? path.resolve(args[args.indexOf('--out') + 1]) : path.join(ROOT, 'bench', 'RESULTS.md');
const plan = smoke ? { hosts: 2, perHost: 20, files: 4, latencyMs: 50, others: false } : { hosts: 50, perHost: 20, files: 50, latencyMs: 50, others: true };
const TOOLS = { 'markdown-link-check': '3.14.2', linkinator: '7.6.1' };
const log = (message: string) => console.error(`[bench:links] ${message}`);

interface Host {
  readonly address: string;
  readonly origin: string;
  inFlight: number;
  mostInFlight: number;
  requests: number;
  connections: number;
  close(): Promise<void>;
}

/** A site answering every path after `latencyMs`: 404 for the dead ones, 200 for the rest; HEAD and GET alike. */
async function startHost(address: string, dead: ReadonlySet<string>, latencyMs: number): Promise<Host> {
  const server = http.createServer((req, res) => {
    host.requests++;
    host.inFlight++;
    host.mostInFlight = Math.max(host.mostInFlight, host.inFlight);
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        host.inFlight--;
      }
    };
    res.on('close', finish);
    setTimeout(() => {
      res.writeHead(dead.has(req.url ?? '') ? 404 : 200, { 'content-type': 'text/html', 'content-length': '0' });
      res.end();
      finish();
    }, latencyMs);
  });
  server.on('connection', () => host.connections++);
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  const origin = `http://${address}:${(server.address() as AddressInfo).port}`;
  const host: Host = {
    address,
    origin,
    inFlight: 0,
    mostInFlight: 0,
    requests: 0,
    connections: 0,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
  return host;
}

interface ToolRun {
  readonly tool: string;
  readonly ms: number;
  readonly peakMB: number;
  readonly dead: Set<string>;
  readonly mostAtOnceToOneHost: number;
  readonly requests: number;
  readonly connections: number;
  readonly note: string;
}

/** Runs a command, polling its peak memory (VmHWM) while it runs. */
function runMeasured(command: string, commandArgs: string[], cwd: string): Promise<{ ms: number; peakMB: number; stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, commandArgs, { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    let stdout = '';
    let stderr = '';
    let peakKB = 0;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const poll = setInterval(() => {
      try {
        const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
        peakKB = Math.max(peakKB, kb);
      } catch {
        /* gone */
      }
    }, 20);
    child.on('close', (code) => {
      clearInterval(poll);
      resolve({ ms: performance.now() - started, peakMB: Math.round(peakKB / 1000), stdout, stderr, code });
    });
  });
}

function installTools(): string {
  const target = path.join(ROOT, '.cache', 'bench', 'link-tools');
  const wanted = JSON.stringify({ private: true, dependencies: TOOLS }, null, 2);
  mkdirSync(target, { recursive: true });
  const stamp = path.join(target, 'node_modules', '.installed-package.json');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== wanted) {
    log(`installing ${Object.entries(TOOLS).map(([n, v]) => `${n}@${v}`).join(', ')}`);
    writeFileSync(path.join(target, 'package.json'), wanted);
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_')));
    const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: target, env, stdio: 'inherit' });
    if (npm.status !== 0) throw new Error('installing the link tools failed');
    writeFileSync(stamp, wanted);
  }
  return target;
}

async function main() {
  if (build) {
    log('building minified bundles');
    const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--production'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('build failed');
  }
  const tools = plan.others ? installTools() : null;

  // The links: host i, page j; every twentieth one dead.
  const dead = new Set<string>();
  const deadPaths = new Set<string>();
  for (let j = 0; j < plan.perHost; j++) if (j % 20 === 7) deadPaths.add(`/talks/${j}`);
  const hosts = await Promise.all(Array.from({ length: plan.hosts }, (_, i) => startHost(`127.0.0.${i + 2}`, deadPaths, plan.latencyMs)));
  const urls: string[] = [];
  hosts.forEach((h) => {
    for (let j = 0; j < plan.perHost; j++) {
      const url = `${h.origin}/talks/${j}`;
      urls.push(url);
      if (deadPaths.has(`/talks/${j}`)) dead.add(url);
    }
  });
  const work = mkdtempSync(path.join(os.tmpdir(), 'confnotes-bench-links-'));
  const notesDir = path.join(work, 'notes');
  const markdownDir = path.join(work, 'markdown');
  mkdirSync(notesDir);
  mkdirSync(markdownDir);
  for (let f = 0; f < plan.files; f++) {
    const mine = urls.filter((_, u) => u % plan.files === f);
    writeFileSync(path.join(notesDir, `conference-${f}.notes`), [`Conference ${2000 + f} – Friday – Session 1`, '', `Talk ${f} by Ann Other`, ...mine.map((u) => `  • slides: ${u}`), ''].join('\n'));
    writeFileSync(path.join(markdownDir, `conference-${f}.md`), [`# Conference ${2000 + f} – Friday – Session 1`, '', `## Talk ${f} by Ann Other`, ...mine.map((u) => `- slides: [${u}](${u})`), ''].join('\n'));
  }
  const reset = () => hosts.forEach((h) => ((h.mostInFlight = 0), (h.requests = 0), (h.connections = 0)));
  const measured = () => ({
    mostAtOnceToOneHost: Math.max(...hosts.map((h) => h.mostInFlight)),
    requests: hosts.reduce((n, h) => n + h.requests, 0),
    connections: hosts.reduce((n, h) => n + h.connections, 0),
  });
  const runs: ToolRun[] = [];

  const cacheDir = path.join(work, 'cache');
  const confnotes = async (label: string, note: string) => {
    reset();
    log(label);
    const r = await runMeasured(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'check', '--online', '--json', '--check-private-addresses', '--no-suggest-https', '--cache-dir', cacheDir, notesDir], ROOT);
    if (r.code === 2) throw new Error(`confnotes failed: ${r.stderr}`);
    const found = JSON.parse(r.stdout) as Array<{ code: string; target: string }>;
    runs.push({ tool: label, ms: r.ms, peakMB: r.peakMB, dead: new Set(found.filter((f) => f.code === 'dead-link').map((f) => f.target)), ...measured(), note });
  };
  await confnotes('confnotes', 'first run, empty cache');

  if (tools) {
    reset();
    log('markdown-link-check');
    const mlc = await runMeasured(process.execPath, [path.join(tools, 'node_modules', 'markdown-link-check', 'markdown-link-check'), '-q', markdownDir], tools);
    const mlcDead = new Set([...mlc.stdout.matchAll(/\[✖\] (\S+) → Status: (\d+)/g)].map((m) => m[1]));
    runs.push({ tool: `markdown-link-check ${TOOLS['markdown-link-check']}`, ms: mlc.ms, peakMB: mlc.peakMB, dead: mlcDead, ...measured(), note: 'defaults' });

    reset();
    log('linkinator');
    // Relative paths from the folder: linkinator 7 drops the leading slash of several absolute ones and finds no links.
    const li = await runMeasured(process.execPath, [path.join(tools, 'node_modules', 'linkinator', 'build', 'src', 'cli.js'), '*.md', '--markdown', '--format', 'json'], markdownDir);
    const liDead = new Set(((JSON.parse(li.stdout) as { links: Array<{ url: string; state: string }> }).links ?? []).filter((l) => l.state === 'BROKEN' && l.url.startsWith('http://127.')).map((l) => l.url));
    runs.push({ tool: `linkinator ${TOOLS.linkinator}`, ms: li.ms, peakMB: li.peakMB, dead: liDead, ...measured(), note: 'defaults (concurrency 100)' });
  }
  await confnotes('confnotes, again', 'second run, from the cache');

  await Promise.all(hosts.map((h) => h.close()));
  rmSync(work, { recursive: true, force: true });

  const report = render(urls, dead, runs);
  writeSection(out, 'links', report);
  console.log(report);
  log(`written to ${path.relative(ROOT, out)}`);
}

function render(urls: readonly string[], dead: ReadonlySet<string>, runs: readonly ToolRun[]): string {
  const agrees = (r: ToolRun) => r.dead.size === dead.size && [...dead].every((u) => r.dead.has(u));
  const wrong = (r: ToolRun) => urls.filter((u) => r.dead.has(u) !== dead.has(u)).length;
  const [cold, ...rest] = runs;
  const warm = rest.at(-1)!;
  const others = rest.slice(0, -1);
  const fastestOther = others.length > 0 ? Math.min(...others.map((r) => r.ms)) : NaN;
  const met = (ok: boolean) => (ok ? '**met**' : '**not met**');
  const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
  const rows = runs.map((r) => `| ${r.tool} | ${r.note} | ${Math.round(r.ms)} ms | ${r.peakMB} MB | ${r.mostAtOnceToOneHost} | ${r.requests} | ${r.connections} | ${r.dead.size} | ${wrong(r)} |`);
  return `## Checking links online (\`npm run bench:links\`)${smoke ? ' (smoke run: tiny inputs, not figures to quote)' : ''}

Written by \`npm run bench:links\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${machine}.
Input: ${urls.length} unique links in ${plan.files} files (as notes for confnotes, as Markdown for the
others), on ${plan.hosts} local sites (127.0.0.2 and up), each answering after ${plan.latencyMs} ms; ${dead.size}
links (5%) answer 404. All tools run one after the other in the same run, as their command lines.
confnotes: \`check --online --json --check-private-addresses --no-suggest-https\`.

### Targets

| target | measured | status |
|---|---|---|
| The same verdicts as the expected ones, for every link (each tool) | ${runs.map((r) => `${r.tool}: ${wrong(r)} wrong`).join('; ')} | ${met(runs.every(agrees))} |
| Faster than the faster of markdown-link-check and linkinator | ${Math.round(cold.ms)} ms vs ${Number.isNaN(fastestOther) ? '–' : `${Math.round(fastestOther)} ms`} | ${Number.isNaN(fastestOther) ? '–' : met(cold.ms < fastestOther)} |
| Never more than 4 requests at once to one host | ${cold.mostAtOnceToOneHost} | ${met(cold.mostAtOnceToOneHost <= 4)} |
| A second run served from the cache in under a second | ${Math.round(warm.ms)} ms, ${warm.requests} requests | ${met(warm.ms < 1000 && warm.requests === 0)} |

### Each run

| tool | run | wall time | peak memory | most at once to one host | requests | connections | reported dead | wrong verdicts |
|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

Wall time includes starting Node and reading the files; peak memory is the process's VmHWM.
The ratio to the faster other tool: ${Number.isNaN(fastestOther) ? '–' : `${round(fastestOther / cold.ms)}×`}.
`;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
