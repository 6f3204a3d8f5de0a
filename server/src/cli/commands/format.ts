import { formatting } from '../../features/formatting';
import { writeNotesFile } from '../../io/diskFiles';
import { parseNotes } from '../../parser/parseNotes';
import { readLayout } from '../../settings';
import { flag, lastValue, UsageError, type Command } from '../command';
import { applyEdits } from '../notesPaths';

/**
 * `confnotes format`: one file's formatted text on stdout; `--write` rewrites the files that
 * change; `--check` lists them and exits 1 (0 when none), as Prettier does.
 */
export const formatCommand: Command = {
  name: 'format',
  usage: `  confnotes format [--write | --check] [--bullet-marker auto|•|-|*] [--indent auto|N]
                   [--max-blank-lines N] PATH…
                                       bullets in the file's own style, no trailing white space,
                                       at most N (2) blank lines in a row, a final line break:
                                       one file to stdout; --write rewrites; --check lists the
                                       files that would change (exit 1)`,
  options: {
    write: { type: 'boolean' },
    check: { type: 'boolean' },
    'bullet-marker': { type: 'string' },
    indent: { type: 'string' },
    'max-blank-lines': { type: 'string' },
  },
  needs: 'at least one file',
  async run({ values, positionals, format, read }, out) {
    const write = flag(values, 'write');
    const check = flag(values, 'check');
    if (write && check) throw new UsageError('--write and --check do not go together');
    if (!write && !check && positionals.length > 1) throw new UsageError('several files need --write or --check');
    const marker = lastValue(values, 'bullet-marker');
    const indent = lastValue(values, 'indent');
    const blank = lastValue(values, 'max-blank-lines');
    if (marker !== undefined && !['auto', '•', '-', '*'].includes(marker)) throw new UsageError(`--bullet-marker takes auto, •, - or *, not '${marker}'`);
    if (indent !== undefined && indent !== 'auto' && !/^[1-8]$/.test(indent)) throw new UsageError(`--indent takes auto or a number of spaces from 1 to 8, not '${indent}'`);
    if (blank !== undefined && !/^\d+$/.test(blank)) throw new UsageError(`--max-blank-lines takes a number, not '${blank}'`);
    const layout = readLayout({ bulletMarker: marker, indent: indent === undefined || indent === 'auto' ? 'auto' : Number(indent), maxBlankLines: blank === undefined ? undefined : Number(blank) });
    const files = await read(out);
    if (!write && !check && files.length > 1) throw new UsageError('a folder of several files needs --write or --check');
    let changed = 0;
    for (const notes of files) {
      // The BOM is kept: parsed and formatted with the text, as the editor has it.
      const source = notes.bom ? '\ufeff' + notes.text : notes.text;
      const doc = parseNotes(source, { format, links: false });
      const text = applyEdits(doc, formatting(doc, layout));
      if (!write && !check) process.stdout.write(text);
      else if (text !== source) {
        changed++;
        if (check) out.print(notes.file);
        else {
          const problem = await writeNotesFile(notes.file, text);
          if (problem) out.failed(notes.file, problem);
        }
      }
    }
    if (out.readErrors > 0) return 2;
    return check && changed > 0 ? 1 : 0;
  },
};
