/**
 * Check Links Online in a real VS Code workbench (code-server + Chromium, the packaged .vsix),
 * against a local site on 127.0.0.1 (allowed by the test-only use of checkPrivateAddresses in
 * the user settings): the command, the warnings, a quick fix; and, in Restricted Mode, that no
 * request is made however the user tries.
 */
import { strict as assert } from 'node:assert';
import { routes, startSite, type LocalSite } from '../linkcheck/localSites';
import { Workbench } from './workbench';

const notes = (site: LocalSite) => ['Talk by Ann Other', `  • ${site.http}/ok`, `  • ${site.http}/gone-404`, `  • ${site.http}/moved`, ''].join('\n');
const SETTINGS = { 'confnotes.links.checkPrivateAddresses': true, 'confnotes.links.timeout': 2, 'confnotes.links.online': 'onSave' };

/** A describe's hooks: a local site, and a workbench (trusted or not) whose notes link to it. */
function siteAndWorkbench(prefix: string, trusted: boolean): { site: LocalSite; wb: Workbench } {
  const started = {} as { site: LocalSite; wb: Workbench };
  before(async () => {
    started.site = await startSite(routes);
    started.wb = await Workbench.start(prefix, { trusted, settings: SETTINGS, files: { 'links.notes': notes(started.site) } });
  });
  afterEach(async function () {
    await started.wb?.shotIfFailed(this.currentTest);
  });
  after(async () => {
    await started.wb?.close();
    await started.site?.close();
  });
  return started;
}

describe('Check Links Online in the VS Code workbench (code-server)', function () {
  this.timeout(180000);
  const on = siteAndWorkbench('online', true);

  it('Should mark the dead and the moved link after Check Links Online, and fix the moved one', async () => {
    await on.wb.openFile('links.notes');
    await on.wb.page.keyboard.press('Control+Shift+M');
    await on.wb.focusEditor();
    const scope = await on.wb.runCommandToPick('Conference Notes: Check Links Online', 'Check the links of');
    await scope.locator('.monaco-list-row', { hasText: 'This file' }).click();
    const dead = on.wb.page.locator('.markers-panel .monaco-list-row', { hasText: 'Dead link: 404 Not Found' });
    await dead.waitFor({ timeout: 20000 });
    await on.wb.page.locator('.notifications-toasts', { hasText: 'checked 3 links in 1 file: 1 dead, 1 moved' }).waitFor();
    await on.wb.shot('01-dead-link');
    await on.wb.focusEditor();
    await on.wb.cursorNearEnd(4, 2);
    const fix = await on.wb.quickFix(`Change to ${on.site.http}/ok (where it has moved)`);
    await on.wb.shot('02-moved-link-fix');
    await fix.click();
    await on.wb.page.locator('.view-line', { hasText: `• ${on.site.http}/ok` }).nth(1).waitFor();
  });

  it('Should check the file again on save (confnotes.links.online: onSave)', async () => {
    const before = on.site.seen.length;
    await on.wb.cursorNearEnd(5, 0);
    await on.wb.page.keyboard.type(`  • ${on.site.http}/gone-410`);
    await on.wb.page.keyboard.press('Control+S');
    await on.wb.page.locator('.markers-panel .monaco-list-row', { hasText: 'Dead link: 410 Gone' }).waitFor({ timeout: 20000 });
    assert.ok(on.site.seen.length > before);
  });
});

describe('Check Links Online in Restricted Mode (code-server)', function () {
  this.timeout(180000);
  const on = siteAndWorkbench('online-restricted', false);

  it('Should offer no online check, check nothing on save, and make no request at all', async () => {
    await on.wb.page.getByText('Restricted Mode', { exact: false }).first().waitFor();
    await on.wb.openFile('links.notes');
    // The palette has the extension's commands (Go to Talk among them), and not this one.
    const rows = await on.wb.paletteRows('Conference Notes', 'Conference Notes: Go to Talk');
    assert.equal(rows.filter((r) => r.includes('Check Links Online')).length, 0, `the command is hidden: ${rows.join(', ')}`);
    await on.wb.focusEditor();
    await on.wb.cursorNearEnd(2, 0);
    // The server's own word that it had the save and did not check: the one place a check on
    // save would have started. (A save pressed before the edit reached the tab can be a no-op:
    // the edit is waited for, and the save pressed again if no save reached the server.)
    await on.wb.saveWithEdit(' ', () => on.wb.waitForServerLog('not checked online on save', 5000));
    assert.equal(on.site.seen.length, 0, 'no request from an untrusted workspace');
    await on.wb.shot('01-restricted-no-check');
  });
});
