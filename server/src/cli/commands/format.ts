import { formatting } from '../../features/formatting';
import { parseNotes } from '../../parser/parseNotes';
import { readLayout } from '../../settings';
import { lastValue, UsageError, type Command } from '../command';
import { applyEdits } from '../notesPaths';
import { REWRITE_OPTIONS, rewriteEach, rewriteMode } from '../rewriteFiles';

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
    ...REWRITE_OPTIONS,
    'bullet-marker': { type: 'string' },
    indent: { type: 'string' },
    'max-blank-lines': { type: 'string' },
  },
  needs: 'at least one file',
  async run({ values, positionals, format, read }, out) {
    const mode = rewriteMode(values);
    if (mode === 'print' && positionals.length > 1) throw new UsageError('several files need --write or --check');
    const marker = lastValue(values, 'bullet-marker');
    const indent = lastValue(values, 'indent');
    const blank = lastValue(values, 'max-blank-lines');
    if (marker !== undefined && !['auto', '•', '-', '*'].includes(marker)) throw new UsageError(`--bullet-marker takes auto, •, - or *, not '${marker}'`);
    if (indent !== undefined && indent !== 'auto' && !/^[1-8]$/.test(indent)) throw new UsageError(`--indent takes auto or a number of spaces from 1 to 8, not '${indent}'`);
    if (blank !== undefined && !/^\d+$/.test(blank)) throw new UsageError(`--max-blank-lines takes a number, not '${blank}'`);
    const layout = readLayout({ bulletMarker: marker, indent: indent === undefined || indent === 'auto' ? 'auto' : Number(indent), maxBlankLines: blank === undefined ? undefined : Number(blank) });
    const files = await read(out);
    return rewriteEach(files, mode, (_notes, source) => {
      const doc = parseNotes(source, { format, links: false });
      const text = applyEdits(doc, formatting(doc, layout));
      return { text, changed: text !== source };
    }, out);
  },
};
