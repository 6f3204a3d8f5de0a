/**
 * Workspace navigation in a real VS Code workbench (code-server + Chromium, the packaged .vsix):
 * the Conference Notes view, Go to Symbol in Workspace, Go to Talk across files, [[references]]
 * between talks (hover, go to definition, completion, quick fix, code lens, rename), the
 * overview folds and session moves, Search Notes, and the index following files written to disk.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { SAMPLE } from '../helpers';
import { copyTalkAsMarkdown, goToTalkInAnotherFile, hoverReferenceToAnotherFile, searchUnikernel, WORKSPACE_NOTES } from './checks';
import { Workbench } from './workbench';

describe('Workspace navigation in the VS Code workbench (code-server)', function () {
  this.timeout(180000);
  let wb: Workbench;
  const view = () => wb.page.locator('.pane:has(.pane-header:has-text("Conference Notes"))');
  const viewRow = (text: string) => view().locator('.monaco-list-row', { hasText: text }).first();
  const activeTab = (name: string) => wb.page.locator(`.tabs-container .tab.active:has-text("${name}")`).waitFor();

  before(async () => {
    wb = await Workbench.start('workspace', { trusted: true, files: WORKSPACE_NOTES });
  });
  afterEach(async function () {
    await wb?.shotIfFailed(this.currentTest);
  });
  after(() => wb?.close());

  it('Should show the Conference Notes view in the Explorer: events with talk counts, before any file is opened', async () => {
    const header = view().locator('.pane-header');
    await header.waitFor({ timeout: 60000 });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    await viewRow('Linux.conf.au 2016').waitFor({ timeout: 30000 });
    const rows = await wb.rows('.pane:has(.pane-header:has-text("Conference Notes"))');
    assert.deepEqual(rows.slice(0, 4), [
      ['Kiwicon 2019', '2 talks'],
      ['Linux.conf.au 2016', '23 talks'],
      ['PyCon AU 2019', '2 talks'],
      ['reading-list.notes', '1 talk'],
    ]);
    await wb.shot('01-notes-view');
  });

  it('Should open a talk from the view, and select the talk under the cursor as it moves', async () => {
    // Room for the view: the file list folds away, as a person would do with a tall tree.
    await wb.page.locator('.pane-header', { hasText: 'workspace' }).click();
    await viewRow('Linux.conf.au 2016').click();
    await viewRow('Friday').click();
    // A session's row opens its header; its twistie opens its talks.
    await viewRow('Session 1').locator('.monaco-tl-twistie').click();
    await viewRow('Helicopters and rocket-planes').click();
    await activeTab('lca2016.notes');
    await wb.waitForCursorLine(218);
    await wb.focusEditor();
    await wb.goToLine(650);
    await view().locator('.monaco-list-row.selected', { hasText: 'An introduction to monitoring' }).waitFor({ timeout: 10000 });
    await wb.shot('02-view-follows-cursor');
    await wb.page.locator('.pane-header', { hasText: 'workspace' }).click();
  });

  it('Should find "prom wilk" with Go to Symbol in Workspace (Ctrl+T) and open it', async () => {
    await wb.focusEditor();
    await wb.goToLine(1);
    const symbols = await wb.openQuickInput('Control+T');
    await wb.page.keyboard.type('prom wilk');
    const row = symbols.locator('.monaco-list-row', { hasText: 'Prometheus by Jamie Wilkinson' });
    await row.waitFor({ timeout: 10000 });
    assert.match((await row.innerText()).replace(/\s+/g, ' '), /Linux\.conf\.au 2016 · Wednesday · Session 3 · lca2016\.notes/);
    await wb.shot('03-workspace-symbols');
    await wb.page.keyboard.press('Enter');
    await wb.waitForCursorLine(648);
  });

  it('Should go to a talk in another file with Go to Talk…, list it first next time, and restore the editor on Escape', async () => {
    await goToTalkInAnotherFile(wb, '04-go-to-talk-workspace');

    // Back in the sample: the talk just picked heads the list.
    await wb.showTab('lca2016.notes');
    await wb.goToLine(300);
    const picker = await wb.openQuickInput('Control+Alt+O', 'Go to talk');
    const rows = picker.locator('.monaco-list-row');
    await rows.first().waitFor();
    assert.match((await rows.first().innerText()).replace(/\s+/g, ' '), /Breaking into cars.*recently picked/);
    // Moving down previews talks (the first in another file); Escape comes back to line 300 of the sample.
    await wb.page.keyboard.press('ArrowDown');
    await wb.page.keyboard.press('ArrowUp');
    await activeTab('kiwicon2019.notes');
    await wb.page.keyboard.press('Escape');
    await activeTab('lca2016.notes');
    await wb.waitForCursorLine(300);
  });

  it('Should search inside the notes with Search Notes… (Ctrl+Alt+F): lines under their talk, preview, Enter opens at the word, Escape returns, recent searches', async () => {
    // The talk's lines, each with its line number; the talk named above them; Enter opens the line at the word, selected.
    await searchUnikernel(wb, '12-search-notes');
    await wb.page.locator('.statusbar-item', { hasText: '(9 selected)' }).waitFor();

    // Searched again: the last search is offered before anything is typed; Escape goes back.
    await wb.goToLine(10);
    const again = await wb.openQuickInput('Control+Alt+F', 'Search notes');
    await again.locator('.monaco-list-row', { hasText: 'unikernel' }).first().waitFor();
    await wb.page.keyboard.type('OBD port');
    await again.locator('.monaco-list-row', { hasText: '• CAN bus on the OBD port' }).waitFor();
    await wb.page.keyboard.press('ArrowDown');
    await activeTab('kiwicon2019.notes');
    await wb.page.keyboard.press('Escape');
    await activeTab('lca2016.notes');
    await wb.waitForCursorLine(10);
  });

  it('Should copy the talk at the cursor as Markdown with Copy as Markdown', async () => {
    await copyTalkAsMarkdown(wb);
    await wb.page.locator('.statusbar-item', { hasText: 'Copied talk "Helicopters and rocket-planes" as Markdown' }).waitFor();
  });

  it('Should export the file as Markdown with Export Notes as Markdown…, to the name the save dialog offers', async () => {
    await wb.openFile('kiwicon2019.notes');
    await wb.runCommand('Conference Notes: Export Notes as Markdown…');
    // code-server's save dialog is a quick input holding the path offered: the notes' name as .md.
    await wb.page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLInputElement>('.quick-input-widget .quick-input-box input')).some((i) => i.value.endsWith('/kiwicon2019.md')));
    await wb.page.keyboard.press('Enter');
    const message = wb.page.locator('.notification-toast', { hasText: 'exported to kiwicon2019.md' });
    await message.waitFor();
    const written = readFileSync(path.join(wb.server.workspace, 'kiwicon2019.md'), 'utf8');
    assert.ok(written.startsWith('# Kiwicon 2019 – Friday – Session 1\n\n## Breaking into cars — Ann Other <a id="breaking-into-cars"></a>\n\n- CAN bus on the OBD port\n'), written.slice(0, 300));
  });

  it('Should move to the next and previous session, and fold the file to session headers, to talk titles and back', async () => {
    await wb.showTab('lca2016.notes');
    await wb.goToLine(1);
    await wb.page.keyboard.press('Control+Alt+Shift+PageDown');
    await wb.waitForCursorLine(83);
    await wb.page.keyboard.press('Control+Alt+Shift+PageUp');
    await wb.waitForCursorLine(1);

    const sessions = ['Linux.conf.au 2016 – Friday – Session 3', 'Linux.conf.au 2016 – Friday – Session 2', 'Linux.conf.au 2016 – Friday – Session 1'];
    const everything = ['Linux.conf.au 2016 – Friday – Session 3', 'Lighting talks', '  • New Zealand Open Source Society'];
    await wb.runCommand('Conference Notes: Fold to Session Headers');
    await wb.waitForTopLines(sessions);
    await wb.shot('05-fold-to-sessions');

    await wb.runCommand('Conference Notes: Fold to Talk Titles');
    await wb.waitForTopLines([
      'Linux.conf.au 2016 – Friday – Session 3',
      'Lighting talks',
      'Closing',
      'Linux.conf.au 2016 – Friday – Session 2',
      'Free as in cheap gadgets: the ESP8266 by Angus Gratton',
    ]);
    assert.equal(await wb.page.locator('.view-line', { hasText: 'New Zealand Open Source Society' }).count(), 0);
    await wb.shot('06-fold-to-talks');

    // Shift+Tab on a header cycles: talks → everything → sessions.
    await wb.page.keyboard.press('Shift+Tab');
    await wb.waitForTopLines(everything);
    await wb.page.keyboard.press('Shift+Tab');
    await wb.waitForTopLines(sessions);
    await wb.runCommand('Conference Notes: Show All (Unfold Everything)');
    await wb.waitForTopLines(everything);
  });

  it('Should expand the selection word → bullet → bullet with its children → talk', async () => {
    // Line 7 of the sample: '  • LCA 2015 give-aways of ARM chromebooks', two children below.
    const lines = SAMPLE.split('\n');
    await wb.cursorNearEnd(7, 'chromebooks'.length + 3);
    const selected = async () => Number(/\((\d+) selected\)/.exec(await wb.statusBarText())?.[1] ?? 0);
    // VS Code adds steps of its own (the line without its indent, say) between the server's.
    const steps: number[] = [];
    const talk = lines.slice(2, 64).join('\n').length;
    for (let i = 0; i < 10 && steps.at(-1) !== talk; i++) {
      const before = await selected();
      await wb.page.keyboard.press('Shift+Alt+ArrowRight');
      await wb.page.waitForFunction((n) => Number(/\((\d+) selected\)/.exec(document.querySelector('.statusbar')?.textContent ?? '')?.[1] ?? 0) !== n, before);
      steps.push(await selected());
    }
    const wanted = ['ARM'.length, 'LCA 2015 give-aways of ARM chromebooks'.length, [lines[6].trimStart(), lines[7], lines[8]].join('\n').length, talk];
    assert.deepEqual(steps.filter((n) => wanted.includes(n)), wanted, `selection sizes ${steps.join(' → ')}`);
    await wb.page.keyboard.press('Escape');
  });

  it('Should count references in a code lens above a talk, and show them on click', async () => {
    await wb.focusEditor();
    await wb.goToLine(218);
    const lens = wb.page.locator('.codelens-decoration:visible', { hasText: '1 reference' }).first();
    await lens.waitFor({ timeout: 15000 });
    await wb.shot('07-code-lens');
    // The server refreshes code lenses as the index settles, and a lens being replaced can swallow
    // a click: click until the peek it opens is there.
    const peek = wb.page.locator('.zone-widget', { hasText: 'Locations (1)' });
    await wb.clickUntil(lens.locator('a').first(), peek);
    assert.match(await peek.locator('.head').innerText(), /kiwicon2019\.notes/);
    await peek.locator('.monaco-list-row', { hasText: 'see [[Helicopters and rocket-planes]]' }).waitFor();
    await wb.shot('08-references-peek');
    await wb.page.keyboard.press('Escape');
  });

  it('Should hover a [[reference]] with the talk, go to its definition in another file, and flag a misspelt one with a fix', async () => {
    await wb.openFile('reading-list.notes');
    await wb.page.keyboard.press('Control+Shift+M');
    const misspelt = wb.page.locator('.markers-panel .monaco-list-row', { hasText: 'Helicopter and rocket planes' });
    await misspelt.waitFor({ timeout: 15000 });
    assert.match(await misspelt.innerText(), /did you mean "Helicopters and rocket-planes"/);
    await wb.page.locator('.markers-panel .monaco-list-row', { hasText: 'is the title of 3 talks' }).waitFor();

    await hoverReferenceToAnotherFile(wb, '09-reference-hover');

    await wb.focusEditor();
    await wb.cursorNearEnd(3, 3);
    await wb.page.keyboard.press('F12');
    await activeTab('pyconau2019.confnotes');
    await wb.waitForCursorLine(3);

    await wb.showTab('reading-list.notes');
    await wb.cursorNearEnd(6, 3);
    const { warnings } = await wb.problemCounts();
    const fix = await wb.quickFix('Change to [[Helicopters and rocket-planes]]');
    await wb.shot('10-reference-quick-fix');
    await fix.click();
    await wb.page.locator('.view-line', { hasText: '[[Helicopters and rocket-planes]]' }).waitFor();
    await wb.waitForWarnings(warnings - 1);
  });

  it('Should complete a talk of another file after [[ and close the reference', async () => {
    await wb.focusEditor();
    await wb.goToLine(6);
    await wb.page.keyboard.press('End');
    await wb.page.keyboard.press('Enter');
    await wb.page.keyboard.type('[[breaking');
    const suggestion = wb.page.locator('.suggest-widget .monaco-list-row', { hasText: 'Breaking into cars' });
    await suggestion.waitFor({ timeout: 10000 });
    await wb.shot('11-reference-completion');
    await wb.page.keyboard.press('Enter');
    await wb.page.locator('.view-line', { hasText: '• [[Breaking into cars]]' }).waitFor();
    assert.equal(await wb.page.locator('.view-line', { hasText: '[[Breaking into cars]]]]' }).count(), 0, 'the closing brackets the editor added are replaced, not doubled');
  });

  it('Should rename a talk everywhere from its title with F2', async () => {
    await wb.showTab('pyconau2019.confnotes');
    await wb.goToLine(3);
    await wb.page.keyboard.press('Home');
    await wb.page.keyboard.press('F2');
    const input = wb.page.locator('.rename-box input');
    await input.waitFor();
    assert.equal(await input.inputValue(), 'Prompt toolkits');
    await input.fill('Prompt toolkits compared');
    await wb.page.keyboard.press('Enter');
    await wb.page.locator('.view-line', { hasText: 'Prompt toolkits compared by Wilma Flint' }).waitFor();
    await wb.page.locator('.tabs-container .tab', { hasText: 'reading-list.notes' }).click();
    await wb.page.locator('.view-line', { hasText: '[[Prompt toolkits compared]]' }).waitFor();
  });

  it('Should pick up a notes file written to disk: in the view and in Go to Symbol', async () => {
    writeFileSync(path.join(wb.server.workspace, 'osdc2015.notes'), 'OSDC 2015 – Tuesday – Session 2\n\nContainers in production by Dee Zee\n  • orchestration\n');
    // The view's own Collapse All brings the list of events back into sight.
    await view().locator('.pane-header').hover();
    await view().locator('.pane-header .codicon-collapse-all').click();
    await viewRow('OSDC 2015').waitFor({ timeout: 20000 });
    assert.deepEqual((await wb.rows('.pane:has(.pane-header:has-text("Conference Notes"))')).slice(0, 3), [['Kiwicon 2019', '2 talks'], ['Linux.conf.au 2016', '23 talks'], ['OSDC 2015', '1 talk']]);
    await wb.focusEditor();
    const symbols = await wb.openQuickInput('Control+T');
    await wb.page.keyboard.type('containers dee');
    await symbols.locator('.monaco-list-row', { hasText: 'Containers in production by Dee Zee' }).waitFor({ timeout: 10000 });
    await wb.page.keyboard.press('Escape');
    await wb.shot('12-new-file-indexed');
  });
});
