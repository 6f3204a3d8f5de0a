/**
 * Work written as steps (a generator that pauses now and then) runs either to its end at once,
 * as here, or in slices between other messages (server/src/lsp/slices.ts): the same code both ways.
 */
export function runToEnd<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
