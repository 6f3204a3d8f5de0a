// Bundles the VS Code client, the language server and the CLI with esbuild.
// usage: node scripts/build.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { chmodSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { brotliCompressSync, constants as zlibConstants } from 'node:zlib';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};
// The online link checker (with undici) is a file of its own, loaded by the server and the CLI
// only when a link is first checked online (server/src/linkCheck/lazyChecker.ts).
const linkCheckerApart = {
  name: 'link-checker-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/linkChecker$/ }, (args) =>
      args.importer.endsWith('lazyChecker.ts') ? { path: './linkCheck.js', external: true } : undefined,
    );
  },
};
// The search index lives in its own thread (dist/searchWorker.js): the server needs it in its
// own thread only where that file is missing (run from source), so it is not bundled again.
const searchWorkerApart = {
  name: 'search-worker-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/searchWorker$/ }, (args) =>
      args.importer.endsWith('searchService.ts') ? { path: './searchWorker.js', external: true } : undefined,
    );
  },
};
// The given-name lists (server/src/parser/names.ts): the same array, made at load from one string
// of sorted names, each written as how many leading letters it shares with the one before (a
// digit) and the rest — a third the size of the JSON's quoted strings — compressed with Brotli
// (base64 in the bundle: 77 KB of names become 30 KB; inflating them at load takes a millisecond).
const namesAsText = {
  name: 'names-as-text',
  setup(build) {
    build.onLoad({ filter: /first-names-en[\\/]data[\\/]names\.json$/ }, async (args) => {
      const names = [...new Set(JSON.parse(await readFile(args.path, 'utf8')))].sort();
      let previous = '';
      const coded = names.map((name) => {
        let shared = 0;
        while (shared < 9 && shared < name.length && name[shared] === previous[shared]) shared++;
        previous = name;
        return shared + name.slice(shared);
      });
      const packed = brotliCompressSync(Buffer.from(coded.join('\n')), { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).toString('base64');
      const text = `require('node:zlib').brotliDecompressSync(Buffer.from(${JSON.stringify(packed)}, 'base64')).toString()`;
      const decode = `let p = ''; module.exports = ${text}.split('\\n').map((c) => (p = p.slice(0, Number(c[0])) + c.slice(1)));`;
      return { contents: decode, loader: 'js' };
    });
  },
};
const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js', plugins: [linkCheckerApart, searchWorkerApart, namesAsText] },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', plugins: [linkCheckerApart, namesAsText] },
  { entryPoints: ['server/src/linkCheck/linkChecker.ts'], outfile: 'dist/linkCheck.js' },
  { entryPoints: ['server/src/searchWorker.ts'], outfile: 'dist/searchWorker.js' },
];

if (watch) {
  for (const b of builds) await (await esbuild.context({ ...common, ...b })).watch();
  console.log('watching client, server and CLI…');
} else {
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
  for (const f of ['dist/server.js', 'dist/cli.js']) chmodSync(f, 0o755);
}
