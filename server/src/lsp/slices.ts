/**
 * Long work run in slices: steps of a generator until a slice's time is up, then a turn of
 * the event loop, so that messages that arrived meanwhile (a hover in another file, a
 * keystroke, a cancellation) are handled before the work goes on.
 */
import { nextTurn } from './nextTurn';

/**
 * A slice's length. A request takes a few turns of the event loop (read, answer, a timer), each
 * waiting for at most one slice: with 3 ms, requests about another file took 16 ms (p50) while
 * 100 MB was parsed, 27 ms with 5 ms, and the parse no longer (bench/RESULTS.md).
 */
export const SLICE_MS = 3;

/** Runs the steps to their end; undefined if `wanted` says no between two slices (the steps are then dropped). */
export async function runInSlices<T>(steps: Generator<void, T, void>, wanted: () => boolean = () => true, sliceMs = SLICE_MS): Promise<T | undefined> {
  for (;;) {
    const until = performance.now() + sliceMs;
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      if (performance.now() >= until) break;
    }
    await nextTurn();
    if (!wanted()) {
      steps.return(undefined as T);
      return undefined;
    }
  }
}
