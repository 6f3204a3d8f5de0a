/**
 * A virtual workspace on the Node extension host (the desktop's): a test extension serves the
 * notes from memory as a FileSystemProvider of `memfs:` (as Remote Repositories or any provider
 * serves a folder), so the server can read none of them from disk; the client lists and reads
 * them for it. Workspace symbols, Go to Talk and the Conference Notes view find talks of files
 * never opened, and a file written to the provider is picked up from its change event.
 * (VS Code cannot look for notes in a provider that has no search provider — `workspaceContains`
 * finds nothing there — so the extension starts with the first notes file opened, as the README says.)
 */
import { strict as assert } from 'node:assert';
import { SAMPLE } from '../helpers';
import { activeTab, fixture } from './checks';
import { packageMemfsExtension } from './package';
import { Workbench } from './workbench';

describe('A virtual workspace (memfs:, a FileSystemProvider) on the Node extension host', function () {
  this.timeout(180000);
  let wb: Workbench;

  before(async () => {
    const memfs = packageMemfsExtension({
      '/notes/lca2016.notes': SAMPLE,
      '/notes/kiwicon/kiwicon2019.notes': fixture('kiwicon2019.notes'),
      '/notes/pycon/pyconau2019.confnotes': fixture('pycon/pyconau2019.confnotes'),
      '/notes/.hidden/draft.notes': 'Hidden talk by Bo Ng\n  • never read\n',
    });
    wb = await Workbench.start('virtual', { trusted: true, files: {}, extensions: [memfs], virtualFolder: 'memfs:/notes' });
  });
  afterEach(async function () {
    await wb?.shotIfFailed(this.currentTest);
  });
  after(() => wb?.close());

  it('Should find a talk of a file never opened with Go to Symbol in Workspace, and open it from there', async () => {
    await wb.openFile('lca2016.notes');
    // The server is up once the file's one flagged link is (the language's name in the status bar comes before the extension).
    await wb.waitForWarnings(1);
    const symbols = await wb.openQuickInput('Control+T');
    await wb.page.keyboard.type('breaking');
    const row = symbols.locator('.monaco-list-row', { hasText: 'Breaking into cars' });
    await row.waitFor({ timeout: 30000 });
    assert.match((await row.innerText()).replace(/\s+/g, ' '), /Kiwicon 2019 · Friday · Session 1 · kiwicon2019\.notes • kiwicon\/kiwicon2019\.notes/);
    await wb.shot('01-virtual-workspace-symbols');
    await wb.page.keyboard.press('Enter');
    await activeTab(wb, 'kiwicon2019.notes');
    await wb.waitForCursorLine(3);
  });

  it('Should list talks of every file with Go to Talk…, and none of the hidden folder\'s', async () => {
    await wb.focusEditor();
    const symbols = await wb.openQuickInput('Control+T');
    await wb.page.keyboard.type('hidden talk');
    await symbols.locator('.monaco-list-row', { hasText: 'No matching workspace symbols' }).waitFor({ timeout: 10000 });
    await wb.page.keyboard.press('Escape');
    await wb.focusEditor();
    const picker = await wb.openQuickInput('Control+Alt+O', 'Go to talk');
    await picker.locator('.monaco-list-row').first().waitFor();
    await wb.page.keyboard.type('prompt');
    const prompt = picker.locator('.monaco-list-row', { hasText: 'Prompt toolkits' });
    await prompt.waitFor();
    assert.match((await prompt.innerText()).replace(/\s+/g, ' '), /pyconau2019\.confnotes/);
    // Escape goes back from the talk previewed to the editor as it was.
    await wb.page.keyboard.press('Escape');
    await activeTab(wb, 'kiwicon2019.notes');
    await wb.waitForCursorLine(3);
  });

  it('Should show every event in the Conference Notes view', async () => {
    const view = wb.page.locator('.pane:has(.pane-header:has-text("Conference Notes"))');
    const header = view.locator('.pane-header');
    await header.waitFor({ timeout: 30000 });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    await view.locator('.monaco-list-row', { hasText: 'PyCon AU 2019' }).waitFor({ timeout: 30000 });
    const rows = await wb.rows('.pane:has(.pane-header:has-text("Conference Notes"))');
    assert.deepEqual(rows.slice(0, 3), [
      ['Kiwicon 2019', '2 talks'],
      ['Linux.conf.au 2016', '23 talks'],
      ['PyCon AU 2019', '2 talks'],
    ]);
    await wb.shot('02-virtual-notes-view');
  });

  it('Should pick up a file written to the provider, from its change event: in the view, then in Go to Symbol', async () => {
    await wb.runCommand('Test Notes in Memory: Write a Notes File');
    // The index has the file once the view shows its event (the view was opened above).
    const view = wb.page.locator('.pane:has(.pane-header:has-text("Conference Notes"))');
    await view.locator('.monaco-list-row', { hasText: 'Kiwicon 2020' }).waitFor({ timeout: 15000 });
    await wb.focusEditor();
    const symbols = await wb.openQuickInput('Control+T');
    await wb.page.keyboard.type('satellites');
    await symbols.locator('.monaco-list-row', { hasText: 'Satellites for everyone by Rua Tane' }).waitFor({ timeout: 10000 });
    await wb.page.keyboard.press('Escape');
  });
});
