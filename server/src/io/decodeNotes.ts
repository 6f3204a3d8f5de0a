/** Bytes → the text of a notes file, or why they are not notes. The one decoder of the server and the CLI. */

/** The text of a notes file's bytes (BOM dropped, and told), or why they are not notes. */
export function decodeNotes(bytes: Uint8Array): { text: string; bom: boolean } | { error: string } {
  if (bytes.subarray(0, 65536).includes(0)) return { error: 'binary file (it contains NUL bytes), not notes' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    const bom = text.charCodeAt(0) === 0xfeff;
    return { text: bom ? text.slice(1) : text, bom };
  } catch {
    return { error: 'not valid UTF-8 text' };
  }
}

/** What went wrong with a file, in words (Node's error codes named, any other error's message). */
export function describeError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or folder';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a folder';
    case 'ENOTDIR': return 'not a folder';
    case 'ELOOP': return 'too many levels of symbolic links';
    case 'ERR_FS_FILE_TOO_LARGE': return 'too large to read (2 GB at most)';
    default: return e instanceof Error ? e.message : String(e);
  }
}
