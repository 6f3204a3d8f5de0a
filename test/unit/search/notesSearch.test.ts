import { strict as assert } from 'node:assert';
import { passageSearch, searchNotes, type FileLines } from '../../../server/src/search/notesSearch';
import { parseNotes } from '../../../server/src/parser/parseNotes';
import { summarize } from '../../../server/src/workspace/fileSummary';
import { searchSourceOf } from '../../../server/src/search/searchPassages';
import { SearchIndex } from '../../../server/src/search/searchIndex';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { joinLines, SAMPLE } from '../../helpers';

const uriOf = (name: string) => `file:///notes/${name}`;

/** Both indexes over inline files, as the server builds them from disk, and a search over them. */
function notes(files: Record<string, string>) {
  const index = new WorkspaceIndex();
  const search = new SearchIndex();
  const lines = new Map<string, FileLines>();
  for (const [name, text] of Object.entries(files)) {
    const doc = parseNotes(text);
    index.setFromDisk(summarize(uriOf(name), doc));
    search.setFromDisk(uriOf(name), searchSourceOf(doc), text.length);
    lines.set(uriOf(name), { lineCount: doc.lines.lineCount, lineText: (l) => doc.lineText(l) });
  }
  return { index, search, run: (query: string, limit = 20) => searchNotes(index, passageSearch(search), query, async (uri) => lines.get(uri) ?? null, limit) };
}

const KIWICON = joinLines(
  'Kiwicon 2019 – Friday – Session 1',
  '',
  'Breaking into cars by Ann Other',
  '  • CAN bus on the OBD port',
  '  • Alert fatigue in the SOC is real',
  '',
  'Alerting for humans – Jamie Wilkinson',
  '  • fatigue comes from alerts nobody acts on',
  '  • page on symptoms, alert on causes',
  'Q&A',
  '  • 🎉 Prometheus rules in git',
);

