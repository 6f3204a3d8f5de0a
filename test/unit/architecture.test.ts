/**
 * The layers of docs/ARCHITECTURE.md, checked on the imports: each folder of server/src imports
 * only the folders below it, the pure ones no I/O and no protocol library, the client nothing of
 * the server but protocol/, and no module imports itself through others (no cycle).
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { builtinModules } from 'node:module';
import { ROOT } from '../helpers';

/** What each layer may import of ours (besides itself). A top-level file of server/src is a layer of its own name. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  version: [],
  protocol: [],
  parser: [],
  // protocol/: the shapes of what a client sends when it serves files.
  io: ['protocol/types', 'protocol/base64', 'protocol/walkRule'],
  linkCheck: ['version'],
  workspace: ['parser', 'protocol/types'],
  search: ['parser', 'workspace', 'protocol/types'],
  // linkCheck/outcomes: the verdicts of online checks, whose diagnostics features make.
  features: ['parser', 'workspace', 'search', 'protocol/types', 'linkCheck/outcomes', 'schedule/matchTalk', 'schedule/programme'],
  settings: ['parser', 'features', 'linkCheck', 'io'],
  // search/searchWords: words compared as search compares them (case and accents aside).
  schedule: ['search/searchWords'],
  cli: ['version', 'parser', 'io', 'linkCheck', 'workspace', 'search', 'features', 'settings', 'protocol/types', 'schedule'],
  lsp: ['version', 'parser', 'io', 'linkCheck', 'workspace', 'search', 'features', 'settings', 'protocol'],
  // Where the server runs: what each platform gives lsp/ (ServerPlatform), and the entry that starts it there.
  node: ['lsp', 'io', 'linkCheck', 'search'],
  browser: ['lsp'],
  main: ['lsp', 'node'],
  browserMain: ['lsp', 'browser'],
  client: ['protocol/requests'],
};
/** Layers that do no I/O and speak no protocol: what they import from outside. */
const PURE = ['parser', 'workspace', 'search', 'features', 'protocol', 'schedule'];
const IMPURE_LIBRARY = /^(node:[a-z_/]+|fs|path|child_process|net|http|https|vscode-languageserver(\/node)?|vscode)$/;

interface Module {
  readonly file: string;
  /** `typeOnly`: `import type …`, which no bundle keeps. */
  readonly imports: ReadonlyArray<{ readonly spec: string; readonly target: string | null; readonly line: string; readonly typeOnly?: boolean }>;
}

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.normalize(path.join(path.dirname(from), spec));
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')]) if (existsSync(path.join(ROOT, candidate))) return candidate;
  return base;
}

function read(file: string): Module {
  const source = readFileSync(path.join(ROOT, file), 'utf8');
  // Statements over several lines too (`import {\n  a,\n} from '…'`): up to the first `from '…'` after `import`/`export`.
  const statements = /^(?:import|export)\b[^;'"]*?\bfrom\s*'([^']+)'|^import\s*'([^']+)'|\bimport\(\s*'([^']+)'|\brequire\(\s*'([^']+)'/gm;
  const imports = [...source.matchAll(statements)].map((m) => {
    const spec = m[1] ?? m[2] ?? m[3] ?? m[4];
    return { spec, target: resolve(file, spec), line: m[0].replace(/\s+/g, ' ').trim(), typeOnly: /^(?:import|export)\s+type\b/.test(m[0]) };
  });
  return { file, imports };
}

/** `server/src/features/export/exportHtml.ts` → `features`; `server/src/settings.ts` → `settings`; client/src → `client`. */
function layerOf(file: string): string {
  if (file.startsWith('client/src/')) return 'client';
  const parts = file.slice('server/src/'.length).split('/');
  return parts.length === 1 ? parts[0].replace(/\.ts$/, '') : parts[0];
}

/** May a module of `layer` import `target`? */
function allowed(layer: string, target: string): boolean {
  const targetLayer = layerOf(target);
  if (targetLayer === layer) return true;
  const name = target.slice('server/src/'.length).replace(/\.ts$/, '');
  return MAY_IMPORT[layer].some((allowedLayer) => allowedLayer === targetLayer || allowedLayer === name || name.startsWith(allowedLayer + '/'));
}

/** A cycle of imports, as the files in it, or null. */
function findCycle(modules: readonly Module[]): string[] | null {
  const edges = new Map(modules.map((m) => [m.file, m.imports.flatMap((i) => (i.target && i.target !== m.file ? [i.target] : []))]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): string[] | null => {
    if (state.get(file) === 'done') return null;
    if (state.get(file) === 'open') return [...stack.slice(stack.indexOf(file)), file];
    state.set(file, 'open');
    stack.push(file);
    for (const next of edges.get(file) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(file, 'done');
    return null;
  };
  for (const m of modules) {
    const cycle = visit(m.file);
    if (cycle) return cycle;
  }
  return null;
}

const MODULES = [...sources('server/src'), ...sources('client/src')].map(read);

const NODE_BUILT_IN = (spec: string) => spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0]);

/** The Node built-ins that the code an entry runs imports (type imports left out: no bundle keeps them), with who imports each. */
function nodeBuiltInsReached(entry: string, modules: readonly Module[] = MODULES): string[] {
  const byFile = new Map(modules.map((m) => [m.file, m]));
  const seen = new Set<string>();
  const found: string[] = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const i of byFile.get(file)?.imports ?? []) {
      if (i.typeOnly) continue;
      if (NODE_BUILT_IN(i.spec)) found.push(`${file}: ${i.line}`);
      else if (i.target) visit(i.target);
    }
  };
  visit(entry);
  return found;
}

