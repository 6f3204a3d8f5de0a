/**
 * A turn of the event loop, in Node and in a browser's worker alike: messages that came
 * meanwhile are handled before the work goes on. Node's `setImmediate` where it exists; in a
 * worker a message to itself, because `setTimeout(0)` waits at least 4 ms once nested
 * (the HTML standard's clamp), which would stretch every slice of a parse past its 3 ms.
 */
export const nextTurn: () => Promise<void> =
  typeof setImmediate === 'function' ? () => new Promise<void>((resolve) => setImmediate(resolve)) : messageTurn();

function messageTurn(): () => Promise<void> {
  const channel = new MessageChannel();
  const waiting: Array<() => void> = [];
  channel.port1.addEventListener('message', () => waiting.shift()?.());
  channel.port1.start();
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
}
