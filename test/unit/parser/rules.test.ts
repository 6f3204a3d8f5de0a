import { strict as assert } from 'node:assert';
import { parseNotes } from '../../../server/src/parser/parseNotes';
import { isSpeaker, titleShape } from '../../../server/src/parser/lineRules';
import { growthFactor, lineOf, parse, textOf } from '../../helpers';

const kinds = (doc: ReturnType<typeof parse>) => ({
  sessions: doc.sessions.map((s) => `${s.event} | ${s.day} | ${s.name}`),
  talks: doc.talks.map((t) => (t.speaker ? `${t.title} | ${t.speaker}` : t.title)),
});

describe('format rules', () => {
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
      const shape = titleShape('Sentrifarm – open hardware telemetry system for Australian farming conditions by Andrew McDonnell');
      assert.equal(shape.title.text, 'Sentrifarm – open hardware telemetry system for Australian farming conditions');
      assert.equal(shape.speaker?.text, 'Andrew McDonnell');
    });
    it('Should split "Title – Speaker" at the last dash', () => {
      assert.deepEqual([titleShape('LNAV – Paul Wayper').title.text, titleShape('LNAV – Paul Wayper').speaker?.text], ['LNAV', 'Paul Wayper']);
    });
    it('Should accept a quoted nickname, initials, particles and several speakers', () => {
      for (const name of ['Paul ‘@pjf’ Fenwick', 'Elizabeth K. Joseph', 'Ludwig van Beethoven', 'Alice Smith and Bob Jones', "Conor O'Brien"]) {
        assert.ok(isSpeaker(name), name);
      }
    });
    it('Should not take lower-case text or a single word as a speaker', () => {
      for (const text of ['another take on securely storing credentials', 'Paul', 'the ESP8266', 'Bob smith']) assert.ok(!isSpeaker(text), text);
      assert.equal(titleShape('secretd – another take on securely storing credentials').speaker, null);
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