describe('searchNotes (Search Notes across the workspace)', () => {
  const ws = notes({ 'lca2016.notes': SAMPLE, 'kiwicon.notes': KIWICON });

  it('Should name the talk, session, day, event and file of each result, with its matching lines', async () => {
    const { results } = await ws.run('esp8266');
    const first = results[0];
    assert.equal(first.title, 'Free as in cheap gadgets: the ESP8266');
    assert.deepEqual([first.speaker, first.session, first.day, first.event, first.file, first.kind], ['Angus Gratton', 'Session 2', 'Friday', 'Linux.conf.au 2016', 'lca2016.notes', 'talk']);
    assert.equal(first.line, 84);
    // The title line and every bullet with the word, the title line first (it names it too).
    assert.ok(first.hits.length >= 4);
    assert.ok(first.hits.every((h) => /esp8266/i.test(h.text)));
    const bullet = first.hits.find((h) => h.text === '• Arduino for ESP8266 very popular')!;
    assert.deepEqual([bullet.line, bullet.character, bullet.endCharacter, bullet.textStart], [87, 16, 23, 2]);
    assert.deepEqual(bullet.highlights, [[14, 21]]);
  });

  it('Should find a misspelt word and a prefix', async () => {
    assert.equal((await ws.run('prometeus')).results[0].speaker, 'Jamie Wilkinson');
    assert.equal((await ws.run('unikern')).results[0].speaker, 'Andrew Stuart');
  });

  it('Should rank the talk with all the words on one line above one that has them apart', async () => {
    const { results } = await ws.run('alert fatigue');
    assert.deepEqual(results.map((r) => r.title), ['Breaking into cars', 'Alerting for humans']);
    assert.deepEqual(results[0].hits.map((h) => h.text), ['• Alert fatigue in the SOC is real']);
  });

  it('Should keep only talks holding a quoted phrase as written', async () => {
    const { results } = await ws.run('"fatigue comes"');
    assert.deepEqual(results.map((r) => r.title), ['Alerting for humans']);
    assert.deepEqual((await ws.run('"comes fatigue"')).results, []);
  });

  it('Should filter by speaker, event and day, and search titles only with in:title', async () => {
    assert.deepEqual((await ws.run('fatigue speaker:wilkinson')).results.map((r) => r.title), ['Alerting for humans']);
    assert.deepEqual((await ws.run('fatigue speaker:other')).results.map((r) => r.title), ['Breaking into cars']);
    assert.deepEqual((await ws.run('prometheus event:kiwicon')).results.map((r) => r.title), ['Alerting for humans']);
    assert.ok((await ws.run('prometheus day:wednesday')).results.every((r) => r.day === 'Wednesday'));
    assert.deepEqual((await ws.run('fatigue in:title')).results, []);
    assert.deepEqual((await ws.run('alerting in:title')).results.map((r) => r.title).sort(), ['Alerting for humans', 'An introduction to monitoring and alerting with timeseries at scale, with Prometheus']);
    // Filters alone list the talks that pass them, with their title lines.
    const byTridgell = await ws.run('speaker:tridgell');
    assert.deepEqual(byTridgell.results.map((r) => [r.title, r.hits[0].line]), [['Helicopters and rocket-planes', 217]]);
  });

  it('Should find a talk by a speaker named on the line below its title, or in its first bullet', async () => {
    const below = notes({ 'blog.notes': joinLines('Confident Systems', 'Ines Duarte, Acme', '', 'Notes on retries and budgets.', '', 'Lazy Loading', '  • Kwabena Owusu', '  • images below the fold') });
    assert.deepEqual((await below.run('speaker:duarte')).results.map((r) => r.title), ['Confident Systems']);
    assert.deepEqual((await below.run('speaker:owusu')).results.map((r) => r.title), ['Lazy Loading']);
    assert.deepEqual((await below.run('retries speaker:duarte')).results.map((r) => r.title), ['Confident Systems']);
  });

  it('Should place words after emoji in UTF-16 columns', async () => {
    const hit = (await ws.run('rules git')).results[0].hits[0];
    assert.equal(hit.text, '• 🎉 Prometheus rules in git');
    assert.deepEqual([hit.line, hit.character], [10, 18]);
    assert.deepEqual(hit.highlights, [[16, 21], [25, 28]]);
  });

  it('Should offer the talks with most of the words when none has them all', async () => {
    assert.equal((await ws.run('esp8266 wifi')).results[0].title, 'Free as in cheap gadgets: the ESP8266');
  });

  it('Should name the section a line is in', async () => {
    const sections = notes({
      'pg.notes': joinLines('PGConf 2021 – Day 1 – Session 1', '', 'Vacuum Tuning by Oskar Lindqvist', '  • defaults are small', 'What we changed', '  • scale factor down to 0.01', 'Results', '  • bloat halved'),
    });
    const hit = (await sections.run('scale factor')).results[0].hits[0];
    assert.deepEqual([hit.section, hit.line], ['What we changed', 5]);
  });

  it('Should answer nothing, and say so, for words no note holds or a query of nothing', async () => {
    assert.deepEqual((await ws.run('zzqx')).results, []);
    assert.deepEqual((await ws.run('   ')).results, []);
    assert.deepEqual((await ws.run('in:nowhere')).problems, ['in:nowhere is not a scope: in:title is']);
  });

  it('Should place words on the right lines whatever the line breaks (CRLF, a lone CR, a BOM)', async () => {
    const text = '\ufeffKiwicon 2019 – Friday – Session 1\r\n\r\nBreaking into cars by Ann Other\r  • CAN bus\r\n  • the OBD port\n';
    const crlf = notes({ 'k.notes': text });
    const [result] = (await crlf.run('obd')).results;
    assert.equal(result.title, 'Breaking into cars');
    assert.deepEqual(result.hits.map((h) => [h.line, h.character, h.text]), [[4, 8, '• the OBD port']]);
    // The session's header, then its talk (by its event: the title line stands for it).
    assert.deepEqual((await crlf.run('kiwicon')).results.map((r) => [r.kind, r.line, r.hits[0].line]), [['session', 0, 0], ['talk', 2, 2]]);
  });

  it('Should cut a long line around its first match, columns still those of the file', async () => {
    const long = 'x '.repeat(5000) + 'needle ' + 'y '.repeat(5000);
    const big = notes({ 'long.notes': joinLines('Talk by Ann Other', '  • ' + long) });
    const hit = (await big.run('needle')).results[0].hits[0];
    assert.ok(hit.text.length <= 240);
    assert.equal(hit.text.slice(hit.highlights[0][0], hit.highlights[0][1]), 'needle');
    assert.equal(hit.character, hit.textStart + hit.highlights[0][0]);
  });
});
