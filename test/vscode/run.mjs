// `npm run test:vscode`: the extension tests inside a real VS Code, via @vscode/test-electron.
// Needs to download VS Code; where that is impossible (no internet) it says so and skips.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let vscodeExecutablePath;
try {
  vscodeExecutablePath = await Promise.race([
    downloadAndUnzipVSCode('stable'),
    new Promise((_, reject) => setTimeout(() => reject(new Error('timed out after 120 s')), 120_000)),
  ]);
} catch (e) {
  console.log(`SKIPPED: VS Code could not be downloaded here (${e.message ?? e}). ` +
    'Run `npm run test:vscode` on a machine that can download VS Code.');
  process.exit(0);
}
try {
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'test/vscode/suite/index.cjs'),
    launchArgs: [path.join(root, 'test/fixtures'), '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
  });
} catch (e) {
  console.error('VS Code tests failed:', e);
  process.exit(1);
}
