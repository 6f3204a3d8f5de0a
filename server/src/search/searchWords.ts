/**
 * The words of notes as search sees them: runs of letters and digits, compared in lower case
 * without accents (`Café` and `cafe` are one word). One function both indexes and highlights,
 * so a highlighted word is always one the index matched.
 *
 * The index reads every word of the workspace (7 million in the 1,000-file bench): words are
 * found by char codes, and the index looks ASCII words up where they are, without copying them.
 */

/** Non-ASCII UTF-16 units already classified: 1 a letter or digit, 2 not. */
const nonAscii = new Uint8Array(0x10000);
const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;

function isWordUnit(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  // Surrogates: letters outside the BMP (rare in notes; emoji are not letters) count as letters.
  if (c >= 0xd800 && c <= 0xdfff) return false;
  let known = nonAscii[c];
  if (known === 0) nonAscii[c] = known = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 1 : 2;
  return known === 1;
}

/** A word as it is compared: lower case, accents taken off. */
export function normalizeWord(word: string): string {
  const lower = word.toLowerCase();
  // Only words with non-ASCII letters can carry accents.
  for (let i = 0; i < lower.length; i++) if (lower.charCodeAt(i) > 127) return lower.normalize('NFD').replace(/\p{M}/gu, '');
  return lower;
}

/** ASCII classes: 0 not in a word, 1 a lower-case letter or digit, 2 an upper-case letter. */
const ASCII = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII[c] = 1;
for (let c = 97; c <= 122; c++) ASCII[c] = 1;
for (let c = 65; c <= 90; c++) ASCII[c] = 2;

/** FNV-1a, the hash of compared words (SearchTerms): its start, and one step. */
export const HASH_START = 0x811c9dc5;
export function hashStep(h: number, unit: number): number {
  return Math.imul(h ^ unit, 0x01000193);
}

/**
 * Calls `each` with where every word of the text is (UTF-16 offsets, end exclusive) and, when
 * it is all ASCII, the hash of its lower case (else -1: its compared form needs `normalizeWord`).
 * One pass finds and hashes the words: the index reads millions. `from` and `to` bound the part
 * of the text read (a line of a whole file, without making a string of it).
 */
export function forEachWordSpan(text: string, each: (start: number, end: number, hash: number) => void, from = 0, to = text.length): void {
  const n = to;
  let k = from;
  while (k < n) {
    let c = text.charCodeAt(k);
    if (c < 128 ? ASCII[c] === 0 : !isWordUnit(c)) {
      k++;
      continue;
    }
    const start = k;
    let h = HASH_START;
    let ascii = true;
    for (; k < n; k++) {
      c = text.charCodeAt(k);
      if (c < 128) {
        const cls = ASCII[c];
        if (cls === 0) break;
        h = Math.imul(h ^ (cls === 2 ? c + 32 : c), 0x01000193);
      } else if (isWordUnit(c)) ascii = false;
      else break;
    }
    each(start, k, ascii ? h >>> 0 : -1);
  }
}

/** Calls `each` with every word of the text: its compared form, and where it is. */
export function forEachWord(text: string, each: (word: string, start: number, end: number) => void): void {
  forEachWordSpan(text, (start, end, hash) => {
    const word = text.slice(start, end);
    each(hash >= 0 ? word.toLowerCase() : normalizeWord(word), start, end);
  });
}

/** The compared words of a text, in order. */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  forEachWord(text, (w) => words.push(w));
  return words;
}
