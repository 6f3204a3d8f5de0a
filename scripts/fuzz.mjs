// `npm run fuzz [-- RUNS]`: the property tests with many more cases than `npm test` runs
// (default 50 times as many), under one seed printed first so that a failure can be replayed
// with FAST_CHECK_SEED=<seed> npm run fuzz.
import { spawnSync } from 'node:child_process';

const runs = Number(process.argv[2] ?? 50000);
const seed = process.env.FAST_CHECK_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
const files = ['test/unit/properties.test.ts', 'test/unit/incremental.test.ts', 'test/unit/parser/links.test.ts', 'test/unit/features/formatting.test.ts', 'test/unit/search/searchIndex.property.test.ts', 'test/unit/export/export.test.ts', 'test/protocol/hostile.test.ts'];
console.log(`fuzz: ${runs} cases per property, seed ${seed}`);
const started = Date.now();
const result = spawnSync(
  process.execPath,
  ['node_modules/mocha/bin/mocha.js', '--no-config', '--require', 'tsx/cjs', '--require', 'test/sourceVersion.ts', '--extension', 'ts', '--timeout', '0', ...files],
  { stdio: 'inherit', env: { ...process.env, FAST_CHECK_RUNS: String(runs), FAST_CHECK_SEED: seed } },
);
console.log(`fuzz: seed ${seed}, ${((Date.now() - started) / 1000).toFixed(0)} s, ${result.status === 0 ? 'nothing found' : 'FAILED'}`);
process.exitCode = result.status ?? 1;
