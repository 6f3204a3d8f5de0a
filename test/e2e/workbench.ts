/**
 * Drives the code-server workbench in Debian's Chromium with playwright-core, the way a person
 * does: keys, clicks, what is on screen. Every step can leave a screenshot in test-results/e2e/.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Test } from 'mocha';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { ROOT } from '../helpers';
import { startCodeServer, type CodeServer, type CodeServerOptions } from './codeServer';
import { packageExtension } from './package';

export const ARTIFACTS = path.join(ROOT, 'test-results/e2e');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * The quick input as long as it takes keys. Closing, it keeps its rows and stays on screen for
 * 150 ms (class `quick-input-widget-closing`), and the next quick pick reuses the same element:
 * waiting for it to be hidden races with whatever opens next, so nothing here does.
 */
const OPEN_QUICK_INPUT = '.quick-input-widget:not(.quick-input-widget-closing)';
/** How many steps a failed test's report lists. */
const STEPS_REPORTED = 6;

export class Workbench {
  private constructor(
    private readonly browser: Browser,
    readonly page: Page,
    readonly server: CodeServer,
    private readonly prefix: string,
  ) {}

  /** What the helpers did, newest last: a failed test's report says where it stopped. */
  private readonly steps: string[] = [];

  /** Records a step of the test, for the report of a failure. */
  step(description: string): void {
    this.steps.push(description);
  }

  /**
   * The packaged .vsix in a fresh code-server, opened in Chromium; `prefix` names its screenshots.
   * Every request that is not to the local code-server is refused.
   */
  static async start(prefix: string, options: Omit<CodeServerOptions, 'vsix'> & { readonly vsix?: string }): Promise<Workbench> {
    // A failure's screenshot is evidence of this run only.
    if (existsSync(ARTIFACTS)) for (const f of readdirSync(ARTIFACTS)) if (f.startsWith(`${prefix}-FAILED-`)) rmSync(path.join(ARTIFACTS, f));
    const server = await startCodeServer({ ...options, vsix: options.vsix ?? packageExtension() });
    try {
      return await Workbench.open(server, prefix);
    } catch (e) {
      server.stop();
      throw e;
    }
  }

  private static async open(server: CodeServer, prefix: string): Promise<Workbench> {
    const url = server.url;
    mkdirSync(ARTIFACTS, { recursive: true });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    try {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const origin = new URL(url).origin;
      // What Copy as Markdown / HTML put there can be read back.
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
      await context.route('**/*', (route) => (route.request().url().startsWith(origin) || route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 60000 });
      return new Workbench(browser, page, server, prefix);
    } catch (e) {
      await browser.close();
      throw e;
    }
  }

  /** Closes the browser and stops code-server. */
  async close(): Promise<void> {
    try {
      await this.browser.close();
    } finally {
      this.server.stop();
    }
  }

  /**
   * For an afterEach: when a test failed, what the screen showed (saved as FAILED-*.png) and the
   * last steps it took, printed so that a CI log names both.
   */
  async shotIfFailed(test: Test | undefined): Promise<void> {
    if (test?.state !== 'failed') return;
    const name = `FAILED-${test.title.slice(0, 40).replace(/\W+/g, '-')}`;
    const file = await this.shot(name).catch((e: unknown) => `(no screenshot: ${e})`);
    // The language server's log beside it: what the server did (or said went wrong) meanwhile.
    writeFileSync(path.join(ARTIFACTS, `${this.prefix}-${name}-server.log`), this.serverLog());
    const steps = this.steps.slice(-STEPS_REPORTED).map((s, i, all) => `      ${i === all.length - 1 ? '→' : ' '} ${s}`);
    console.log([`    ✘ "${test.title}" failed; its last steps (the arrow marks the one it stopped in or after):`, ...steps,
      `      screenshot of the failure: ${path.relative(ROOT, file)}`].join('\n'));
  }

