import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../helpers';

// The layers of docs/ARCHITECTURE.md: parser, workspace index and features stay pure (no I/O, no connection).
const FORBIDDEN = /from '(node:[a-z_]+|fs|path|child_process|net|http|https|vscode-languageserver(\/node)?|vscode-languageserver-protocol|vscode)'/;

describe('architecture', () => {
  for (const layer of ['server/src/parser', 'server/src/workspace', 'server/src/features']) {
    it(`Should keep ${layer} free of Node built-ins, the connection and the vscode API`, () => {
      for (const file of readdirSync(path.join(ROOT, layer))) {
        const source = readFileSync(path.join(ROOT, layer, file), 'utf8');
        const bad = source.split('\n').filter((l) => FORBIDDEN.test(l));
        assert.deepEqual(bad, [], `${layer}/${file}`);
      }
    });
  }
  it('Should import modules only by import statements, and name no path of one machine (caught: timing written to a temporary file left in slices.ts)', () => {
    const sources = (dir: string): string[] =>
      readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
    for (const file of [...sources('server/src'), ...sources('client/src')]) {
      const lines = readFileSync(path.join(ROOT, file), 'utf8').split('\n');
      // The search worker is loaded lazily by its own module: the one require() allowed.
      const requires = lines.filter((l) => /\brequire\(/.test(l) && !l.includes("require('./searchWorker')"));
      assert.deepEqual(requires, [], file);
      assert.deepEqual(lines.filter((l) => /['"`]\/(tmp|home|root|work)\//.test(l)), [], file);
    }
  });

  it('Should keep the parser free of protocol types', () => {
    for (const file of readdirSync(path.join(ROOT, 'server/src/parser'))) {
      assert.doesNotMatch(readFileSync(path.join(ROOT, 'server/src/parser', file), 'utf8'), /vscode-languageserver/, file);
    }
  });
});
