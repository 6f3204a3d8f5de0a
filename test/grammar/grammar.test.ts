import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from '../helpers';

// The scope assertions live in test/grammar/*.test.notes; vscode-tmgrammar-test checks them against the grammar.
describe('TextMate grammar', () => {
  it('Should give headers, titles, speakers, bullet levels, links, hashtags and handles their scopes', () => {
    const bin = path.join(ROOT, 'node_modules/vscode-tmgrammar-test/dist/unit.js');
    const r = spawnSync(process.execPath, [bin, '--grammar', 'syntaxes/confnotes.tmLanguage.json', 'test/grammar/*.test.notes'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });
});
