import { strict as assert } from 'node:assert';
import { isPublicAddress, literalAddressAllowed } from '../../server/src/linkCheck/addresses';
import { HostLimiter } from '../../server/src/linkCheck/hostLimiter';
import { isReservedHost, verdictOf, type Outcome } from '../../server/src/linkCheck/outcomes';
import { retryAfterMs } from '../../server/src/linkCheck/probe';

const response = (status: number, more: Partial<Extract<Outcome, { kind: 'response' }>> = {}): Outcome => ({ kind: 'response', status, finalUrl: 'http://x.org/a', redirects: [], botFilter: null, httpsTwin: null, ...more });

describe('link check verdicts', () => {
  const v = (outcome: Outcome, acceptStatus: number[] = []) => {
    const verdict = verdictOf('http://x.org/a', outcome, { acceptStatus });
    return [verdict.status, verdict.fix];
  };
  it('Should call 2xx alive and accepted statuses alive, other 4xx and 5xx dead', () => {
    assert.deepEqual(v(response(204)), ['alive', null]);
    assert.deepEqual(v(response(403), [403]), ['alive', null]);
    assert.deepEqual(v(response(404)), ['dead', null]);
    assert.deepEqual(v(response(503)), ['dead', null]);
  });
  it('Should offer the final URL as a fix only when every redirect was permanent', () => {
    assert.deepEqual(v(response(200, { redirects: [301, 308], finalUrl: 'https://x.org/b' })), ['redirected', 'https://x.org/b']);
    assert.deepEqual(v(response(200, { redirects: [301, 302], finalUrl: 'https://x.org/b' })), ['redirected', null]);
    assert.deepEqual(v(response(404, { redirects: [301], finalUrl: 'https://x.org/b' })), ['dead', null], 'a redirect to a dead page is dead');
  });
  it('Should offer https when the twin answers', () => {
    assert.deepEqual(v(response(200, { httpsTwin: true })), ['https-available', 'https://x.org/a']);
    assert.deepEqual(v(response(200, { httpsTwin: false })), ['alive', null]);
  });
  it('Should call failures dead with their reason, and skipped links skipped', () => {
    assert.deepEqual(verdictOf('http://x.org/a', { kind: 'failure', failure: 'tls', detail: 'certificate has expired', finalUrl: 'http://x.org/a' }, { acceptStatus: [] }).reason, 'TLS error: certificate has expired');
    assert.deepEqual(v({ kind: 'skipped', reason: 'not public' }), ['skipped', null]);
  });
  it('Should reserve example domains, .test, .example, .invalid, .localhost and localhost, and nothing else', () => {
    for (const host of ['example.com', 'www.example.org', 'EXAMPLE.NET', 'a.test', 'b.example', 'c.invalid', 'd.localhost', 'localhost', 'localhost.']) assert.equal(isReservedHost(host), true, host);
    for (const host of ['example.co.uk', 'myexample.com', 'testing.org', 'github.com', 'invalid.org']) assert.equal(isReservedHost(host), false, host);
  });
  it('Should tell public addresses from private, loopback, link-local and mapped ones', () => {
    for (const a of ['93.184.216.34', '2606:2800:220:1::248']) assert.equal(isPublicAddress(a), true, a);
    for (const a of ['127.0.0.1', '10.1.2.3', '192.168.0.1', '172.16.5.4', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', 'not an address']) assert.equal(isPublicAddress(a), false, a);
    assert.deepEqual([literalAddressAllowed('[::1]', false), literalAddressAllowed('127.0.0.1', true), literalAddressAllowed('x.org', false)], [false, true, null]);
  });
  it('Should read Retry-After in seconds or as a date', () => {
    assert.equal(retryAfterMs('2'), 2000);
    assert.equal(retryAfterMs(undefined), null);
    assert.equal(retryAfterMs('soon'), null);
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
    assert.ok(Math.abs(retryAfterMs(inTenSeconds)! - 10_000) < 1500);
  });
});

describe('HostLimiter', () => {
  it('Should run at most N at once overall and M at once per host', async () => {
    const limiter = new HostLimiter(3, 2);
    let running = 0;
    let most = 0;
    const perHost = new Map<string, number>();
    let mostPerHost = 0;
    const task = (host: string) => limiter.run(host, async () => {
      running++;
      perHost.set(host, (perHost.get(host) ?? 0) + 1);
      most = Math.max(most, running);
      mostPerHost = Math.max(mostPerHost, perHost.get(host)!);
      await new Promise((r) => setTimeout(r, 10));
      running--;
      perHost.set(host, perHost.get(host)! - 1);
    });
    await Promise.all([...Array(6)].map(() => task('a')).concat([...Array(6)].map(() => task('b'))));
    assert.deepEqual([most, mostPerHost, limiter.mostAtOnceToOneHost], [3, 2, 2]);
  });
  it('Should hold a paused host back and let others run', async () => {
    const limiter = new HostLimiter(4, 4);
    const order: string[] = [];
    limiter.pause('slow', 150);
    const started = Date.now();
    await Promise.all([
      limiter.run('slow', async () => void order.push(`slow after ${Date.now() - started >= 140 ? 'the pause' : 'NO pause'}`)),
      limiter.run('fast', async () => void order.push('fast')),
    ]);
    assert.deepEqual(order, ['fast', 'slow after the pause']);
  });
});