describe('architecture', () => {
  it('Should import only the layers below, by the direction of docs/ARCHITECTURE.md', () => {
    const wrong = MODULES.flatMap((m) => m.imports.filter((i) => i.target !== null && !allowed(layerOf(m.file), i.target)).map((i) => `${m.file}: ${i.line}`));
    assert.deepEqual(wrong, []);
  });
  it('Should keep parser, workspace, search, features and protocol free of Node built-ins, the connection and the vscode API', () => {
    const wrong = MODULES.filter((m) => PURE.includes(layerOf(m.file))).flatMap((m) => m.imports.filter((i) => IMPURE_LIBRARY.test(i.spec)).map((i) => `${m.file}: ${i.line}`));
    assert.deepEqual(wrong, []);
  });
  it('Should give the browser nothing of Node: the code the web extension runs (browserMain.ts, browserExtension.ts) imports no Node built-in, and lsp/ none at all', () => {
    assert.deepEqual(nodeBuiltInsReached('server/src/browserMain.ts'), []);
    assert.deepEqual(nodeBuiltInsReached('client/src/browserExtension.ts'), []);
    const inLsp = MODULES.filter((m) => layerOf(m.file) === 'lsp').flatMap((m) => m.imports.filter((i) => NODE_BUILT_IN(i.spec)).map((i) => `${m.file}: ${i.line}`));
    assert.deepEqual(inLsp, []);
    // The check itself: the desktop's entries do reach Node's modules, and through another module too.
    assert.ok(nodeBuiltInsReached('server/src/main.ts').some((f) => f.startsWith('server/src/io/diskFiles.ts')));
    assert.ok(nodeBuiltInsReached('client/src/extension.ts').some((f) => f.includes("'node:child_process'")));
  });
  it('Should let only lsp/ (and the entries, which make the connection) import the language server library, and the parser no protocol types at all', () => {
    const wrong = MODULES.filter((m) => !['lsp', 'main', 'browserMain', 'client'].includes(layerOf(m.file))).flatMap((m) => m.imports.filter((i) => /^vscode-languageserver(\/|$)/.test(i.spec)).map((i) => `${m.file}: ${i.line}`));
    assert.deepEqual(wrong, []);
    for (const m of MODULES.filter((x) => layerOf(x.file) === 'parser')) assert.deepEqual(m.imports.filter((i) => /vscode-languageserver/.test(i.spec)).map((i) => i.line), [], m.file);
  });
  it('Should have no cycle of imports', () => {
    assert.equal(findCycle(MODULES)?.join(' → ') ?? null, null);
  });
  it('Should catch an import against the direction and a cycle (the checks themselves)', () => {
    assert.equal(allowed('parser', 'server/src/features/hover.ts'), false);
    assert.equal(allowed('features', 'server/src/protocol/requests.ts'), false);
    assert.equal(allowed('client', 'server/src/features/talks.ts'), false);
    assert.equal(allowed('lsp', 'server/src/features/talks.ts'), true);
    assert.deepEqual(findCycle([{ file: 'a', imports: [{ spec: './b', target: 'b', line: '' }] }, { file: 'b', imports: [{ spec: './a', target: 'a', line: '' }] }]), ['a', 'b', 'a']);
    // An import over several lines is seen.
    const main = MODULES.find((m) => m.file === 'server/src/main.ts')!;
    assert.ok(main.imports.some((i) => i.spec === 'vscode-languageserver/node'), 'main.ts imports the library, over several lines or not');
  });
  it('Should import modules only by import statements, and name no path of one machine (caught: timing written to a temporary file left in slices.ts)', () => {
    for (const { file } of MODULES) {
      const lines = readFileSync(path.join(ROOT, file), 'utf8').split('\n');
      const requires = lines.filter((l) => /\brequire\(/.test(l));
      assert.deepEqual(requires, [], file);
      assert.deepEqual(lines.filter((l) => /['"`]\/(tmp|home|root|work)\//.test(l)), [], file);
    }
  });
});
