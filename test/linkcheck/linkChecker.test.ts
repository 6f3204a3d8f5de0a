/**
 * The online link check against local sites on 127.0.0.1 (allowed by checkPrivateAddresses, the
 * test-only use of that setting): every behaviour of the issue, one test each. No test touches
 * the internet; the one that must not connect at all proves it by what the site saw.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import type { LookupFunction } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LinkCache } from '../../server/src/linkCheck/linkCache';
import { checkLinks, DEFAULT_LIMITS, type LinkCheckLimits, type LinkCheckOptions } from '../../server/src/linkCheck/linkChecker';
import type { Verdict } from '../../server/src/linkCheck/outcomes';
import { refusedPort, routes, startSite, TEST_CA, type LocalSite } from './localSites';

const OPTIONS: LinkCheckOptions = { acceptStatus: [], exclude: [], checkPrivateAddresses: true, suggestHttps: false, timeoutMs: 1000 };
const LIMITS: LinkCheckLimits = { ...DEFAULT_LIMITS, backoffMs: 20, longestWaitMs: 3000, connectTimeoutMs: 1000, ca: TEST_CA };

const check = async (urls: string[], options: Partial<LinkCheckOptions> = {}, limits: Partial<LinkCheckLimits> = {}, cache = new LinkCache(null)) =>
  checkLinks(urls, { ...OPTIONS, ...options }, cache, undefined, undefined, { ...LIMITS, ...limits });
const verdict = async (url: string, options: Partial<LinkCheckOptions> = {}, limits: Partial<LinkCheckLimits> = {}): Promise<Verdict> => (await check([url], options, limits)).verdicts.get(url)!;
const brief = (v: Verdict) => [v.status, v.httpStatus, v.reason];

describe('link check online', function () {
  this.timeout(20000);
  let site: LocalSite;
  beforeEach(async () => {
    site = await startSite(routes);
  });
  afterEach(() => site.close());

  it('Should call 200 alive, 404 and 410 dead, and ask with HEAD, a plain User-Agent and no cookies', async () => {
    assert.deepEqual(brief(await verdict(`${site.http}/ok`)), ['alive', 200, '200 OK']);
    assert.deepEqual(brief(await verdict(`${site.http}/gone-404`)), ['dead', 404, '404 Not Found']);
    assert.deepEqual(brief(await verdict(`${site.http}/gone-410`)), ['dead', 410, '410 Gone']);
    assert.deepEqual(site.seen.map((s) => s.method), ['HEAD', 'HEAD', 'HEAD']);
    assert.match(String(site.seen[0].headers['user-agent']), /^confnotes-link-check\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/confnotes\/confnotes\)$/);
    assert.equal(site.seen[0].headers.cookie, undefined);
  });
  it('Should never send the credentials written in a link', async () => {
    await verdict(site.http.replace('http://', 'http://ann:secret@') + '/ok');
    assert.equal(site.seen[0].headers.authorization, undefined);
  });
  it('Should retry a 500 and call the link alive when it then answers 200; dead when it keeps failing', async () => {
    assert.deepEqual(brief(await verdict(`${site.http}/flaky`)), ['alive', 200, '200 OK']);
    assert.deepEqual(brief(await verdict(`${site.http}/always-500`)), ['dead', 500, '500 Internal Server Error']);
    assert.equal(site.seen.filter((s) => s.path === '/always-500').length, 1 + LIMITS.retries, 'the first try and the retries');
  });
  it('Should wait as long as Retry-After says after a 429, pausing the host, then take the answer', async () => {
    const started = Date.now();
    const [busy, ok] = await Promise.all([verdict(`${site.http}/busy`), verdict(`${site.http}/ok`)]);
    assert.deepEqual(brief(busy), ['alive', 200, '200 OK']);
    assert.equal(ok.status, 'alive');
    assert.ok(Date.now() - started >= 950, 'Retry-After: 1 was honoured');
    const [first, second] = site.seen.filter((s) => s.path === '/busy');
    assert.ok(first && second);
  });
  it('Should call a site that keeps answering 429 unverified, not dead', async () => {
    assert.deepEqual(brief(await verdict(`${site.http}/always-429`)), ['unverified', 429, 'the site kept answering 429 Too Many Requests']);
  });
  it('Should follow redirects: a permanent chain gets its final URL as the fix, a temporary one none', async () => {
    const moved = await verdict(`${site.http}/moved`);
    assert.deepEqual([moved.status, moved.fix, moved.reason], ['redirected', `${site.http}/ok`, `redirects permanently (301) to ${site.http}/ok`]);
    const chain = await verdict(`${site.http}/chain`);
    assert.deepEqual([chain.status, chain.fix, chain.reason], ['redirected', `${site.http}/ok`, `redirects permanently (308 → 301) to ${site.http}/ok`]);
    const found = await verdict(`${site.http}/found`);
    assert.deepEqual([found.status, found.fix, found.reason], ['redirected', null, `redirects (302) to ${site.http}/ok`]);
  });
  it('Should stop a redirect loop and call it dead', async () => {
    const loop = await verdict(`${site.http}/loop-a`);
    assert.deepEqual([loop.status, loop.reason], ['dead', `redirect loop (${site.http}/loop-a → ${site.http}/loop-b → ${site.http}/loop-a)`]);
    assert.equal(site.seen.length, 2);
  });
  it('Should ask with GET when HEAD is refused (405)', async () => {
    assert.deepEqual(brief(await verdict(`${site.http}/no-head`)), ['alive', 200, '200 OK']);
    assert.deepEqual(site.seen.map((s) => s.method), ['HEAD', 'GET']);
  });
  it('Should not download a body: a 100 MB answer to GET costs a few kilobytes', async () => {
    assert.deepEqual(brief(await verdict(`${site.http}/huge`)), ['alive', 200, '200 OK']);
    await new Promise((r) => setTimeout(r, 200));
    assert.ok((site.bodyBytes.get('/huge') ?? 0) < 5 * 1024 * 1024, `${site.bodyBytes.get('/huge')} bytes written`);
  });
  it('Should give up on a site that never answers, and on one that drips its answer, after the timeout', async () => {
    const started = Date.now();
    const [silent, drip] = await Promise.all([verdict(`${site.http}/silent`), verdict(`${site.http}/drip`)]);
    assert.deepEqual(brief(silent), ['dead', null, 'no answer within 1 s']);
    assert.deepEqual(brief(drip), ['dead', null, 'no answer within 1 s']);
    assert.ok(Date.now() - started < 4000);
  });
  it('Should call a refused port dead, and a name that does not resolve dead', async () => {
    const port = await refusedPort();
    assert.deepEqual(brief(await verdict(`http://127.0.0.1:${port}/`)), ['dead', null, 'the connection was refused']);
    const nowhere = await verdict('http://no-such-host.confnotes-tests.net/', {}, { resolve: notFound });
    assert.deepEqual(brief(nowhere), ['dead', null, 'the host name does not resolve (ENOTFOUND)']);
  });
  it('Should call a self-signed certificate a TLS error, and accept one from a trusted authority', async () => {
    const selfSigned = await startSite(routes, '127.0.0.1', 'self-signed');
    try {
      const v = await verdict(`${selfSigned.https}/ok`);
      assert.equal(v.status, 'dead');
      assert.match(v.reason, /^TLS error: self[- ]signed certificate/);
      assert.deepEqual(brief(await verdict(`${site.https}/ok`)), ['alive', 200, '200 OK']);
    } finally {
      await selfSigned.close();
    }
  });
  it('Should call bot filters and LinkedIn-style 999 unverified, a 401 unverified, a plain 403 dead unless accepted', async () => {
    assert.deepEqual(brief(await verdict(`${site.http}/bot`)), ['unverified', 403, 'the site blocks automated checks (403 with cf-mitigated: challenge)']);
    assert.deepEqual(brief(await verdict(`${site.http}/linkedin`)), ['unverified', 999, 'the site blocks automated checks (999 Request denied)']);
    assert.equal(site.seen.filter((s) => s.path === '/linkedin').length, 1, '999 is no server error: not retried');
    assert.deepEqual(brief(await verdict(`${site.http}/login`)), ['unverified', 401, 'the page needs a login (401 Unauthorized)']);
    assert.deepEqual(brief(await verdict(`${site.http}/forbidden`)), ['dead', 403, '403 Forbidden']);
    assert.deepEqual(brief(await verdict(`${site.http}/forbidden`, { acceptStatus: [403] })), ['alive', 403, '403 Forbidden']);
  });
  it('Should suggest https for an http link whose https twin answers the same', async () => {
    const v = await verdict(`${site.http}/ok`, { suggestHttps: true });
    assert.deepEqual([v.status, v.fix], ['https-available', `${site.https}/ok`]);
    assert.deepEqual((await verdict(`${site.http}/ok`, { suggestHttps: false })).status, 'alive');
  });
  it('Should never request reserved names, other schemes or excluded URLs', async () => {
    const urls = ['http://example.com/x', 'https://www.example.org/', 'http://intranet.test/', 'http://a.invalid/', 'http://localhost:1/', 'mailto:ann@x.org', 'ftp://ftp.x.org/', `${site.http}/ok`];
    const run = await check(urls, { exclude: [`${site.http}/**`] }, { resolve: notFound });
    assert.deepEqual([...run.verdicts.values()].map((v) => v.status), urls.map(() => 'skipped'));
    assert.equal(site.seen.length, 0);
  });
  it('Should skip private, loopback and link-local addresses by default, after DNS too', async () => {
    const urls = [`${site.http}/ok`, 'http://10.0.0.1/', 'http://169.254.169.254/latest/meta-data/', 'http://[::1]/', `http://public-name.confnotes-tests.net:${site.port}/ok`];
    const run = await check(urls, { checkPrivateAddresses: false }, { resolve: resolveTo('127.0.0.1') });
    assert.deepEqual([...run.verdicts.values()].map((v) => v.status), urls.map(() => 'skipped'));
    assert.match(run.verdicts.get(urls[4])!.reason, /resolves to 127\.0\.0\.1, not a public address/);
    assert.equal(site.seen.length, 0, 'no request reached the local site');
  });
  it('Should check each URL once per run, keep at most 4 requests at once to one host, and answer the next run from the cache', async () => {
    const urls = Array.from({ length: 30 }, (_, i) => `${site.http}/ok?n=${i}`);
    const dir = mkdtempSync(path.join(tmpdir(), 'confnotes-cache-'));
    try {
      const cache = new LinkCache(dir);
      const first = await check([...urls, ...urls], {}, {}, cache);
      assert.equal(first.verdicts.size, 30);
      assert.equal(site.seen.length, 30);
      assert.ok(first.mostAtOnceToOneHost <= 4 && first.mostAtOnceToOneHost > 1, `${first.mostAtOnceToOneHost} at once`);
      assert.equal(cache.save(), null);
      // A new process: the cache is read from disk.
      const second = await check(urls, {}, {}, new LinkCache(dir));
      assert.deepEqual([second.fromCache, site.seen.length], [30, 30]);
      assert.ok([...second.verdicts.values()].every((v) => v.status === 'alive'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A resolver that sends every name to one address. */
function resolveTo(address: string): LookupFunction {
  return (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [{ address, family: address.includes(':') ? 6 : 4 }]);
    else callback(null, address, address.includes(':') ? 6 : 4);
  };
}

const notFound: LookupFunction = (hostname, _options, callback) => callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
