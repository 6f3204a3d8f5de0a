/**
 * Drives the code-server workbench in Debian's Chromium with playwright-core, the way a person
 * does: keys, clicks, what is on screen. Every step can leave a screenshot in test-results/e2e/.
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Test } from 'mocha';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from '../helpers';
import { startCodeServer, type CodeServer, type CodeServerOptions } from './codeServer';
import { packageExtension } from './package';

export const ARTIFACTS = path.join(ROOT, 'test-results/e2e');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export class Workbench {
  private constructor(
    private readonly browser: Browser,
    readonly page: Page,
    readonly server: CodeServer,
    private readonly prefix: string,
  ) {}

  /**
   * The packaged .vsix in a fresh code-server, opened in Chromium; `prefix` names its screenshots.
   * Every request that is not to the local code-server is refused.
   */
  static async start(prefix: string, options: Omit<CodeServerOptions, 'vsix'>): Promise<Workbench> {
    const server = await startCodeServer({ ...options, vsix: packageExtension() });
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

  /** For an afterEach: what the screen showed when a test failed. */
  async shotIfFailed(test: Test | undefined): Promise<void> {
    if (test?.state === 'failed') await this.shot(`FAILED-${test.title.slice(0, 40).replace(/\W+/g, '-')}`);
  }

  async shot(name: string): Promise<string> {
    const file = path.join(ARTIFACTS, `${this.prefix}-${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Opens a workspace file from the Explorer and waits until it is the active editor. */
  async openFile(name: string): Promise<void> {
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
    await this.page.keyboard.press('Control+1');
    await this.page.waitForSelector('.editor-instance .monaco-editor.focused');
  }

  /** Brings a file's open tab to the front and puts the keyboard in it. */
  async showTab(name: string): Promise<void> {
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
    await this.page.waitForFunction(
      (l) => new RegExp(`Ln ${l}, Col`).test(document.querySelector('.statusbar')?.textContent ?? ''),
      line,
      { timeout: 10000 },
    );
  }

  /** Runs a command from the Command Palette by its title. */
  async runCommand(title: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    // The palette lists the commands enabled when it opens; one whose `when` clause (say
    // isWorkspaceTrusted) becomes true while the workbench is still starting shows up only in a
    // palette opened after that, hence a few tries.
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('Control+Shift+P');
      await input.waitFor();
      await input.fill(`>${title}`);
      // Enter only once the best match is exactly this command (not a longer one, nor a stale list).
      const found = await this.page
        .waitForFunction((t) => {
          const label = document.querySelector('.quick-input-widget .monaco-list-row.focused .label-name');
          return (label?.textContent ?? '').replace(/\s+/g, ' ').trim() === t;
        }, title, { timeout: 10000 })
        .then(() => true, (e: unknown) => (attempt < 3 ? false : Promise.reject(e)));
      if (found) break;
      await this.page.keyboard.press('Escape');
      await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    }
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  async goToLine(line: number): Promise<void> {
    await this.page.keyboard.press('Control+G');
    await this.page.locator('.quick-input-widget input').fill(`:${line}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await this.waitForCursorLine(line);
  }

  /** Puts the cursor `back` characters before the end of a line. */
  async cursorNearEnd(line: number, back: number): Promise<void> {
    await this.goToLine(line);
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

  /** Texts of the rendered editor lines, top to bottom. */
  async visibleLines(): Promise<string[]> {
    return this.page.evaluate(() => {
      const editor = document.querySelector('.editor-instance .monaco-editor .view-lines');
      const lines = Array.from(editor ? editor.querySelectorAll<HTMLElement>('.view-line') : []);
      return lines.sort((a, b) => a.offsetTop - b.offsetTop).map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' '));
    });
  }
}