  async shot(name: string): Promise<string> {
    const file = path.join(ARTIFACTS, `${this.prefix}-${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** The text on the clipboard (the page's: VS Code in a browser writes there). */
  async clipboardText(): Promise<string> {
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /** Waits until the clipboard's text starts with `start`, and returns it. */
  async waitForClipboard(start: string, timeout = 10000): Promise<string> {
    this.step(`wait for the clipboard to start with "${start}"`);
    const deadline = Date.now() + timeout;
    for (;;) {
      const text = await this.clipboardText();
      if (text.startsWith(start)) return text;
      if (Date.now() > deadline) throw new Error(`the clipboard holds ${JSON.stringify(text.slice(0, 200))}, not "${start}…"`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Opens a workspace file from the Explorer and waits until it is the active editor. */
  async openFile(name: string): Promise<void> {
    this.step(`open ${name} from the Explorer`);
    await this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).dblclick({ timeout: 30000 });
    await this.page.waitForSelector(`.tabs-container .tab.active:has-text("${name}")`);
    // The double-click focuses the editor: wait for that rather than clicking into it.
    await this.page.waitForSelector('.editor-instance .monaco-editor.focused');
  }

  /**
   * Puts the keyboard in the active editor with Ctrl+1 (Focus First Editor Group). Not a click:
   * Playwright scrolls an element into view before clicking it, and scrolling Monaco's lines
   * element by hand leaves the editor showing the wrong lines.
   */
  async focusEditor(): Promise<void> {
    this.step('focus the editor (Ctrl+1)');
    await this.page.keyboard.press('Control+1');
    await this.page.waitForSelector('.editor-instance .monaco-editor.focused');
  }

  /** Brings a file's open tab to the front and puts the keyboard in it. */
  async showTab(name: string): Promise<void> {
    this.step(`show the tab ${name}`);
    await this.page.locator('.tabs-container .tab', { hasText: name }).click();
    await this.page.waitForSelector(`.tabs-container .tab.active:has-text("${name}")`);
    await this.focusEditor();
  }

  async statusBarText(): Promise<string> {
    return (await this.page.locator('.statusbar').innerText()).replace(/\s+/g, ' ');
  }

  /** The 1-based cursor line, read from the status bar's "Ln N, Col M". */
  async cursorLine(): Promise<number> {
    const match = /Ln (\d+), Col \d+/.exec(await this.statusBarText());
    if (!match) throw new Error('no cursor position in the status bar');
    return Number(match[1]);
  }

  async waitForCursorLine(line: number): Promise<void> {
    this.step(`wait for the cursor on line ${line}`);
    await this.page.waitForFunction(
      (l) => new RegExp(`Ln ${l}, Col`).test(document.querySelector('.statusbar')?.textContent ?? ''),
      line,
      { timeout: 10000 },
    );
  }

  /**
   * Opens a quick input with `keys` (Ctrl+T, Ctrl+Alt+O…) and returns it once it takes keys; with
   * `placeholder`, once the quick pick whose placeholder starts so is shown.
   */
  async openQuickInput(keys: string, placeholder?: string): Promise<Locator> {
    this.step(`open a quick input with ${keys}${placeholder === undefined ? '' : ` ("${placeholder}…")`}`);
    await this.quickInputSettled();
    await this.page.keyboard.press(keys);
    const opened = this.quickInput(placeholder);
    await opened.locator('.quick-input-box input').waitFor();
    return opened;
  }

  /**
   * No quick input is in the middle of closing. Opening one then can lose the keys (VS Code
   * hides the widget when the old close animation ends), so every helper that opens one waits
   * for this first. The profile turns animations off (codeServer.ts); this holds either way.
   */
  private async quickInputSettled(): Promise<void> {
    await this.page.waitForFunction(() => document.querySelector('.quick-input-widget.quick-input-widget-closing') === null);
  }

  /** The quick input while it takes keys; with `placeholder`, only the quick pick whose placeholder starts so. */
  quickInput(placeholder?: string): Locator {
    return this.page.locator(placeholder === undefined ? OPEN_QUICK_INPUT : `${OPEN_QUICK_INPUT}:has(.quick-input-box input[placeholder^="${placeholder}"])`);
  }

  /**
   * Runs a command from the Command Palette by its title. Returns once the palette has taken it:
   * closing, or showing the command's own quick input. What the command does is for the caller
   * to wait for (a cursor line, a row); a command that opens a quick pick: `runCommandToPick`.
   */
  async runCommand(title: string): Promise<void> {
    this.step(`run "${title}" from the Command Palette`);
    const input = this.quickInput().locator('.quick-input-box input');
    // The palette lists the commands enabled when it opens; one whose `when` clause (say
    // isWorkspaceTrusted) becomes true while the workbench is still starting shows up only in a
    // palette opened after that, hence a few tries.
    for (let attempt = 1; ; attempt++) {
      await this.quickInputSettled();
      await this.page.keyboard.press('Control+Shift+P');
      await input.waitFor();
      await input.fill(`>${title}`);
      // Enter only once the best match is exactly this command (not a longer one, nor a stale list).
      const found = await this.page
        .waitForFunction(([open, t]) => {
          const label = document.querySelector(`${open} .monaco-list-row.focused .label-name`);
          return (label?.textContent ?? '').replace(/\s+/g, ' ').trim() === t;
        }, [OPEN_QUICK_INPUT, title] as const, { timeout: 10000 })
        .then(() => true, (e: unknown) => (attempt < 3 ? false : Promise.reject(e)));
      if (found) break;
      await this.page.keyboard.press('Escape');
      await this.quickInputTaken(`>${title}`);
    }
    await this.page.keyboard.press('Enter');
    await this.quickInputTaken(`>${title}`);
  }

  /**
   * Runs a command that opens a quick pick (placeholder starting with `placeholder`) and returns
   * that pick once its items are shown: the palette and the pick are one widget, so the pick is
   * recognised by its own placeholder and rows, never by the palette going away.
   */
  async runCommandToPick(title: string, placeholder: string): Promise<Locator> {
    await this.runCommand(title);
    this.step(`wait for the quick pick "${placeholder}…" and its items`);
    const pick = this.quickInput(placeholder);
    await pick.locator('.monaco-list-row').first().waitFor();
    return pick;
  }

  /** The quick input no longer holds `typed`: it was accepted or dismissed (closing, hidden, or showing what came next). */
  private async quickInputTaken(typed: string): Promise<void> {
    await this.page.waitForFunction(([open, text]) => {
      const input = document.querySelector<HTMLInputElement>(`${open} .quick-input-box input`);
      return input === null || input.offsetParent === null || input.value !== text;
    }, [OPEN_QUICK_INPUT, typed] as const);
  }

  /**
   * Go to Line (Ctrl+G). A quick input closes when something else takes the focus (an editor the
   * extension brings to the front a moment late): then the line is asked again, three times at most.
   */
  async goToLine(line: number): Promise<void> {
    this.step(`go to line ${line} (Ctrl+G)`);
    for (let attempt = 1; ; attempt++) {
      const gone = (e: unknown) => (attempt < 3 ? false : Promise.reject(e));
      await this.quickInputSettled();
      await this.page.keyboard.press('Control+G');
      const input = this.quickInput().locator('.quick-input-box input');
      if (!(await input.fill(`:${line}`, { timeout: 5000 }).then(() => true, gone))) continue;
      await this.page.keyboard.press('Enter');
      // Taken, and the keyboard back in the editor: the cursor may have been on that line already.
      await this.quickInputTaken(`:${line}`);
      const moved = await this.page
        .waitForFunction((l) => new RegExp(`Ln ${l}, Col`).test(document.querySelector('.statusbar')?.textContent ?? ''), line, { timeout: 5000 })
        .then(() => true, gone);
      if (!moved) continue;
      await this.page.waitForSelector('.editor-instance .monaco-editor.focused');
      return;
    }
  }

  /** Puts the cursor `back` characters before the end of a line. */
  async cursorNearEnd(line: number, back: number): Promise<void> {
    await this.goToLine(line);
    this.step(`cursor ${back} characters before the end of line ${line}`);
    await this.page.keyboard.press('End');
    for (let i = 0; i < back; i++) await this.page.keyboard.press('ArrowLeft');
  }

  /** Rows of a tree or list as [label, description] pairs. */
  async rows(container: string): Promise<Array<[string, string]>> {
    return this.page.locator(`${container} .monaco-list-row`).evaluateAll((rows) =>
      rows.map((r) => [
        (r.querySelector('.label-name')?.textContent ?? '').trim(),
        (r.querySelector('.label-description')?.textContent ?? '').trim(),
      ] as [string, string]),
    );
  }

  /**
   * Opens the quick fixes at the cursor (Ctrl+.) and returns the one titled `title` once listed.
   * The menu holds the fixes for the diagnostics the editor had when it opened: one opened just
   * before a new diagnostic arrived lacks its fix, so it is opened again, three times at most.
   */
  async quickFix(title: string): Promise<Locator> {
    this.step(`open the quick fixes (Ctrl+.) and find "${title}"`);
    const fix = this.page.locator('.action-widget .monaco-list-row', { hasText: title });
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('Control+.');
      const listed = await fix.waitFor({ timeout: 5000 }).then(() => true, (e: unknown) => (attempt < 3 ? false : Promise.reject(e)));
      if (listed) return fix;
      await this.page.keyboard.press('Escape');
      await this.page.waitForSelector('.editor-instance .monaco-editor.focused');
    }
  }

  /**
   * Clicks `target` until `result` shows, three times at most: for targets the workbench may
   * replace under the pointer (a code lens refreshed by the server).
   */
  async clickUntil(target: Locator, result: Locator): Promise<void> {
    this.step('click until what the click opens is there');
    for (let attempt = 1; ; attempt++) {
      await target.click();
      const shown = await result.waitFor({ timeout: 5000 }).then(() => true, (e: unknown) => (attempt < 3 ? false : Promise.reject(e)));
      if (shown) return;
    }
  }

  /**
   * The rows the Command Palette lists for `filter`, once it lists `present` among them (proof
   * that it has the extension's commands): a palette opened before the workbench has them never
   * gets them, so it is opened again, three times at most. Leaves the palette closed.
   */
  async paletteRows(filter: string, present: string): Promise<string[]> {
    this.step(`list the Command Palette's rows for "${filter}"`);
    for (let attempt = 1; ; attempt++) {
      const palette = await this.openQuickInput('Control+Shift+P');
      await palette.locator('.quick-input-box input').fill(`>${filter}`);
      const listed = await palette.locator('.monaco-list-row', { hasText: present }).first().waitFor({ timeout: 10000 })
        .then(() => true, (e: unknown) => (attempt < 3 ? false : Promise.reject(e)));
      const rows = listed ? (await palette.locator('.monaco-list-row .label-name').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()) : [];
      await this.page.keyboard.press('Escape');
      await this.quickInputTaken(`>${filter}`);
      if (listed) return rows;
    }
  }

  /** Ctrl+click as a person does it: hover with Ctrl held (the editor then shows the link), click. */
  async ctrlClick(selector: string, text: string): Promise<void> {
    const target = this.page.locator(selector, { hasText: text }).last();
    const box = (await target.boundingBox())!;
    await this.page.mouse.move(box.x + 3, box.y + box.height / 2);
    await this.page.keyboard.down('Control');
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.up();
    await this.page.keyboard.up('Control');
  }

  /**
   * Waits until the editor shows `expected` as its first non-blank lines (after a fold, an
   * unfold, a scroll): the lines themselves, not the absence of others, since Monaco re-renders
   * its lines as it goes.
   */
  async waitForTopLines(expected: readonly string[]): Promise<void> {
    this.step(`wait for the editor to show ${JSON.stringify(expected)} at the top`);
    await this.page.waitForFunction((want) => {
      const editor = document.querySelector('.editor-instance .monaco-editor .view-lines');
      const lines = Array.from(editor ? editor.querySelectorAll<HTMLElement>('.view-line') : [])
        .sort((a, b) => a.offsetTop - b.offsetTop)
        .map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' '))
        .filter((l) => l.trim() !== '');
      return want.every((line, i) => lines[i] === line);
    }, expected, { timeout: 10000 });
  }

  /** Waits until line `line` (1-based) of the active editor shows exactly `text` (no-break spaces read as spaces). */
  async waitForLineText(line: number, text: string): Promise<void> {
    this.step(`wait for line ${line} to read ${JSON.stringify(text)}`);
    await this.page.waitForFunction(([n, want]) => {
      const editor = document.querySelector('.editor-instance .monaco-editor');
      const number = Array.from(editor?.querySelectorAll<HTMLElement>('.margin-view-overlays .line-numbers') ?? []).find((e) => e.textContent?.trim() === String(n));
      const top = number?.parentElement?.style.top;
      const row = Array.from(editor?.querySelectorAll<HTMLElement>('.view-lines .view-line') ?? []).find((e) => e.style.top === top);
      return row !== undefined && (row.textContent ?? '').replace(/\u00a0/g, ' ') === want;
    }, [line, text] as const, { timeout: 10000 });
  }

  /** Errors, warnings and infos of open files, as the status bar counts them. */
  async problemCounts(): Promise<{ errors: number; warnings: number; infos: number }> {
    // No named helper inside: the test's transpiler would wrap it in a function the page lacks.
    const [errors, warnings, infos] = await this.page.evaluate(() =>
      ['error', 'warning', 'info'].map((icon) => {
        const span = document.querySelector(`.statusbar [id="status.problems"] .codicon-${icon}`);
        return span ? Number((span.nextSibling?.textContent ?? '').trim() || 0) : 0;
      }),
    );
    return { errors, warnings, infos };
  }

  /**
   * Waits until the status bar counts `warnings` warnings: the answer to a fix or an edit, as a
   * number to reach rather than a row to see vanish. (The Problems panel catches up later: its
   * rows may still show a fixed problem when the count is already right.)
   */
  async waitForWarnings(warnings: number): Promise<void> {
    this.step(`wait for ${warnings} warning${warnings === 1 ? '' : 's'} in the status bar`);
    await this.page.waitForFunction((n) => {
      const span = document.querySelector('.statusbar [id="status.problems"] .codicon-warning');
      return span !== null && Number((span.nextSibling?.textContent ?? '').trim()) === n;
    }, warnings, { timeout: 10000 });
  }

  /**
   * Types `text` at the cursor, waits for the tab to show the edit (dirty), saves with Ctrl+S,
   * and waits for `saved` (what the save brings about). A Ctrl+S that lands before the edit has
   * reached the editor saves nothing; then the file is saved again, three times at most.
   */
  async saveWithEdit(text: string, saved: () => Promise<void>): Promise<void> {
    this.step(`type "${text}" and save with Ctrl+S`);
    await this.page.keyboard.type(text);
    for (let attempt = 1; ; attempt++) {
      await this.page.locator('.tabs-container .tab.active.dirty').waitFor();
      await this.page.keyboard.press('Control+S');
      const done = await saved().then(() => true, (e: unknown) => (attempt < 3 ? false : Promise.reject(e)));
      if (done) return;
      this.step(`no save seen: type "${text}" and save again`);
      await this.focusEditor();
      await this.page.keyboard.type(text);
    }
  }

  /** Shows an Output channel in the panel and returns its lines (what it shows, as it grows). */
  async showOutputChannel(name: string): Promise<Locator> {
    await this.runCommandToPick('Output: Show Output Channels...', 'Select Output Channel');
    await this.page.keyboard.type(name);
    await this.page.keyboard.press('Enter');
    return this.page.locator('.part.panel .monaco-editor .view-lines .view-line');
  }

  /** The language server's log, as the Output panel's "Conference Notes" channel has it ('' before there is one). */
  serverLog(): string {
    const logs = this.server.logDir;
    if (!existsSync(logs)) return '';
    const found = readdirSync(logs, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith(path.join('confnotes.confnotes', 'Conference Notes.log')));
    return found.map((f) => readFileSync(path.join(logs, f), 'utf8')).join('');
  }

  /** Waits until the server has logged a line containing `text`. */
  async waitForServerLog(text: string, timeout = 10000): Promise<void> {
    this.step(`wait for the server to log "${text}"`);
    const deadline = Date.now() + timeout;
    while (!this.serverLog().includes(text)) {
      if (Date.now() > deadline) throw new Error(`the server did not log "${text}" in ${timeout} ms; its log:\n${this.serverLog()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
