/**
 * The environment editors start the server with (the VS Code client does; README shows it for
 * Neovim). glibc serves the megabyte tables of each version of a large document from its heap
 * once a few have been freed (its mmap threshold rises), and that heap keeps what was freed:
 * with 200 keystrokes in a 10 MB file, 45 MB more resident than with the threshold fixed
 * (bench/RESULTS.md). Other C libraries ignore the variable.
 */
export const SERVER_ENVIRONMENT: Readonly<Record<string, string>> = { MALLOC_MMAP_THRESHOLD_: '131072' };
