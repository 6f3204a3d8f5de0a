/**
 * The programme readers carry their parsers (ical.js, fast-xml-parser, jsonc-parser: about 175 KB
 * minified) and only `confnotes schedule` needs them: they are loaded on its first use, so no
 * other command pays for them. The build bundles them as a file of their own (dist/schedule.js,
 * scripts/build.mjs); from source, this is a plain import. Errors cross as data, not as a class
 * (the two bundles would each have their own).
 */
import type { readProgrammeOrWhy as ReadProgrammeOrWhy } from './readProgramme';

export const readProgrammeOrWhy: (...args: Parameters<typeof ReadProgrammeOrWhy>) => Promise<ReturnType<typeof ReadProgrammeOrWhy>> = async (...args) =>
  (await import('./readProgramme')).readProgrammeOrWhy(...args);
