import { strict as assert } from 'node:assert';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { linkDiagnostics } from '../../../../server/src/features/diagnostics/linkDiagnostics';
import { defaultSettings, linkOptions, readSettings } from '../../../../server/src/settings';
import { parse } from '../../../helpers';

const DOC = parse('Talk by Ann Other', '  • github/steven-ellis', '  • http://jmap.iox and htp://x.org', 'Fine: github.com/x');
const run = (settings = defaultSettings) => linkDiagnostics(DOC, linkOptions(settings)).map((d) => [d.range.start.line, d.code, d.severity]);

describe('linkDiagnostics', () => {
  it('Should warn on each problem with a stable code, in bullets and paragraphs', () => {
    assert.deepEqual(run(), [
      [1, 'incomplete-link', DiagnosticSeverity.Warning],
      [2, 'unknown-tld', DiagnosticSeverity.Warning],
      [2, 'malformed-url', DiagnosticSeverity.Warning],
    ]);
  });
  it('Should carry the fixes in data and cover exactly the link text', () => {
    const [d] = linkDiagnostics(DOC, linkOptions(defaultSettings));
    assert.deepEqual(d.data, { text: 'github/steven-ellis', fixes: ['https://github.com/steven-ellis'] });
    assert.deepEqual(d.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 23 } });
    assert.equal(d.source, 'confnotes');
  });
  it('Should follow the severity setting per code, ignore included', () => {
    const settings = readSettings({ links: { severity: { 'incomplete-link': 'error', 'unknown-tld': 'ignore', 'malformed-url': 'hint' } } });
    assert.deepEqual(run(settings), [[1, 'incomplete-link', DiagnosticSeverity.Error], [2, 'malformed-url', DiagnosticSeverity.Hint]]);
  });
  it('Should show at most the limit, then one note counting the rest from where they start', () => {
    const limited = linkDiagnostics(DOC, linkOptions(defaultSettings), 1);
    assert.deepEqual(limited.map((d) => [d.range.start.line, d.range.start.character, d.code, d.severity]), [
      [1, 4, 'incomplete-link', DiagnosticSeverity.Warning],
      [2, 4, 'too-many-problems', DiagnosticSeverity.Information],
    ]);
    assert.match(String(limited[1].message), /^2 more link problems are not shown from here on \(at most 1 per file\)/);
    assert.equal(linkDiagnostics(DOC, linkOptions(defaultSettings), 3).length, 3);
  });
  it('Should report nothing when link diagnostics are off', () => {
    assert.deepEqual(run(readSettings({ links: { diagnostics: false } })), []);
  });
  it('Should skip links matching confnotes.links.ignore, by text or by target', () => {
    assert.deepEqual(run(readSettings({ links: { ignore: ['github/*'] } })).map((d) => d[1]), ['unknown-tld', 'malformed-url']);
    assert.deepEqual(run(readSettings({ links: { ignore: ['http://jmap.iox/**', 'https://github.com/steven-ellis'] } })).map((d) => d[1]), ['malformed-url']);
  });
  it('Should fall back to defaults for invalid settings', () => {
    assert.deepEqual(readSettings({ links: { diagnostics: 'yes', severity: { 'unknown-tld': 'loud' }, ignore: [3, ''] }, diagnostics: { delay: -1 } }), defaultSettings);
    assert.deepEqual(readSettings(null), defaultSettings);
  });
});
