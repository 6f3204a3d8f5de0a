import { measureTyping } from '../bench/keystrokes';
(async () => {
  for (const f of process.argv.slice(2)) {
    const r = await measureTyping(f, 200, 20);
    console.log(f.split('/').pop(), JSON.stringify({ p50: r.keystrokeP50Ms, p99: r.keystrokeP99Ms, open: r.openToDiagnosticsMs, outline: r.symbolsAfterEditMs }));
  }
})();
