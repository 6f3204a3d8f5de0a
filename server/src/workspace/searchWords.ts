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

/**
 * Calls `each` with where every word of the text is (UTF-16 offsets, end exclusive), and
 * whether it is all ASCII (then its compared form is just its lower case).
 */
export function forEachWordSpan(text: string, each: (start: number, end: number, ascii: boolean) => void): void {
  const n = text.length;
  let k = 0;
  while (k < n) {
    while (k < n && !isWordUnit(text.charCodeAt(k))) k++;
    if (k >= n) return;
    const start = k;
    let ascii = true;
    for (; k < n; k++) {
      const c = text.charCodeAt(k);
      if (!isWordUnit(c)) break;
      if (c > 127) ascii = false;
    }
    each(start, k, ascii);
  }
}

/** Calls `each` with every word of the text: its compared form, and where it is. */
export function forEachWord(text: string, each: (word: string, start: number, end: number) => void): void {
  forEachWordSpan(text, (start, end, ascii) => {
    const word = text.slice(start, end);
    each(ascii ? word.toLowerCase() : normalizeWord(word), start, end);
  });
}

/** The compared words of a text, in order. */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  forEachWord(text, (w) => words.push(w));
  return words;
}
