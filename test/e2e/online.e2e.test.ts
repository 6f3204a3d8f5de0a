/**
 * Check Links Online in a real VS Code workbench (code-server + Chromium, the packaged .vsix),
 * against a local site on 127.0.0.1 (allowed by the test-only use of checkPrivateAddresses in
 * the user settings): the command, the warnings, a quick fix; and, in Restricted Mode, that no
 * request is made however the user tries.
 */
import { strict as assert } from 'node:assert';
import { routes, startSite, type LocalSite } from '../linkcheck/localSites';
import { startCodeServer, type CodeServer } from './codeServer';
import { packageExtension } from './package';
import { Workbench } from './workbench';

const notes = (site: LocalSite) => ['Talk by Ann Other', `  • ${site.http}/ok`, `  • ${site.http}/gone-404`, `  • ${site.http}/moved`, ''].join('\n');
const SETTINGS = { 'confnotes.links.checkPrivateAddresses': true, 'confnotes.links.timeout': 2, 'confnotes.links.online': 'onSave' };

describe('Check Links Online in the VS Code workbench (code-server)', function () {
  this.timeout(180000);
  let site: LocalSite;
  let server: CodeServer;
  let wb: Workbench;

  before(async () => {
    site = await startSite(routes);
    server = await startCodeServer({ vsix: packageExtension(), trusted: true, settings: SETTINGS, files: { 'links.notes': notes(site) } });
    wb = await Workbench.open(server.url, 'online');
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await wb?.shot(`FAILED-${this.currentTest.title.slice(0, 40).replace(/\W+/g, '-')}`);
  });
  after(async () => {
    await wb?.close();
    server?.stop();
    await site?.close();
  });

  it('Should mark the dead and the moved link after Check Links Online, and fix the moved one', async () => {
    await wb.openFile('links.notes');
    await wb.page.keyboard.press('Control+Shift+M');
    await wb.focusEditor();
    await wb.runCommand('Conference Notes: Check Links Online');
    await wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'This file' }).click();
    const dead = wb.page.locator('.markers-panel .monaco-list-row', { hasText: 'Dead link: 404 Not Found' });
    await dead.waitFor({ timeout: 20000 });
    await wb.page.locator('.notifications-toasts', { hasText: 'checked 3 links in 1 file: 1 dead, 1 moved' }).waitFor();
    await wb.shot('01-dead-link');
    await wb.focusEditor();
    await wb.cursorNearEnd(4, 2);
    await wb.page.keyboard.press('Control+.');
    const fix = wb.page.locator('.action-widget .monaco-list-row', { hasText: `Change to ${site.http}/ok (where it has moved)` });
    await fix.waitFor();
    await wb.shot('02-moved-link-fix');
    await fix.click();
    await wb.page.locator('.view-line', { hasText: `• ${site.http}/ok` }).nth(1).waitFor();
  });

  it('Should check the file again on save (confnotes.links.online: onSave)', async () => {
    const before = site.seen.length;
    await wb.cursorNearEnd(5, 0);
    await wb.page.keyboard.type(`  • ${site.http}/gone-410`);
    await wb.page.keyboard.press('Control+S');
    await wb.page.locator('.markers-panel .monaco-list-row', { hasText: 'Dead link: 410 Gone' }).waitFor({ timeout: 20000 });
    assert.ok(site.seen.length > before);
  });
});

describe('Check Links Online in Restricted Mode (code-server)', function () {
  this.timeout(180000);
  let site: LocalSite;
  let server: CodeServer;
  let wb: Workbench;

  before(async () => {
    site = await startSite(routes);
    server = await startCodeServer({ vsix: packageExtension(), trusted: false, settings: SETTINGS, files: { 'links.notes': notes(site) } });
    wb = await Workbench.open(server.url, 'online-restricted');
  });
  after(async () => {
    await wb?.close();
    server?.stop();
    await site?.close();
  });

  it('Should offer no online check, check nothing on save, and make no request at all', async () => {
    await wb.page.getByText('Restricted Mode', { exact: false }).first().waitFor();
    await wb.openFile('links.notes');
    await wb.page.keyboard.press('Control+Shift+P');
    await wb.page.locator('.quick-input-widget input').fill('>Conference Notes: Check');
    await wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Conference Notes' }).first().waitFor();
    assert.equal(await wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Check Links Online' }).count(), 0, 'the command is hidden');
    await wb.page.keyboard.press('Escape');
    await wb.focusEditor();
    await wb.cursorNearEnd(2, 0);
    await wb.page.keyboard.type(' ');
    await wb.page.keyboard.press('Control+S');
    await wb.page.waitForSelector('.tabs-container .tab.active:not(.dirty)');
    // Proving that nothing happens needs a wait: 2 s is ten times what checking these links takes
    // in the trusted workbench above.
    await new Promise((r) => setTimeout(r, 2000));
    assert.equal(site.seen.length, 0, 'no request from an untrusted workspace');
    await wb.shot('01-restricted-no-check');
  });
});
