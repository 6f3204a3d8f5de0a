import { strict as assert } from 'node:assert';
import { parseNotes } from '../../../server/src/parser/parseNotes';
import { SAMPLE, lineOf, textOf } from '../../helpers';

// Read off the sample by hand: every header and every talk with its 1-based line.
const HEADERS: Array<[number, string, string, string]> = [
  [1, 'Linux.conf.au 2016', 'Friday', 'Session 3'],
  [83, 'Linux.conf.au 2016', 'Friday', 'Session 2'],
  [178, 'Linux.conf.au 2016', 'Friday', 'Session 1'],
  [301, 'Linux.conf.au 2016', 'Thursday', 'Session 3'],
  [350, 'Linux.conf.au 2016', 'Thursday', 'Session 2'],
  [463, 'Linux.conf.au 2016', 'Thursday', 'Session 1'],
  [627, 'Linux.conf.au 2016', 'Wednesday', 'Session 3'],
  [683, 'Linux.conf.au 2016', 'Wednesday', 'Session 2'],
  [811, 'Linux.conf.au 2016', 'Wednesday', 'Session 1'],
  [910, 'Linux.conf.au 2016', 'Sysadmin Miniconf', 'Session 3'],
];

const TALKS: Array<[number, string, string | null]> = [
  [3, 'Lighting talks', null],
  [66, 'Closing', null],
  [85, 'Free as in cheap gadgets: the ESP8266', 'Angus Gratton'],
  [124, 'secretd – another take on securely storing credentials', 'Tollef Fog Heen'],
  [180, 'Keynote', 'Genevieve Bell'],
  [218, 'Helicopters and rocket-planes', 'Andrew Tridgell'],
  [265, 'The world of 100G networking', 'Christopher Lameter'],
  [303, 'Law and technology: impedance mismatch', 'Michael Cordover'],
  [352, 'Machine Ethics and Emerging Technologies', 'Paul ‘@pjf’ Fenwick'],
  [391, 'Open Source Tools for Distributed Systems Administration', 'Elizabeth K. Joseph'],
  [465, 'Jono Bacon Keynote', null],
  [531, 'Using Persistent Memory for Fun and Profit', 'Matthew Wilcox'],
  [567, 'Dropbox Database Infrastructure', 'Tammy Butow'],
  [629, 'The future belongs to unikernels. Linux will soon no longer be used in Internet facing production systems.', 'Andrew Stuart'],
  [648, 'An introduction to monitoring and alerting with timeseries at scale, with Prometheus', 'Jamie Wilkinson'],
  [685, 'Welcoming Everyone: Five Years of Inclusion and Outreach Programmes at PyCon Australia', 'Christopher Neugebauer'],
  [760, 'Sentrifarm – open hardware telemetry system for Australian farming conditions', 'Andrew McDonnell'],
  [813, 'Going Faster: Continuous Delivery for Firefox', 'Laura Thomson'],
  [912, 'The life of a Sysadmin in a research environment', 'Eric Burgueno'],
  [925, 'Creating bespoke logging systems and dashboards with Grafana, in fifteen minutes', 'Andrew McDonnell'],
  [929, 'Order in the chaos: or lessons learnt on planning in operations', 'Peter Hall'],
  [952, 'From Commit to Cloud', 'Daniel Hall'],
  [979, 'LNAV', 'Paul Wayper'],
];

describe('parseNotes on the lca2016 sample', () => {
  const doc = parseNotes(SAMPLE);

  it('reads the same sessions, talks, sections and references without links and bullets, as the workspace index parses', () => {
    const lean = parseNotes(SAMPLE, { links: false, bullets: false });
    const outline = (d: typeof doc) => JSON.stringify([d.days.map((x) => [x.event, x.day, x.span]), d.sessions.map((s) => [s.headerSpan, s.span, s.talks.length]), d.talks.map((t) => [t.title, t.speaker, t.span, t.titleSpan]), d.sections.map((s) => s.span), d.references]);
    assert.equal(outline(lean), outline(doc));
    assert.deepEqual([lean.bullets.count, lean.links.length, doc.bullets.count > 800, doc.links.length > 10], [0, 0, true, true]);
  });

  it('finds exactly the 10 session headers, with event, day and session', () => {
    assert.deepEqual(
      doc.sessions.map((s) => [lineOf(doc, s.span.start), s.event, s.day, s.name]),
      HEADERS,
    );
  });

  it('finds exactly the 23 talks, with titles, speakers and lines', () => {
    assert.deepEqual(
      doc.talks.map((t) => [lineOf(doc, t.span.start), t.title, t.speaker]),
      TALKS,
    );
  });

  it('groups consecutive sessions of the same day into 4 days', () => {
    assert.deepEqual(
      doc.days.map((d) => [d.day, d.sessions.length]),
      [['Friday', 3], ['Thursday', 3], ['Wednesday', 3], ['Sysadmin Miniconf', 1]],
    );
  });

  it('ends each talk at its last non-blank line, paragraphs included', () => {
    const closing = doc.talks[1];
    assert.equal(lineOf(doc, closing.span.end), 81, 'Closing runs to FacebookGoogle+Share');
    const grafana = doc.talks.find((t) => t.title.startsWith('Creating bespoke'))!;
    assert.equal(lineOf(doc, grafana.span.end), 927, 'the Live Demo paragraph belongs to the talk before it');
    assert.equal(lineOf(doc, doc.talks[22].span.end), 993);
  });

  it('spans each title and speaker exactly', () => {
    const t = doc.talks[2];
    assert.equal(textOf(doc, t.titleSpan), 'Free as in cheap gadgets: the ESP8266');
    assert.equal(textOf(doc, t.speakerSpan!), 'Angus Gratton');
    assert.equal(textOf(doc, t.lineSpan), 'Free as in cheap gadgets: the ESP8266 by Angus Gratton');
  });

  it('reads bullets at levels 1–3 with their children', () => {
    const b = doc.bullets;
    const levels = new Set<number>();
    const walk = (indexes: number[]) => indexes.forEach((i) => (levels.add(b.level(i)), walk(b.children(i))));
    walk(b.roots());
    assert.deepEqual([...levels].sort(), [1, 2, 3]);
    const nzoss = b.roots()[0];
    assert.equal(textOf(doc, b.textSpan(nzoss)), 'New Zealand Open Source Society');
    assert.deepEqual(b.children(nzoss).map((c) => textOf(doc, b.textSpan(c))), ['nzoss.org.nz']);
  });

  it('finds the sample links, and flags only github/steven-ellis', () => {
    const flagged = doc.links.filter((l) => l.problem);
    assert.deepEqual(flagged.map((l) => [l.text, l.problem!.code, l.problem!.fixes]), [
      ['github/steven-ellis', 'incomplete-link', ['https://github.com/steven-ellis']],
    ]);
    const texts = doc.links.map((l) => l.text);
    for (const t of ['nzoss.org.nz', 'github.com/LABHR/octohatrack', 'http://jmap.io', 'https://proxy.jmap.io/', 'bit.do/LABHR', 'hdmi2usb.tv']) {
      assert.ok(texts.includes(t), `${t} is a link`);
    }
    assert.ok(!doc.links.some((l) => lineOf(doc, l.span.start) === 1), 'nothing in a header is a link');
  });
});
