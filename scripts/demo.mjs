// The README's "run" command: the CLI on the sample notes (outline, then link check).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const sample = 'test/fixtures/lca2016.notes';
if (!existsSync('dist/cli.js')) spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
const run = (...args) => spawnSync(process.execPath, ['dist/cli.js', ...args], { stdio: 'inherit' }).status;

console.log(`$ confnotes outline ${sample}\n`);
run('outline', sample);
console.log(`\n$ confnotes check ${sample}\n`);
const status = run('check', sample);
console.log(`\n(check exited ${status}: 0 clean, 1 links flagged, 2 read or usage error)`);
console.log('Language server for any LSP editor: node dist/server.js --stdio');
process.exitCode = status === 2 ? 2 : 0;
