import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { describeError } from '../../io/decodeNotes';
import { writeNotesFile } from '../../io/diskFiles';
import { flag, lastValue, UsageError, type Command } from '../command';
import { exportFiles } from '../export';

/** `confnotes export`: one file to stdout, or every file into `--out`. */
export const exportCommand: Command = {
  name: 'export',
  usage: `  confnotes export --to markdown|html [--out FOLDER] [--title TEXT] [--heading-level N]
                   [--no-day-headings] [--toc] [--fragment] PATH…
                                       notes as a blog post: one file to stdout, or each file to
                                       FOLDER as NAME.md / NAME.html; links that cannot be opened
                                       are exported as text and named on stderr`,
  options: {
    to: { type: 'string' },
    out: { type: 'string' },
    title: { type: 'string' },
    'heading-level': { type: 'string' },
    'no-day-headings': { type: 'boolean' },
    toc: { type: 'boolean' },
    fragment: { type: 'boolean' },
  },
  needs: 'at least one file',
  async run({ values, positionals, format, read }, out) {
    const to = lastValue(values, 'to');
    if (to !== 'markdown' && to !== 'html') throw new UsageError(to === undefined ? 'export needs --to markdown or --to html' : `--to takes markdown or html, not '${to}'`);
    const folder = lastValue(values, 'out');
    if (folder === undefined && positionals.length > 1) throw new UsageError('several files need --out FOLDER');
    const level = lastValue(values, 'heading-level');
    if (level !== undefined && !/^[1-6]$/.test(level)) throw new UsageError(`--heading-level takes 1 to 6, not '${level}'`);
    if (flag(values, 'fragment') && to !== 'html') throw new UsageError('--fragment is for --to html');
    const files = await read(out);
    if (folder === undefined && files.length > 1) throw new UsageError('a folder of several files needs --out FOLDER');
    const exported = exportFiles(new Map(files.map((f) => [f.file, f.text])), {
      to,
      title: lastValue(values, 'title'),
      headingLevel: level === undefined ? undefined : Number(level),
      dayHeadings: flag(values, 'no-day-headings') ? false : undefined,
      tableOfContents: flag(values, 'toc'),
      fragment: flag(values, 'fragment'),
    }, format);
    if (folder !== undefined) {
      try {
        await mkdir(folder, { recursive: true });
      } catch (e) {
        out.failed(folder, describeError(e));
        return 2;
      }
    }
    // Files of two folders may share a name: the second would overwrite the first's export.
    const written = new Map<string, string>();
    for (const e of exported) {
      for (const notice of e.notices) out.notice(notice);
      if (folder !== undefined && written.has(e.name)) {
        out.failed(e.file, `not exported: ${written.get(e.name)} is exported as ${path.join(folder, e.name)} already`);
        continue;
      }
      written.set(e.name, e.file);
      if (folder === undefined) process.stdout.write(e.text);
      else {
        const problem = await writeNotesFile(path.join(folder, e.name), e.text);
        if (problem) out.failed(path.join(folder, e.name), problem);
      }
    }
    return out.readErrors > 0 ? 2 : 0;
  },
};
