import { lastValue, UsageError, type Command } from '../command';
import { formatSearchRows, searchFiles } from '../search';

/** `confnotes search`: exit 0 with hits, 1 with none, 2 when a file could not be read. */
export const searchCommand: Command = {
  name: 'search',
  usage: `  confnotes search [--json] [--limit N] [--root FOLDER]… QUERY…
                                       the talks where the words were written, best first, one
                                       line per matching line (the notes under each --root,
                                       default the current folder); QUERY: words (prefixes and
                                       misspellings match), "a phrase", speaker:NAME, event:NAME,
                                       day:NAME, in:title`,
  options: { json: { type: 'boolean' }, limit: { type: 'string' }, root: { type: 'string', multiple: true } },
  needs: 'a query',
  async run({ values, positionals, format, read }, out) {
    const given = lastValue(values, 'limit');
    const limit = given === undefined ? 50 : Number(given);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit takes a number of talks, 1 or more');
    const files = await read(out, (values.root as string[] | undefined) ?? ['.'], { noneIsAnError: false });
    const { rows, answer, fileOf, columnOf } = await searchFiles(new Map(files.map((f) => [f.file, f.text])), positionals.join(' '), format, limit);
    for (const problem of answer.problems) out.notice(problem);
    if (values.json) out.print(JSON.stringify(rows, null, 2));
    else {
      const bold = process.stdout.isTTY && !process.env.NO_COLOR ? (word: string) => `\x1b[1m${word}\x1b[22m` : undefined;
      for (const line of formatSearchRows(answer, fileOf, columnOf, bold)) out.print(line);
    }
    return out.readErrors > 0 ? 2 : rows.length > 0 ? 0 : 1;
  },
};
