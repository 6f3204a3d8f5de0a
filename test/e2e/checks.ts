/**
 * What every workbench must show of the same notes, whichever host runs the extension (its Node
 * extension host, or the browser's web worker host): the tests of each host run these same checks.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT, SAMPLE } from '../helpers';
import { SAMPLE_OUTLINE } from '../shared/expectations.cjs';
import type { Workbench } from './workbench';

const FIXTURE = path.join(ROOT, 'test/fixtures/workspace');
export const fixture = (name: string) => readFileSync(path.join(FIXTURE, name), 'utf8');

/** The sample and the fixture workspace's notes, which refer to each other. */
export const WORKSPACE_NOTES: Readonly<Record<string, string>> = {
  'lca2016.notes': SAMPLE,
  'kiwicon2019.notes': fixture('kiwicon2019.notes'),
  'pyconau2019.confnotes': fixture('pycon/pyconau2019.confnotes'),
  'reading-list.notes': fixture('reading-list.notes'),
};

export const activeTab = (wb: Workbench, name: string) => wb.page.locator(`.tabs-container .tab.active:has-text("${name}")`).waitFor();

/** The Outline view of the open sample: Friday → Session 3 → Lighting talks, Closing …, a speaker beside a talk. */
export async function expectSampleOutline(wb: Workbench, shot: string): Promise<void> {
  await wb.page.locator('.pane-header', { hasText: 'Outline' }).click();
  await wb.page.locator('.outline-pane .monaco-list-row', { hasText: 'Closing' }).waitFor({ timeout: 60000 });
  const rows = await wb.rows('.outline-pane');
  assert.deepEqual(rows.slice(0, 4), [
    [SAMPLE_OUTLINE.days[0], 'Linux.conf.au 2016'],
    [SAMPLE_OUTLINE.fridaySessions[0], ''],
    [SAMPLE_OUTLINE.firstSessionTalks[0], ''],
    [SAMPLE_OUTLINE.firstSessionTalks[1], ''],
  ]);
  assert.deepEqual(rows[5], ['Free as in cheap gadgets: the ESP8266', 'Angus Gratton'], 'speaker shown beside the talk');
  await wb.shot(shot);
}

/** Go to Talk… (Ctrl+Alt+O) typed "breaking": the Kiwicon talk of another file, named with its place; Enter opens it there. */
export async function goToTalkInAnotherFile(wb: Workbench, shot: string): Promise<void> {
  const picker = await wb.openQuickInput('Control+Alt+O', 'Go to talk');
  await picker.locator('.monaco-list-row').first().waitFor();
  await wb.page.keyboard.type('breaking');
  const breaking = picker.locator('.monaco-list-row', { hasText: 'Breaking into cars' });
  await breaking.waitFor();
  assert.match((await breaking.innerText()).replace(/\s+/g, ' '), /Breaking into cars ?Ann Other Kiwicon 2019 · Friday · Session 1 · kiwicon2019\.notes/);
  await wb.shot(shot);
  await wb.page.keyboard.press('Enter');
  await activeTab(wb, 'kiwicon2019.notes');
  await wb.waitForCursorLine(3);
}

/** The hover on reading-list.notes' [[Prompt toolkits]]: the talk of pyconau2019.confnotes, its place and first bullet. */
export async function hoverReferenceToAnotherFile(wb: Workbench, shot: string): Promise<void> {
  await wb.page.locator('.view-line span', { hasText: 'Prompt toolkits' }).first().hover();
  const hover = wb.page.locator('.monaco-hover', { hasText: 'Wilma Flint' });
  await hover.waitFor({ timeout: 15000 });
  assert.match((await hover.innerText()).replace(/\s+/g, ' '), /Prompt toolkits — Wilma Flint PyCon AU 2019 · Saturday · Lightning Talks · pyconau2019\.confnotes, line 3 prompt_toolkit for REPLs/);
  await wb.shot(shot);
  await wb.page.keyboard.press('Escape');
}

/** Search Notes… (Ctrl+Alt+F) typed "unikernel" from line 10 of the sample: the Zoo's line under its talk; returns the picker on that row. */
export async function searchUnikernel(wb: Workbench, shot: string): Promise<void> {
  await wb.openFile('lca2016.notes');
  await wb.goToLine(10);
  const picker = await wb.openQuickInput('Control+Alt+KeyF', 'Search notes');
  await wb.page.keyboard.type('unikernel');
  const zoo = picker.locator('.monaco-list-row', { hasText: '• The Unikernel Zoo' });
  await zoo.waitFor({ timeout: 15000 });
  assert.match((await zoo.innerText()).replace(/\s+/g, ' '), /• The Unikernel Zoo ?line 634/);
  const talkRow = picker.locator('.monaco-list-row', { hasText: 'Andrew Stuart' }).first();
  assert.match((await talkRow.innerText()).replace(/\s+/g, ' '), /The future belongs to unikernels.*Andrew Stuart.*Linux\.conf\.au 2016 · Wednesday · Session 3 · lca2016\.notes/);
  await wb.shot(shot);
  // The talk's row is first, its lines below: down to the Zoo, Enter opens it there.
  await wb.page.keyboard.press('ArrowDown');
  await picker.locator('.monaco-list-row.focused', { hasText: '• The Unikernel Zoo' }).waitFor();
  await wb.page.keyboard.press('Enter');
  await wb.waitForCursorLine(634);
}

/** Copy as Markdown at line 231 of the sample: the Helicopters talk, as Markdown, on the clipboard. */
export async function copyTalkAsMarkdown(wb: Workbench): Promise<void> {
  await wb.openFile('lca2016.notes');
  await wb.goToLine(231);
  await wb.runCommand('Conference Notes: Copy as Markdown');
  const copied = await wb.waitForClipboard('# Helicopters');
  assert.ok(copied.startsWith('# Helicopters and rocket-planes — Andrew Tridgell <a id="helicopters-and-rocket-planes"></a>\n\n- The wonderful and crazy world of Open Autopilots\n'), copied.slice(0, 200));
}
