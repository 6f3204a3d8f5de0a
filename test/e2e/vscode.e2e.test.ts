/**
 * The packaged .vsix in a real VS Code workbench (code-server + Chromium): what a person who
 * installs the extension sees. Screenshots of each step go to test-results/e2e/.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT, SAMPLE } from '../helpers';
import { SAMPLE_FLAGGED_LINK } from '../shared/expectations.cjs';
import { expectSampleOutline } from './checks';
import { Workbench } from './workbench';

const SECOND = 'Kiwicon 2019 – Friday – Session 1\n\nSecond file talk by Ann Other\n  • see x.org\n  • and \n';
/** Notes in another writer's style: talks broken into sections. */
const SECTIONED = readFileSync(path.join(ROOT, 'test/fixtures/real-world/pgconf-2021-sections.notes'), 'utf8');
/** A blog post: a heading over prose for each talk, the speaker on the line below it. */
const BLOG = readFileSync(path.join(ROOT, 'test/fixtures/real-world/blog-opsconf-headings-prose.notes'), 'utf8');

describe('VS Code workbench (code-server) with the packaged .vsix', function () {
  this.timeout(180000);
  let wb: Workbench;

  before(async () => {
    wb = await Workbench.start('trusted', { trusted: true, files: { 'lca2016.notes': SAMPLE, 'second.notes': SECOND, 'pgconf2021.notes': SECTIONED, 'opsconf-blog.notes': BLOG } });
  });
  afterEach(async function () {
    await wb?.shotIfFailed(this.currentTest);
  });
  after(() => wb?.close());

  it('Should open the sample as Conference Notes, highlighted, without the non-ASCII banner', async () => {
    await wb.openFile('lca2016.notes');
    await wb.page.locator('.statusbar', { hasText: 'Conference Notes' }).waitFor();
    // Highlighting: the header's event and a plain bullet's text are painted in different colours.
    // Highlighting: once tokenized, the header's day and a plain bullet's text have different colours
    // (Monaco merges neighbouring tokens of one colour into a span, hence `includes`).
    // (A string, not a function: the test's transpiler would wrap a named helper the page does not have.)
    await wb.page.waitForFunction(`(() => {
      const spans = Array.from(document.querySelectorAll('.view-line span span'));
      const colour = (text) => { const s = spans.find((e) => (e.textContent || '').replace(/\u00a0/g, ' ').includes(text)); return s ? getComputedStyle(s).color : null; };
      const header = colour('Friday'), plain = colour('New Zealand Open Source Society');
      return header !== null && plain !== null && header !== plain;
    })()`, undefined, { timeout: 30000 });
    assert.equal(await wb.page.getByText('non-basic ASCII').count(), 0, 'no "many non-basic ASCII characters" banner');
    await wb.shot('01-sample-open');
  });

  it('Should list Friday → Session 3 → Lighting talks, Closing … with speakers in the Outline view', async () => {
    await expectSampleOutline(wb, '02-outline');
  });

  it('Should show a talk\'s sections under it in the Outline view, and in the breadcrumbs', async () => {
    await wb.openFile('pgconf2021.notes');
    // Room for the Outline (its rows exist only where they show): the file list folds away meanwhile.
    const folders = wb.page.locator('.pane-header', { hasText: 'workspace' });
    await folders.click();
    try {
      const talk = wb.page.locator('.outline-pane .monaco-list-row', { hasText: 'Web Components in Practice' });
      await talk.waitFor({ timeout: 30000 });
      await wb.page.locator('.outline-pane .monaco-list-row', { hasText: 'Gotchas' }).waitFor();
      const rows = await wb.rows('.outline-pane');
      const at = rows.findIndex(([label]) => label === 'Web Components in Practice');
      assert.deepEqual(rows.slice(at, at + 4), [['Web Components in Practice', 'Dana Whitfield'], ['Why bother', ''], ['Shadow DOM', ''], ['Gotchas', '']]);
      // Sections sit one level below their talk.
      const level = (label: string) => wb.page.locator('.outline-pane .monaco-list-row', { hasText: label }).first().getAttribute('aria-level');
      assert.equal(Number(await level('Shadow DOM')), Number(await level('Web Components in Practice')) + 1);
      await wb.focusEditor();
      await wb.goToLine(16);
      await wb.page.locator('.breadcrumbs-control .monaco-breadcrumb-item', { hasText: 'Shadow DOM' }).waitFor();
      await wb.shot('02b-outline-sections');
    } finally {
      await folders.click();
      await wb.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'lca2016.notes' }).waitFor();
      await wb.showTab('lca2016.notes');
    }
  });

  it('Should read a blog post of headings over prose: its talks with their speakers in the Outline, and why on hover', async () => {
    await wb.openFile('opsconf-blog.notes');
    const folders = wb.page.locator('.pane-header', { hasText: 'workspace' });
    await folders.click();
    try {
      await wb.page.locator('.outline-pane .monaco-list-row', { hasText: 'Writing Runbooks People Read' }).waitFor({ timeout: 30000 });
      // The post's title, its date line, the lead-ins and the prose are no talks; each speaker stands below a title.
      assert.deepEqual(await wb.rows('.outline-pane'), [
        ['Observability on a Budget', 'Aroha Ngata'],
        ['Postgres Upgrades Without Tears', 'Siddharth Rao'],
        ['Chaos Days', ''],
        ['Writing Runbooks People Read', 'Ines Duarte (Tidewater Bank)'],
        ['Closing Panel', ''],
      ]);
      await wb.page.locator('.view-line span', { hasText: 'Postgres Upgrades Without Tears' }).first().hover();
      await wb.page.locator('.monaco-hover', { hasText: 'the speaker stands on the line below it' }).waitFor();
      await wb.shot('02c-outline-blog-headings-over-prose');
      await wb.page.keyboard.press('Escape');
    } finally {
      await folders.click();
      await wb.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'lca2016.notes' }).waitFor();
      await wb.showTab('lca2016.notes');
    }
  });

  it('Should show day › session › talk in the breadcrumbs and the talk header in sticky scroll', async () => {
    await wb.goToLine(40);
    const crumbs = wb.page.locator('.breadcrumbs-control .monaco-breadcrumb-item');
    await crumbs.filter({ hasText: 'Lighting talks' }).waitFor();
    assert.deepEqual((await crumbs.allInnerTexts()).map((t) => t.trim()).slice(-3), ['Friday', 'Session 3', 'Lighting talks']);
    await wb.page.locator('.editor-instance .monaco-editor .view-lines').first().hover();
    await wb.page.mouse.wheel(0, 700);
    const sticky = wb.page.locator('.sticky-widget');
    await sticky.filter({ hasText: 'Lighting talks' }).waitFor();
    assert.match((await sticky.innerText()).replace(/\u00a0/g, ' '), /Linux\.conf\.au 2016 – Friday – Session 3[\s\S]*Lighting talks/);
    await wb.shot('03-breadcrumbs-sticky-scroll');
  });

  it('Should list talks in Go to Talk…, filter by typed text, and move the cursor on Enter', async () => {
    await wb.goToLine(1);
    const picker = await wb.openQuickInput('Control+Alt+O', 'Go to talk');
    const rows = picker.locator('.monaco-list-row');
    await rows.first().waitFor();
    assert.match((await rows.first().innerText()).replace(/\s+/g, ' '), /Lighting talks\s*Linux\.conf\.au 2016 · Friday · Session 3/);
    await wb.page.keyboard.type('helicop');
    // The server's answer for what is typed replaces the list.
    await wb.page.waitForFunction(() => document.querySelectorAll('.quick-input-widget:not(.quick-input-widget-closing) .monaco-list-row').length === 1);
    await rows.filter({ hasText: 'Helicopters and rocket-planes' }).waitFor();
    assert.match(await rows.first().innerText(), /Andrew Tridgell/);
    await wb.shot('04-go-to-talk');
    await wb.page.keyboard.press('Enter');
    await wb.waitForCursorLine(218);
    // Revealed at the top: just under the sticky-scroll lines (day/session header), in the first lines shown.
    const editorTop = (await wb.page.locator('.editor-instance .monaco-editor').first().boundingBox())!.y;
    const titleTop = (await wb.page.locator('.view-line', { hasText: 'Helicopters and rocket-planes by Andrew Tridgell' }).boundingBox())!.y;
    assert.ok(titleTop - editorTop < 8 * 19, `title ${titleTop - editorTop}px below the editor's top`);

    // Moving through the list previews other talks; Escape returns to where the cursor and view were.
    await wb.openQuickInput('Control+Alt+O', 'Go to talk');
    await rows.first().waitFor();
    for (let i = 0; i < 8; i++) await wb.page.keyboard.press('ArrowDown');
    const previewed = (await picker.locator('.monaco-list-row.focused .label-name').first().innerText()).trim();
    assert.notEqual(previewed, 'Helicopters and rocket-planes');
    await wb.page.locator('.view-line', { hasText: previewed }).first().waitFor();
    await wb.page.keyboard.press('Escape');
    await wb.waitForCursorLine(218);
    await wb.page.locator('.view-line', { hasText: 'Helicopters and rocket-planes by Andrew Tridgell' }).waitFor();
  });

  it('Should fold all to sessions and unfold again, and move to the next talk', async () => {
    await wb.runCommand('Fold All');
    // Only session headers remain.
    await wb.waitForTopLines(['Linux.conf.au 2016 – Friday – Session 3', 'Linux.conf.au 2016 – Friday – Session 2', 'Linux.conf.au 2016 – Friday – Session 1']);
    await wb.shot('05-fold-all');
    await wb.runCommand('Unfold All');
    await wb.page.locator('.view-line', { hasText: 'Building the Future' }).waitFor(); // a bullet under the cursor's session
    await wb.goToLine(1);
    await wb.runCommand('Conference Notes: Next Talk');
    await wb.waitForCursorLine(3);
    await wb.page.keyboard.press('Control+Alt+PageDown');
    await wb.waitForCursorLine(66);
  });

  it('Should warn as github/foo is typed, and clear it with the quick fix', async () => {
    await wb.openFile('second.notes');
    await wb.page.keyboard.press('Control+Shift+M'); // Problems panel
    await wb.page.locator('.editor-instance .monaco-editor .view-lines').first().click({ position: { x: 200, y: 5 } });
    await wb.goToLine(5);
    const { warnings } = await wb.problemCounts();
    await wb.page.keyboard.press('End');
    await wb.page.keyboard.type('github/foo');
    // How soon is bench/'s business (keystroke → diagnostics); here, that it comes.
    const problem = wb.page.locator('.markers-panel .monaco-list-row', { hasText: 'github/foo' });
    await problem.waitFor({ timeout: 10000 });
    await wb.shot('06-problem');
    const fix = await wb.quickFix('Change to https://github.com/foo');
    await wb.shot('07-quick-fix');
    await fix.click();
    await wb.page.locator('.view-line', { hasText: 'and https://github.com/foo' }).waitFor();
    await wb.waitForWarnings(warnings);
    await wb.page.locator('.editor-instance .monaco-editor .view-lines').first().click({ position: { x: 300, y: 5 } });
    await wb.page.keyboard.press('Control+S');
    const saved = path.join(wb.server.workspace, 'second.notes');
    const deadline = Date.now() + 10000;
    while (!readFileSync(saved, 'utf8').includes('github.com/foo') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.match(readFileSync(saved, 'utf8'), /• and https:\/\/github\.com\/foo\n/);
    await wb.shot('08-fixed');
  });

  it('Should ignore a link with the "Ignore this link" quick fix, writing confnotes.links.ignore', async () => {
    await wb.goToLine(5);
    const { warnings } = await wb.problemCounts();
    await wb.page.keyboard.press('End');
    await wb.page.keyboard.type(' github/bar');
    const problem = wb.page.locator('.markers-panel .monaco-list-row', { hasText: 'github/bar' });
    await problem.waitFor({ timeout: 10000 });
    const ignore = await wb.quickFix("Ignore this link (add 'github/bar'");
    await ignore.click();
    await wb.waitForWarnings(warnings);
    const settings = JSON.parse(readFileSync(path.join(wb.server.workspace, '.vscode/settings.json'), 'utf8'));
    assert.deepEqual(settings['confnotes.links.ignore'], ['github/bar']);
  });

  it('Should ask before opening a link on Ctrl+click (and the test never lets it through)', async () => {
    await wb.openFile('lca2016.notes');
    await wb.goToLine(SAMPLE_FLAGGED_LINK.line - 2);
    const opened: string[] = [];
    wb.page.context().on('page', (p) => opened.push(p.url()));
    // The hover says how to follow the link; then Ctrl+click it.
    await wb.page.locator('.view-line span', { hasText: 'nzoss.org.nz' }).last().hover();
    await wb.page.locator('.monaco-hover', { hasText: 'Open https://nzoss.org.nz/ (ctrl + click)' }).waitFor();
    await wb.page.keyboard.press('Escape');
    await wb.page.mouse.move(10, 10);
    await wb.ctrlClick('.view-line span', 'nzoss.org.nz');
    const dialog = wb.page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    assert.match((await dialog.innerText()).replace(/\s+/g, ' '), /open the external website.*https:\/\/nzoss\.org\.nz/i);
    await wb.shot('09-open-link');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    // The dialog gives the keyboard back to the editor as it closes.
    await wb.page.waitForSelector('.editor-instance .monaco-editor.focused');
    assert.equal(await dialog.count(), 0, 'Cancel closes the dialog');
    assert.deepEqual(opened, [], 'Cancel opens nothing');
  });

  it('Should restart the server when it dies, tell the user once, and keep the features working', async () => {
    const serverPids = () =>
      spawnSync('pgrep', ['-f', 'confnotes-[0-9.]+/dist/server\\.js'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map(Number);
    const told = wb.page.locator('.notifications-toasts .notification-toast', { hasText: 'server stopped unexpectedly and was restarted' });
    const waitFor = async (ready: () => boolean) => {
      const deadline = Date.now() + 30000;
      while (!ready() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      return ready();
    };
    await wb.openFile('second.notes');
    for (const round of [1, 2]) {
      assert.ok(await waitFor(() => serverPids().length === 1), `one server runs: ${serverPids()}`);
      const [pid] = serverPids();
      process.kill(pid, 'SIGKILL');
      assert.ok(await waitFor(() => serverPids().some((p) => p !== pid)), `a new server after kill ${round}`);
      if (round === 1) {
        await told.waitFor();
        await wb.shot('11-server-restarted');
      }
    }
    assert.equal(await told.count(), 1, 'told once, not once per crash');
    // The restarted server has the document again: a new broken link is flagged.
    await wb.page.keyboard.press('Control+Shift+M');
    await wb.page.locator('.editor-instance .monaco-editor .view-lines').first().click({ position: { x: 200, y: 5 } });
    await wb.goToLine(5);
    await wb.page.keyboard.press('End');
    await wb.page.keyboard.type(' github/after-restart');
    await wb.page.locator('.markers-panel .monaco-list-row', { hasText: 'github/after-restart' }).waitFor({ timeout: 10000 });
  });
});

describe('VS Code workbench in Restricted Mode (untrusted folder)', function () {
  this.timeout(180000);
  let wb: Workbench;

  before(async () => {
    wb = await Workbench.start('restricted', { trusted: false, files: { 'lca2016.notes': SAMPLE } });
  });
  afterEach(async function () {
    await wb?.shotIfFailed(this.currentTest);
  });
  after(() => wb?.close());

  it('Should still give the outline and offline link warnings in an untrusted workspace', async () => {
    await wb.page.getByText('Restricted Mode', { exact: false }).first().waitFor();
    await wb.openFile('lca2016.notes');
    await wb.page.locator('.statusbar', { hasText: 'Conference Notes' }).waitFor();
    await wb.page.locator('.pane-header', { hasText: 'Outline' }).click();
    await wb.page.locator('.outline-pane .monaco-list-row', { hasText: 'Lighting talks' }).waitFor({ timeout: 30000 });
    await wb.page.keyboard.press('Control+Shift+M');
    await wb.page.locator('.markers-panel .monaco-list-row', { hasText: SAMPLE_FLAGGED_LINK.text }).waitFor();
    await wb.shot('10-restricted-mode');
  });
});
