/**
 * The environment editors start the server with (the VS Code client does; README shows it for
 * Neovim). glibc serves the megabyte tables of each version of a large document from its heap
 * once a few have been freed (its mmap threshold rises), and that heap keeps what was freed:
 * with 200 keystrokes in a 10 MB file, 45 MB more resident than with the threshold fixed
 * (bench/RESULTS.md). Fixed at 64 KB rather than glibc's initial 128 KB: a 1 MB file's tables
 * (21,000 lines: 21–86 KB each) then come from mmap too, and 200 keystrokes in it leave 94–98 MB
 * resident instead of 104–109 (keystroke p50 2.8 → 3.0 ms). Other C libraries ignore the variable.
 */
export const SERVER_ENVIRONMENT: Readonly<Record<string, string>> = { MALLOC_MMAP_THRESHOLD_: '65536' };
