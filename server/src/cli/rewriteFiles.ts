/**
 * What the commands that rewrite notes share (`format`, `schedule links`): one file's new text
 * to stdout; `--write` rewrites the files that change; `--check` lists them and exits 1 (0 when
 * none), as Prettier does.
 */
import { writeNotesFile } from '../io/diskFiles';
import { flag, UsageError, type NotesText, type Reporter, type Values } from './command';

export const REWRITE_OPTIONS = { write: { type: 'boolean' }, check: { type: 'boolean' } } as const;

export type RewriteMode = 'print' | 'write' | 'check';

export function rewriteMode(values: Values): RewriteMode {
  const write = flag(values, 'write');
  const check = flag(values, 'check');
  if (write && check) throw new UsageError('--write and --check do not go together');
  return write ? 'write' : check ? 'check' : 'print';
}

/** A file's new text, whether it changed, and what --check and --write say of it (by default its name, and nothing). */
export interface Rewrite {
  readonly text: string;
  readonly changed: boolean;
  readonly checked?: string;
  readonly written?: string;
}

/** Rewrites each file as `mode` says; the exit code (2 on read or write errors, 1 for --check with changes). */
export async function rewriteEach(files: readonly NotesText[], mode: RewriteMode, rewrite: (notes: NotesText, source: string) => Rewrite, out: Reporter): Promise<number> {
  if (mode === 'print' && files.length > 1) throw new UsageError('several files need --write or --check');
  let changed = 0;
  for (const notes of files) {
    // The BOM is kept: read and rewritten with the text, as the editor has it.
    const source = notes.bom ? '\ufeff' + notes.text : notes.text;
    const result = rewrite(notes, source);
    if (mode === 'print') process.stdout.write(result.text);
    if (!result.changed) continue;
    changed++;
    if (mode === 'check') out.print(result.checked ?? notes.file);
    else if (mode === 'write') {
      const problem = await writeNotesFile(notes.file, result.text);
      if (problem) out.failed(notes.file, problem);
      else if (result.written) out.notice(result.written);
    }
  }
  if (out.readErrors > 0) return 2;
  return mode === 'check' && changed > 0 ? 1 : 0;
}
