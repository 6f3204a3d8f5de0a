import { parseNotes } from '../../parser/parseNotes';
import type { Command } from '../command';
import { outline, outlineTree, type Outline } from '../outline';

export const outlineCommand: Command = {
  name: 'outline',
  usage: `  confnotes outline [--json] PATH…      days → sessions → talks → sections of each file (and of
                                       the notes files in each folder)`,
  options: { json: { type: 'boolean' } },
  needs: 'at least one file or folder',
  async run({ values, positionals, format, read }, out) {
    const outlines: Outline[] = (await read(out)).map((notes) => outline(notes.file, parseNotes(notes.text, { format })));
    // One file named: its outline alone, as before folders were taken.
    const single = positionals.length === 1 && outlines.length <= 1 && (outlines.length === 0 || outlines[0].file === positionals[0]);
    if (values.json) out.print(JSON.stringify(single ? (outlines[0] ?? null) : outlines, null, 2));
    else if (outlines.length > 0) out.print(outlines.map(outlineTree).join('\n\n'));
    return out.readErrors > 0 ? 2 : 0;
  },
};
