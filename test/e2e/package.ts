/** The .vsix the workbench tests install: packaged from the current build once per test run. */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from '../helpers';

export const VSIX = path.join(ROOT, 'confnotes.vsix');
let packaged = false;

export function packageExtension(): string {
  if (!packaged) {
    const r = spawnSync('npx', ['--no-install', 'vsce', 'package', '--no-dependencies', '--out', VSIX], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    packaged = true;
  }
  return VSIX;
}
