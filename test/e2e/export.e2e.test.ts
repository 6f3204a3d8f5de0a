/**
 * The sample exported as HTML (`confnotes export --to html`), opened in Chromium as a reader of
 * the blog post would: the headings and lists a browser builds from it, and a screenshot.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { ROOT, SAMPLE_PATH } from '../helpers';
import { ARTIFACTS, CHROMIUM } from './workbench';

describe('The sample exported as HTML, in Chromium', function () {
  this.timeout(60000);

  it('Should show 4 days, 10 sessions and 23 talks with their nested bullets and links', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'confnotes-export-'));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const exported = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'export', '--to', 'html', '--out', dir, '--title', 'Linux.conf.au 2016', SAMPLE_PATH], { encoding: 'utf8' });
      assert.equal(exported.status, 0, exported.stderr);
      const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
      await page.goto(pathToFileURL(path.join(dir, 'lca2016.html')).href);
      const count = (selector: string) => page.locator(selector).count();
      assert.deepEqual([await count('h1'), await count('h2'), await count('h3'), await count('h4')], [1, 4, 10, 23]);
      assert.equal(await page.title(), 'Linux.conf.au 2016');
      assert.equal(await page.locator('h4#helicopters-and-rocket-planes').innerText(), 'Helicopters and rocket-planes — Andrew Tridgell');
      // Nested lists as the notes nest them, links to what they open.
      assert.ok((await count('ul ul li')) > 100);
      assert.equal(await page.locator('a[href="https://github.com/LABHR/octohatrack"]').innerText(), 'github.com/LABHR/octohatrack');
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, 'export-01-sample-html.png') });
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
