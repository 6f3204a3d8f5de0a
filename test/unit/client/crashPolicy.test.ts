import { strict as assert } from 'node:assert';
import { CrashPolicy } from '../../../client/src/crashPolicy';

describe('CrashPolicy', () => {
  const minutes = (m: number) => m * 60 * 1000;

  it('Should restart every time and tell the user only the first time', () => {
    const policy = new CrashPolicy('Conference Notes');
    const verdicts = [0, 10, 20, 30].map((m) => policy.serverDied(minutes(m)));
    assert.deepEqual(verdicts.map((v) => v.restart), [true, true, true, true]);
    assert.match(verdicts[0].tell!, /Conference Notes server stopped unexpectedly and was restarted/);
    assert.deepEqual(verdicts.slice(1).map((v) => v.tell), [null, null, null]);
  });

  it('Should give up on the fifth crash within three minutes, and say why', () => {
    const policy = new CrashPolicy('Conference Notes');
    const verdicts = [0, 0.5, 1, 1.5, 2].map((m) => policy.serverDied(minutes(m)));
    assert.deepEqual(verdicts.map((v) => v.restart), [true, true, true, true, false]);
    assert.match(verdicts[4].tell!, /stopped 5 times in 3 minutes and will not be restarted/);
  });

  it('Should forget crashes older than three minutes', () => {
    const policy = new CrashPolicy('Conference Notes');
    const verdicts = [0, 1, 2, 3.5, 4, 4.5, 5].map((m) => policy.serverDied(minutes(m)));
    assert.deepEqual(verdicts.map((v) => v.restart), [true, true, true, true, true, true, false]);
  });
});
