import { strict as assert } from 'node:assert';
import { parseNotes } from '../../../server/src/parser/parseNotes';
import { readTalkLine, titleShape } from '../../../server/src/parser/talkLines';
import { readSpeakers } from '../../../server/src/parser/names';
import { isBlank, isSpace } from '../../../server/src/parser/lineRules';
import { growthFactor, lineOf, parse, textOf } from '../../helpers';

const kinds = (doc: ReturnType<typeof parse>) => ({
  sessions: doc.sessions.map((s) => `${s.event} | ${s.day} | ${s.name}`),
  talks: doc.talks.map((t) => (t.speaker ? `${t.title} | ${t.speaker}` : t.title)),
});

describe('format rules', () => {
  it('Should tell white space by code unit exactly as `\\s` does, for every code unit', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    assert.deepEqual(differ, []);
    assert.equal(isBlank(' \t\u00a0\ufeff\u3000'), true);
    assert.equal(isBlank(' \u0085 '), false, 'NEL is no white space to `\\s`');
  });

  describe('session headers', () => {
    it('Should read a header whose event holds a year', () => {
      assert.deepEqual(kinds(parse('Linux.conf.au 2016 – Sysadmin Miniconf – Session 3')).sessions, ['Linux.conf.au 2016 | Sysadmin Miniconf | Session 3']);
    });
    it('Should accept hyphen and em dash separators and a last part that is not Session N', () => {
      assert.deepEqual(kinds(parse('PyCon AU 2019 - Saturday - Lightning Talks', '', 'LCA2020 — Monday — Keynote')).sessions, [
        'PyCon AU 2019 | Saturday | Lightning Talks',
        'LCA2020 | Monday | Keynote',
      ]);
    });
    it('Should not read a dashed talk title whose first part names no event as a header', () => {
      const doc = parse('Python++ – Bringing your code to the next level – Jan Groth', '  • bullet');
      assert.deepEqual(kinds(doc), { sessions: [], talks: ['Python++ – Bringing your code to the next level | Jan Groth'] });
    });
    it('Should read a header without a year when its event was already seen in a header above', () => {
      const doc = parse('Kiwicon 2019 – Friday – Session 1', '', 'Kiwicon – Saturday – Session 2');
      assert.deepEqual(kinds(doc).sessions, ['Kiwicon 2019 | Friday | Session 1', 'Kiwicon | Saturday | Session 2']);
    });
    it('Should not read a yearless line as a header when its event only appears below', () => {
      const doc = parse('Kiwicon – Saturday – Session 2', '  • x', 'Kiwicon 2019 – Friday – Session 1');
      assert.deepEqual(kinds(doc).sessions, ['Kiwicon 2019 | Friday | Session 1']);
      assert.deepEqual(kinds(doc).talks, ['Kiwicon – Saturday – Session 2']);
    });
    it('Should need three parts: two parts with a year are not a header', () => {
      assert.deepEqual(kinds(parse('Linux.conf.au 2016 – Friday', '  • x')).sessions, []);
    });
    it('Should not take a year inside a longer number', () => {
      assert.deepEqual(kinds(parse('Room 120165 – Friday – Session 1')).sessions, []);
    });
  });

  describe('talk titles', () => {
    it('Should let " by " win over a dash', () => {
      const read = readTalkLine(titleShape('Sentrifarm – open hardware telemetry system for Australian farming conditions by Andrew McDonnell'));
      assert.equal(read?.title.text, 'Sentrifarm – open hardware telemetry system for Australian farming conditions');
      assert.equal(read?.speaker.text, 'Andrew McDonnell');
    });
    it('Should split "Title – Speaker" at the last dash', () => {
      const read = readTalkLine(titleShape('LNAV – Paul Wayper'));
      assert.deepEqual([read?.title.text, read?.speaker.text], ['LNAV', 'Paul Wayper']);
    });
    it('Should accept a quoted nickname, initials, particles and several speakers', () => {
      for (const name of ['Paul ‘@pjf’ Fenwick', 'Elizabeth K. Joseph', 'Ludwig van Beethoven', 'Alice Smith and Bob Jones', "Conor O'Brien"]) {
        assert.equal(readSpeakers(name)?.length, name.length, name);
      }
    });
    it('Should not take lower-case text or a single word as a speaker', () => {
      for (const text of ['another take on securely storing credentials', 'Paul', 'the ESP8266', 'Bob smith']) assert.equal(readSpeakers(text), null, text);
      assert.equal(readTalkLine(titleShape('secretd – another take on securely storing credentials')), null);
    });
    it('Should make a line followed by bullets a talk even without a speaker', () => {
      assert.deepEqual(kinds(parse('Closing', '', '\u00a0', '  • Thanks')).talks, ['Closing']);
    });
    it('Should leave a line with no speaker and no bullets after it a paragraph of the talk above', () => {
      const doc = parse('From Commit to Cloud – Daniel Hall', '  • a', 'Live Demo', '', 'FacebookGoogle+Share');
      assert.deepEqual(kinds(doc).talks, ['From Commit to Cloud | Daniel Hall']);
      assert.equal(lineOf(doc, doc.talks[0].span.end), 5);
    });
    it('Should collect talks before any header as loose talks', () => {
      const doc = parse('Warm-up by Some One', '  • x', 'PyCon 2020 – Day 1 – Session 1', 'Real talk by Ann Other');
      assert.deepEqual(doc.looseTalks.map((t) => t.title), ['Warm-up']);
      assert.equal(doc.sessions[0].talks.length, 1);
    });
  });

  describe('where the speaker is (other writers\' shapes)', () => {
    const talk = (...lines: string[]) => parse(...lines).talks.map((t) => [t.title, t.speaker, t.organisation]);
    it('Should read Speaker – Title when the speaker has a known given name and the title is no name', () => {
      assert.deepEqual(talk('Tom Reed – Postgres at 3 a.m.'), [['Postgres at 3 a.m.', 'Tom Reed', null]]);
    });
    it('Should not read a capitalised title before a dash as a speaker without a known given name', () => {
      assert.deepEqual(talk('Kernel Hacking – notes from the trenches', '  • x'), [['Kernel Hacking – notes from the trenches', null, null]]);
    });
    it('Should take the side with a known given name when both sides look like names', () => {
      assert.deepEqual(talk('Maria Gonzalez – Observability Budgets'), [['Observability Budgets', 'Maria Gonzalez', null]]);
      assert.deepEqual(talk('Rust Belt Revival – Jane Doe'), [['Rust Belt Revival', 'Jane Doe', null]]);
    });
    it('Should follow the session\'s order when neither side has a known given name, and the speaker last with no order known', () => {
      const first = parse('X 2019 – Day 1 – Morning', 'Tom Reed – Postgres at 3 a.m.', 'Aroha Ngata – Incident Reviews That Teach');
      assert.deepEqual(first.talks.map((t) => t.speaker), ['Tom Reed', 'Aroha Ngata']);
      const last = parse('X 2019 – Day 1 – Morning', 'Keynote – Genevieve Bell', 'Aroha Ngata – Incident Reviews That Teach');
      assert.deepEqual(last.talks.map((t) => t.speaker), ['Genevieve Bell', 'Incident Reviews That Teach']);
      assert.deepEqual(talk('Aroha Ngata – Incident Reviews That Teach'), [['Aroha Ngata', 'Incident Reviews That Teach', null]]);
    });
    it('Should learn a speaker-first order from the file for speakers without a known given name', () => {
      assert.deepEqual(talk('Tom Reed – Postgres at 3 a.m.', 'Tollef Heen – storing credentials'), [['Postgres at 3 a.m.', 'Tom Reed', null], ['storing credentials', 'Tollef Heen', null]]);
    });
    it('Should keep the organisation apart, in brackets or after a comma, and two speakers after a comma apart from it', () => {
      assert.deepEqual(talk('Edge Caching — Wen Li (Fastly)'), [['Edge Caching', 'Wen Li', 'Fastly']]);
      assert.deepEqual(talk('Edge Caching – Wen Li, Fastly'), [['Edge Caching', 'Wen Li', 'Fastly']]);
      assert.deepEqual(talk('Edge Caching – Wen Li, Bob Jones'), [['Edge Caching', 'Wen Li, Bob Jones', null]]);
      assert.deepEqual(talk('Katie McLaughlin (Google): Snakes in Space'), [['Snakes in Space', 'Katie McLaughlin', 'Google']]);
      assert.deepEqual(talk('Edge Caching by Wen Li from Fastly'), [['Edge Caching', 'Wen Li', 'Fastly']]);
      assert.deepEqual(talk('Edge Caching – Wen Li at Fastly Inc'), [['Edge Caching', 'Wen Li', 'Fastly Inc']]);
    });
    it('Should read Speaker: Title, Title: Speaker and Title (Speaker) only with a known given name', () => {
      assert.deepEqual(talk('Lena Ortiz: Scaling Postgres'), [['Scaling Postgres', 'Lena Ortiz', null]]);
      assert.deepEqual(talk('Scaling Postgres: Lena Ortiz'), [['Scaling Postgres', 'Lena Ortiz', null]]);
      assert.deepEqual(talk('Scaling Postgres (Lena Ortiz)'), [['Scaling Postgres', 'Lena Ortiz', null]]);
      for (const line of ['Kubernetes: The Hard Way', 'Demo: Grafana Dashboards', 'Intro to Rust (Part 2)']) {
        assert.deepEqual(talk(line, '  • x'), [[line, null, null]], line);
      }
    });
    it('Should accept handles as speakers, and keep a time slot in the title of a talk that needs no bullets', () => {
      assert.deepEqual(talk('Debugging – @brendan_g'), [['Debugging', '@brendan_g', null]]);
      assert.deepEqual(talk('Ceph for All by @sage@mastodon.social'), [['Ceph for All', '@sage@mastodon.social', null]]);
      assert.deepEqual(talk('Wed 14:00 Kernel Q&A'), [['Wed 14:00 Kernel Q&A', null, null]]);
      assert.deepEqual(talk('9.30am Welcome', '14:00-14:30 Storage'), [['9.30am Welcome', null, null], ['14:00-14:30 Storage', null, null]]);
      assert.deepEqual(talk('2.0 release notes'), []);
    });
    it('Should read every dash and colon line one way with speakerPosition end or start', () => {
      const read = (position: 'end' | 'start', line: string) => parseNotes(line, { format: { speakerPosition: position, talks: new Set(), sections: new Set() } }).talks.map((t) => [t.title, t.speaker]);
      assert.deepEqual(read('end', 'Maria Gonzalez – Observability Budgets'), [['Maria Gonzalez', 'Observability Budgets']]);
      assert.deepEqual(read('start', 'Grafana Tips – Jenkins Pipelines'), [['Jenkins Pipelines', 'Grafana Tips']]);
      assert.deepEqual(read('start', 'Keynote – Genevieve Bell'), [], 'no speaker first, no bullets: a paragraph');
      assert.deepEqual(read('start', 'Helicopters by Andrew Tridgell'), [['Helicopters', 'Andrew Tridgell']], '" by " is read the same');
    });
  });

  describe('sections', () => {
    const outline = (...lines: string[]) => parse(...lines).talks.map((t) => [t.title, ...t.sections.map((s) => `› ${s.title}`)]);
    it('Should make lines with bullets after them sections of a talk that names its speaker', () => {
      assert.deepEqual(outline('Web Components in Practice by Dana Whitfield', '', 'Why bother', '', '  • Browsers ship it', 'Shadow DOM', '', '  • Styles stay inside'), [
        ['Web Components in Practice', '› Why bother', '› Shadow DOM'],
      ]);
    });
    it('Should span a section from its line to its last non-blank line before the next section', () => {
      const doc = parse('Talk by Ann Other', 'Part one', '  • a', '', 'Part two', '  • b', '');
      assert.deepEqual(doc.sections.map((s) => [textOf(doc, s.headingSpan), lineOf(doc, s.span.start), lineOf(doc, s.span.end)]), [['Part one', 2, 3], ['Part two', 5, 6]]);
      assert.equal(doc.sections[0].talk, doc.talks[0]);
    });
    it('Should keep talks that find their title by bullets alone free of sections: Lighting talks then Closing', () => {
      assert.deepEqual(outline('Lighting talks', '  • a', 'Closing', '  • b'), [['Lighting talks'], ['Closing']]);
      assert.deepEqual(outline('Secret Projects', '  • a', 'Hardware Hacks', '  • b'), [['Secret Projects'], ['Hardware Hacks']]);
    });
    it('Should give sections to a talk that calls itself one (a keynote) though it names no speaker', () => {
      assert.deepEqual(outline('Jono Bacon Keynote', '  • intro', 'Community', '  • a', 'Tools', '  • b'), [['Jono Bacon Keynote', '› Community', '› Tools']]);
    });
    it('Should not make a section of a line that calls itself a talk, has a speaker or a slot', () => {
      assert.deepEqual(outline('Talk by Ann Other', '  • a', 'Lightning Talks', '  • b'), [['Talk'], ['Lightning Talks']]);
      assert.deepEqual(outline('Talk by Ann Other', '  • a', 'Panel: the future', '  • b'), [['Talk'], ['Panel: the future']]);
      assert.deepEqual(outline('Talk by Ann Other', '  • a', 'Next – Bo Ng', '  • b'), [['Talk'], ['Next']]);
      assert.deepEqual(outline('Talk by Ann Other', '  • a', '11:00 Next', '  • b'), [['Talk'], ['11:00 Next']]);
    });
    it('Should leave a line without bullets after it a paragraph, and end sections at a header', () => {
      const doc = parse('Talk by Ann Other', 'Why', '  • a', 'Morning tea', '', 'X 2019 – Day 1 – Session 2', 'Why', '  • b');
      assert.deepEqual(doc.sections.map((s) => [s.title, lineOf(doc, s.span.end)]), [['Why', 4]]);
      assert.deepEqual(doc.talks.map((t) => t.title), ['Talk', 'Why']);
    });
  });

  describe('bullets', () => {
    it('Should accept every marker, a marker at column 0 and tab indentation', () => {
      const doc = parse('Talk', '- top', '\t• tabbed child', '    * grandchild', '  ◦ a', '  ‣ b', '  ▪ c');
      assert.deepEqual(kinds(doc).talks, ['Talk'], '"- top" at column 0 is a bullet, not a title');
      const b = doc.bullets;
      const [top, ...otherRoots] = b.roots();
      assert.equal(textOf(doc, b.textSpan(top)), 'top');
      const [child] = b.children(top);
      assert.equal(b.level(child), 2);
      assert.equal(b.level(b.children(child)[0]), 3);
      assert.deepEqual(otherRoots, []);
      assert.deepEqual(b.children(top).map((i) => textOf(doc, b.markerSpan(i))), ['•', '◦', '‣', '▪']);
    });
    it('Should nest to any depth', () => {
      const lines = ['Deep'];
      for (let i = 0; i < 30; i++) lines.push(' '.repeat(2 * i) + '• level ' + (i + 1));
      const bullets = parse(...lines).bullets;
      let b = bullets.roots()[0];
      while (bullets.hasChildren(b)) b = bullets.children(b)[0];
      assert.equal(bullets.level(b), 30);
      assert.equal(bullets.parent(b), 28);
    });
    it('Should let indented non-bullet lines continue the bullet above', () => {
      const doc = parse('Talk', '  • first', '    more of first', '  • second');
      assert.equal(textOf(doc, doc.bullets.span(0)), '• first\n    more of first');
    });
    it('Should not take a dash glued to a word as a marker', () => {
      assert.deepEqual(kinds(parse('-5 degrees by Ann Other')).talks, ['-5 degrees | Ann Other']);
    });
  });

  describe('blank lines, line ends and BOM', () => {
    it('Should treat lines of spaces, tabs and U+00A0 as blank', () => {
      const doc = parse('Talk', ' \u00a0\t', '  • x');
      assert.deepEqual(kinds(doc).talks, ['Talk']);
    });
    it('Should read CRLF and CR line ends like LF', () => {
      for (const eol of ['\r\n', '\r']) {
        const doc = parseNotes(['LCA 2016 – Friday – Session 1', '', 'Talk by Ann Other', '  • x', '    • y'].join(eol));
        assert.deepEqual(kinds(doc), { sessions: ['LCA 2016 | Friday | Session 1'], talks: ['Talk | Ann Other'] });
        assert.equal(doc.bullets.children(0).length, 1);
        assert.equal(doc.lines.positionAt(doc.talks[0].span.end).line, 4);
      }
    });
    it('Should ignore a UTF-8 BOM before the first header', () => {
      const doc = parseNotes('\ufeffLCA 2016 – Friday – Session 1\nTalk by Ann Other');
      assert.equal(doc.sessions[0].event, 'LCA 2016');
      assert.equal(textOf(doc, doc.sessions[0].headerSpan), 'LCA 2016 – Friday – Session 1');
    });
    it('Should never throw, whatever the input', () => {
      for (const text of ['', '\n\n\n', '\u0000\ud800\udfff', '•', '- ', '\t\t', ' – – ', '2016 – – x', 'a by ', '\ufeff']) {
        assert.doesNotThrow(() => parseNotes(text), JSON.stringify(text));
      }
    });
  });

  describe('hostile lines (regressions)', () => {
    // Caught: `\s+$` and the dash-separator regexes backtracked quadratically on long runs of spaces.
    for (const [name, make] of [
      ['spaces inside a line', (n: number) => 'x' + ' '.repeat(n) + 'y'],
      ['spaces and no-break spaces before a dash', (n: number) => 'x' + ' \u00a0'.repeat(n) + '-y'],
      ['spaces inside a bullet', (n: number) => '  • a' + ' '.repeat(n) + 'b'],
    ] as const) {
      it(`Should parse in linear time with ${name}`, () => {
        const factor = growthFactor(make, parseNotes);
        assert.ok(factor < 10, `4× the input took ${factor.toFixed(1)}× the time`);
      });
    }
  });
});
