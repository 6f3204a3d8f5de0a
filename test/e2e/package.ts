/** The .vsix files the workbench tests install: packaged from the current build once per test run. */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../helpers';

export const VSIX = path.join(ROOT, 'confnotes.vsix');
export const WEB_VSIX = path.join(ROOT, '.cache/e2e/confnotes-web-only.vsix');
const VSCE = path.join(ROOT, 'node_modules/.bin/vsce');
let packaged = false;
let packagedWeb = false;

export function packageExtension(): string {
  if (!packaged) {
    const r = spawnSync(VSCE, ['package', '--no-dependencies', '--out', VSIX], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    packaged = true;
  }
  return VSIX;
}

/**
 * The same extension with its `browser` entry only (no `main`): a workbench must run it in its
 * web worker extension host, as vscode.dev does, even where a Node extension host is at hand.
 */
export function packageWebOnlyExtension(): string {
  if (!packagedWeb) {
    // Built (minified) as the real package is.
    packageExtension();
    const dir = mkdtempSync(path.join(tmpdir(), 'confnotes-web-only-'));
    try {
      const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
      delete manifest.main;
      delete manifest.scripts;
      delete manifest.devDependencies;
      writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
      for (const file of manifest.files as string[]) cpSync(path.join(ROOT, file), path.join(dir, file), { recursive: true });
      const r = spawnSync(VSCE, ['package', '--no-dependencies', '--out', WEB_VSIX], { cwd: dir, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stdout + r.stderr);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    packagedWeb = true;
  }
  return WEB_VSIX;
}

/** The test extension of test/e2e/memfs (a FileSystemProvider of `memfs:`) holding these files (paths under memfs:/). */
export function packageMemfsExtension(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'confnotes-memfs-'));
  const out = path.join(ROOT, '.cache/e2e/confnotes-test-memfs.vsix');
  try {
    cpSync(path.join(ROOT, 'test/e2e/memfs'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'seed.json'), JSON.stringify(files));
    const r = spawnSync(VSCE, ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', out], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
