// Bundles the VS Code client, the language server and the CLI with esbuild.
// usage: node scripts/build.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import * as path from 'node:path';
import { brotliCompressSync, constants as zlibConstants } from 'node:zlib';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

// The version is written once, in package.json: every bundle that tells it gets it from there.
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const common = {
  bundle: true,
  define: { CONFNOTES_VERSION: JSON.stringify(version) },
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
// The programme readers (with ical.js, fast-xml-parser, jsonc-parser) are a file of their own too,
// loaded by the CLI only for `confnotes schedule` (server/src/schedule/lazyProgramme.ts).
const programmeReadersApart = {
  name: 'programme-readers-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/readProgramme$/ }, (args) =>
      args.importer.endsWith('lazyProgramme.ts') ? { path: './schedule.js', external: true } : undefined,
    );
  },
};
// The given names (server/src/parser/givenNames.ts, which reads them from their packages — faker is
// a dev dependency only): the module is replaced by one string of the sorted names, each written as
// how many leading letters it shares with the one before (a digit) and the rest — a third the size
// of quoted strings — compressed with Brotli (base64 in the bundle: 20,000 names in 48 KB; inflating
// them at load takes a few milliseconds).
// In a browser there is no synchronous Brotli: the browser bundle has the coded names as they are
// (the .vsix and the web's transfer compress them anyway).
const givenNamesPacked = ({ compressed }) => ({
  name: 'given-names-packed',
  setup(build) {
    build.onLoad({ filter: /parser[\\/]givenNames\.ts$/ }, async (args) => {
      const names = [...new Set(await runModule(args.path, 'givenNameList'))].sort();
      let previous = '';
      const coded = names.map((name) => {
        let shared = 0;
        while (shared < 9 && shared < name.length && name[shared] === previous[shared]) shared++;
        previous = name;
        return shared + name.slice(shared);
      });
      const packed = brotliCompressSync(Buffer.from(coded.join('\n')), { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).toString('base64');
      const text = compressed ? `require('node:zlib').brotliDecompressSync(Buffer.from(${JSON.stringify(packed)}, 'base64')).toString()` : JSON.stringify(coded.join('\n'));
      const decode = `let p = ''; const names = ${text}.split('\\n').map((c) => (p = p.slice(0, Number(c[0])) + c.slice(1))); module.exports = { givenNameList: () => names };`;
      return { contents: decode, loader: 'js' };
    });
  },
});

// The browser bundles must not need Node: an import of one of its modules fails the build, naming
// who imports it (the Node-only pieces reach the server through ServerPlatform, node/nodePlatform.ts).
const NODE_BUILT_INS = new Set(builtinModules);
const noNodeBuiltIns = {
  name: 'no-node-built-ins',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = args.path.replace(/^node:/, '');
      if (!args.path.startsWith('node:') && !NODE_BUILT_INS.has(name) && !NODE_BUILT_INS.has(name.split('/')[0])) return undefined;
      return { errors: [{ text: `the browser bundle cannot have Node's "${args.path}" (imported by ${path.relative(process.cwd(), args.importer)})` }] };
    });
  },
};
const browser = { platform: 'browser', target: 'es2022', plugins: [noNodeBuiltIns] };

/** Calls the function `name` of a TypeScript module, bundled on the fly (its packages loaded as they are). */
async function runModule(file, name) {
  const built = await esbuild.build({ entryPoints: [file], bundle: true, platform: 'node', format: 'cjs', write: false, packages: 'external', logLevel: 'warning' });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', built.outputFiles[0].text)(module, module.exports, createRequire(file));
  return module.exports[name]();
}

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js', plugins: [linkCheckerApart, givenNamesPacked({ compressed: true })] },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', plugins: [linkCheckerApart, programmeReadersApart, givenNamesPacked({ compressed: true })] },
  { entryPoints: ['server/src/schedule/readProgramme.ts'], outfile: 'dist/schedule.js' },
  { entryPoints: ['server/src/linkCheck/linkChecker.ts'], outfile: 'dist/linkCheck.js' },
  { entryPoints: ['server/src/node/searchWorker.ts'], outfile: 'dist/searchWorker.js' },
  // The web extension (package.json "browser"): VS Code's web worker extension host loads the client as CommonJS; the server is a worker's script.
  { entryPoints: ['client/src/browserExtension.ts'], outfile: 'dist/browserClient.js', external: ['vscode'], ...browser },
  { entryPoints: ['server/src/browserMain.ts'], outfile: 'dist/browserServer.js', format: 'iife', ...browser, plugins: [...browser.plugins, givenNamesPacked({ compressed: false })] },
];

if (watch) {
  for (const b of builds) await (await esbuild.context({ ...common, ...b })).watch();
  console.log('watching client, server and CLI…');
} else {
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
  for (const f of ['dist/server.js', 'dist/cli.js']) chmodSync(f, 0o755);
}
