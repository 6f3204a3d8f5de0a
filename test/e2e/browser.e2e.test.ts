/**
 * confnotes as a web extension: a .vsix with only its `browser` entry, so that code-server's
 * workbench runs it in its web worker extension host (as vscode.dev and github.dev do), its
 * server in a worker of its own and every file read through the client. What works there, and
 * proof that it ran there: the extension and its server say where they run (no Node in either).
 */
import { strict as assert } from 'node:assert';
import { SAMPLE_FLAGGED_LINK } from '../shared/expectations.cjs';
import { activeTab, copyTalkAsMarkdown, expectSampleOutline, goToTalkInAnotherFile, hoverReferenceToAnotherFile, searchUnikernel, WORKSPACE_NOTES } from './checks';
import { packageWebOnlyExtension } from './package';
import { Workbench } from './workbench';

describe('In the browser: the web extension in code-server\'s web worker extension host', function () {
  this.timeout(180000);
  let wb: Workbench;

  before(async () => {
    wb = await Workbench.start('browser', {
      trusted: true,
      vsix: packageWebOnlyExtension(),
      files: WORKSPACE_NOTES,
    });
  });
  afterEach(async function () {
    await wb?.shotIfFailed(this.currentTest);
  });
  after(() => wb?.close());

  it('Should list Friday → Session 3 → Lighting talks, Closing … with speakers in the Outline view', async () => {
    await wb.openFile('lca2016.notes');
    await expectSampleOutline(wb, '01-outline-in-the-browser');
    await wb.page.locator('.pane-header', { hasText: 'Outline' }).click();
  });

  it('Should run in the web worker extension host, and its server in a browser worker: both say so', async () => {
    const output = await wb.showOutputChannel('Conference Notes');
    await output.filter({ hasText: 'in the web worker extension host (no Node: true)' }).waitFor({ timeout: 15000 });
    await output.filter({ hasText: '(a browser worker)' }).waitFor({ timeout: 15000 });
    await wb.shot('02-output-web-worker');
    await wb.page.keyboard.press('Control+J');
  });

  it('Should give the offline link warning, and say in the status bar that links are checked offline only', async () => {
    await wb.openFile('lca2016.notes');
    await wb.page.keyboard.press('Control+Shift+M');
    const problem = wb.page.locator('.markers-panel .monaco-list-row', { hasText: SAMPLE_FLAGGED_LINK.text });
    await problem.waitFor({ timeout: 15000 });
    assert.match((await problem.innerText()).replace(/\s+/g, ' '), new RegExp(`\\[Ln ${SAMPLE_FLAGGED_LINK.line + 1},`));
    await wb.page.locator('.statusbar-item', { hasText: 'Links: offline checks' }).click();
    await wb.page.locator('.notifications-toasts', { hasText: 'checks links offline only' }).waitFor();
    await wb.shot('03-offline-links');
    await wb.page.keyboard.press('Control+Shift+M');
  });

  it('Should go to a talk in another file with Go to Talk…, and find one of a file never opened with Go to Symbol in Workspace', async () => {
    await wb.openFile('lca2016.notes');
    await goToTalkInAnotherFile(wb, '04-go-to-talk-in-the-browser');

    const symbols = await wb.openQuickInput('Control+T');
    await wb.page.keyboard.type('prompt toolkits');
    const row = symbols.locator('.monaco-list-row', { hasText: 'Prompt toolkits' });
    await row.waitFor({ timeout: 10000 });
    assert.match((await row.innerText()).replace(/\s+/g, ' '), /pyconau2019\.confnotes/);
    await wb.page.keyboard.press('Escape');
  });

  it('Should resolve a [[reference]] to a talk of another file: hover, and go to its definition', async () => {
    await wb.openFile('reading-list.notes');
    await hoverReferenceToAnotherFile(wb, '05-reference-in-the-browser');
    await wb.focusEditor();
    await wb.cursorNearEnd(3, 3);
    await wb.page.keyboard.press('F12');
    await activeTab(wb, 'pyconau2019.confnotes');
    await wb.waitForCursorLine(3);
  });

  it('Should search inside the notes with Search Notes… (its index in the server\'s worker) and open a line at the word', async () => {
    await searchUnikernel(wb, '06-search-in-the-browser');
  });

  it('Should copy the talk at the cursor as Markdown, and Format Document', async () => {
    await copyTalkAsMarkdown(wb);
    await wb.openFile('kiwicon2019.notes');
    await wb.goToLine(4);
    await wb.page.keyboard.press('End');
    await wb.page.keyboard.type('   ');
    await wb.waitForLineText(4, '  • CAN bus on the OBD port   ');
    await wb.runCommand('Format Document');
    // The trailing spaces typed are gone again: the server formatted the file.
    await wb.waitForLineText(4, '  • CAN bus on the OBD port');
  });

  it('Should start the server again in a new worker with Restart Language Server, and answer from it', async () => {
    await wb.openFile('lca2016.notes');
    await wb.runCommand('Conference Notes: Restart Language Server');
    await wb.page.locator('.statusbar-item', { hasText: 'language server restarted' }).waitFor({ timeout: 15000 });
    // The first server's line, and the new one's: the log is kept across the restart.
    const output = await wb.showOutputChannel('Conference Notes');
    await output.filter({ hasText: '(a browser worker)' }).nth(1).waitFor({ timeout: 15000 });
    await wb.page.keyboard.press('Control+J');
    await wb.focusEditor();
    const symbols = await wb.openQuickInput('Control+T');
    await wb.page.keyboard.type('prom wilk');
    await symbols.locator('.monaco-list-row', { hasText: 'Prometheus by Jamie Wilkinson' }).waitFor({ timeout: 15000 });
    await wb.page.keyboard.press('Escape');
  });

  it('Should refuse Check Links Online, saying why', async () => {
    await wb.openFile('lca2016.notes');
    const picker = await wb.runCommandToPick('Conference Notes: Check Links Online', 'Check the links of');
    await picker.locator('.monaco-list-row', { hasText: 'This file' }).click();
    await wb.page.locator('.notifications-toasts', { hasText: 'in a browser, other sites refuse the requests' }).waitFor({ timeout: 15000 });
  });
});
