/**
 * What was read from a line, remembered by its text for the next parses: for the few lines read
 * in context only (a talk's first bullet, a bullet under `Lightning talks`), whose facts would
 * cost every bullet of a file. Lines an edit did not touch are the same strings, and a string
 * keeps its hash: a lookup costs nanoseconds. Forgets everything when full.
 */
export class TextMemo<T> {
  private readonly known = new Map<string, T>();

  constructor(
    private readonly read: (text: string) => T,
    private readonly capacity = 4096,
  ) {}

  get(text: string): T {
    let value = this.known.get(text);
    if (value === undefined) {
      if (this.known.size >= this.capacity) this.known.clear();
      value = this.read(text);
      this.known.set(text, value);
    }
    return value;
  }
}
