/**
 * Edits as the server applies them: random sequences of incremental changes applied to the
 * server's line-based document must give the same text as the reference TextDocument, and
 * parsing each version with the facts cached from the previous one must give the same model
 * as a fresh parse of the final text. Seeded; FAST_CHECK_RUNS / FAST_CHECK_SEED change the run.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { REAL_WORLD_LINES } from './realWorldLines';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { documentLinks } from '../../server/src/features/documentLinks';
import { documentSymbols } from '../../server/src/features/documentSymbols';
import { foldingRanges } from '../../server/src/features/foldingRanges';
import { linkDiagnostics } from '../../server/src/features/diagnostics/linkDiagnostics';
import { LineDocument } from '../../server/src/lsp/lineDocument';
import { breakAfter } from '../../server/src/parser/textLines';
import { LineTable } from '../../server/src/parser/lineTable';
import { LineFactsCache } from '../../server/src/parser/lineFactsCache';
import { normalizeName } from '../../server/src/parser/lineRules';
import type { NotesDocument } from '../../server/src/parser/model';
import { DEFAULT_FORMAT, parseNotes, type FormatOptions } from '../../server/src/parser/parseNotes';
import { DocumentModels } from '../../server/src/lsp/documentModels';
import { defaultSettings, linkOptions } from '../../server/src/settings';
import { referenceEdit, SAMPLE } from '../helpers';

const RUNS = Number(process.env.FAST_CHECK_RUNS ?? 1000);
const SEED = process.env.FAST_CHECK_SEED ? Number(process.env.FAST_CHECK_SEED) : undefined;
const options = linkOptions(defaultSettings);
const sampleLines = SAMPLE.split('\n');

const snippet = fc.oneof(
  fc.constantFrom('', 'x', '\n', '\r', '\r\n', '\n\n', '  • ', '• new bullet\n', 'Talk by Ann Other\n', 'LCA 2017 – Monday – Session 1\n', 'github/x ', 'http://a.b', '😀', '\u00a0', '\ufeff', '\ud800', '\t', ' – '),
  // The shapes of other writers (docs/FORMAT.md): sections, speaker first, organisations, slots.
  fc.constantFrom(...REAL_WORLD_LINES).map((l) => l + '\n'),
  fc.constantFrom(...sampleLines).map((l) => l + '\n'),
  fc.string({ maxLength: 8 }),
);
const startText = fc.array(fc.oneof(fc.constantFrom(...sampleLines), fc.constantFrom(...REAL_WORLD_LINES), fc.string({ maxLength: 10 })), { maxLength: 40 }).map((l) => l.join('\n'));
const position = fc.record({ line: fc.integer({ min: -1, max: 45 }), character: fc.integer({ min: -1, max: 90 }) });
const edit = fc.record({ start: position, end: position, text: snippet });
const session = fc.record({ text: startText, edits: fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { maxLength: 12 }) });

/** Everything a client sees of a model, and the bullet tree. */
function observable(doc: NotesDocument) {
  const b = doc.bullets;
  const bullets = Array.from({ length: b.count }, (_, i) => [b.parent(i), b.level(i), b.span(i), b.textSpan(i), b.markerSpan(i)]);
  return {
    symbols: documentSymbols(doc),
    folding: foldingRanges(doc),
    links: documentLinks(doc),
    diagnostics: linkDiagnostics(doc, options),
    linkModels: doc.links,
    references: doc.references,
    talks: doc.talks.map((t) => [t.title, t.speaker, t.organisation, t.reading, t.titleSpan, t.speakerSpan, t.organisationSpan, t.span]),
    sections: doc.sections.map((s) => [s.title, s.headingSpan, s.span, doc.talks.indexOf(s.talk)]),
    bullets,
    lineCount: doc.lines.lineCount,
    length: doc.lines.length,
  };
}

describe('incremental edits', function () {
  this.timeout(120000 + 5 * RUNS); // npm run fuzz raises RUNS

  it('Should keep the same text as splicing the whole string at TextDocument offsets, after any sequence of changes', () => {
    fc.assert(
      fc.property(session, ({ text, edits }) => {
        let ours = LineDocument.create('file:///x.notes', 'confnotes', 1, text);
        void ours.lines;
        let expected = text;
        let version = 1;
        for (const changes of edits) {
          ours = LineDocument.update(ours, changes.map((c) => ({ range: { start: c.start, end: c.end }, text: c.text })), ++version);
          for (const c of changes) expected = referenceEdit(expected, c, c.text);
          assert.equal(ours.getText(), expected);
          assert.equal(ours.lineCount, TextDocument.create('file:///y.notes', 'confnotes', 1, expected).lineCount);
          // The line table, made from the previous version's after a single change, as one made from scratch.
          const fresh = LineTable.of(ours.text);
          const table = ours.lines;
          assert.equal(table.length, fresh.length);
          for (let l = 0; l < ours.lineCount; l++) assert.deepEqual([table.lineStart(l), table.lineEnd(l)], [fresh.lineStart(l), fresh.lineEnd(l)]);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('Should parse each version with cached line facts exactly as a fresh parse of its text', () => {
    fc.assert(
      fc.property(session, ({ text, edits }) => {
        const cache = new LineFactsCache();
        let document = LineDocument.create('file:///x.notes', 'confnotes', 1, text);
        parseNotes(document.text, { cache });
        let version = 1;
        for (const changes of edits) {
          document = LineDocument.update(document, changes.map((c) => ({ range: { start: c.start, end: c.end }, text: c.text })), ++version);
          const incremental = parseNotes(document.text, { cache });
          assert.deepEqual(observable(incremental), observable(parseNotes(document.getText())));
          assert.equal(incremental.text, document.getText());
        }
      }),
      { numRuns: Math.ceil(RUNS / 2), seed: SEED },
    );
  });

  it('Should parse in slices with edits and format changes arriving meanwhile: each asker gets its version or a newer one, the last version as a fresh parse', async () => {
    // Every document sliced, one step a turn: edits land in the middle of parses.
    // A format that changes most models: speakers first, and every line of the sample and of other writers a section.
    const first: FormatOptions = { speakerPosition: 'start', talks: new Set(), sections: new Set([...sampleLines, ...REAL_WORLD_LINES].map(normalizeName)) };
    const action = fc.oneof(
      fc.record({ kind: fc.constant('edit' as const), changes: fc.array(edit, { minLength: 1, maxLength: 3 }) }),
      fc.record({ kind: fc.constant('ask' as const) }),
      fc.record({ kind: fc.constant('turns' as const), count: fc.integer({ min: 0, max: 6 }) }),
      fc.record({ kind: fc.constant('format' as const), first: fc.boolean() }),
    );
    await fc.assert(
      fc.asyncProperty(startText, fc.array(action, { maxLength: 16 }), async (text, actions) => {
        // Pauses every 3 lines: a parse dropped half way leaves some lines' facts read, others not.
        const models = new DocumentModels(undefined, undefined, { fromLines: 0, sliceMs: 0, linesPerStep: 3 });
        let document = LineDocument.create('file:///x.notes', 'confnotes', 1, text);
        const texts = [text];
        const formats = new Set<FormatOptions>([DEFAULT_FORMAT]);
        let format = DEFAULT_FORMAT;
        const asked: Array<{ version: number; model: Promise<NotesDocument> }> = [];
        for (const a of actions) {
          if (a.kind === 'edit') {
            document = LineDocument.update(document, a.changes.map((c) => ({ range: { start: c.start, end: c.end }, text: c.text })), document.version + 1);
            texts.push(document.getText());
          } else if (a.kind === 'ask') {
            asked.push({ version: document.version, model: Promise.resolve(models.get(document)) });
          } else if (a.kind === 'format') {
            format = a.first ? first : DEFAULT_FORMAT;
            formats.add(format);
            models.useFormat(format);
          } else {
            for (let i = 0; i < a.count; i++) await new Promise((resolve) => setImmediate(resolve));
          }
        }
        const last = await models.get(document);
        assert.deepEqual(observable(last), observable(parseNotes(document.getText(), { format })));
        for (const { version, model } of asked) {
          const got = JSON.stringify(observable(await model));
          const versions = texts.slice(version - 1).flatMap((t) => [...formats].map((f) => JSON.stringify(observable(parseNotes(t, { format: f })))));
          assert.ok(versions.includes(got), `asked at version ${version}, got a model of no version since`);
        }
      }),
      { numRuns: Math.ceil(RUNS / 5), seed: SEED },
    );
  });

  it('Should hold one facts object for plain lines of the same shape and length, and their own for others', () => {
    const cache = new LineFactsCache();
    const lines = ['Talk by Ann Other', '  • first', '  • other', '    • first', '  • firsts', '  • x.io', '  • [[Talk]]', '    continued', '    continues', '  • xyzw', '  • [[Tolk]]'];
    parseNotes({ lines, breaks: new Uint8Array(lines.length).fill(1) }, { cache });
    const facts = cache.startParse(lines);
    const same = (a: number, b: number) => facts[a] === facts[b];
    assert.ok(same(1, 2), 'two bullets, same indent and length');
    assert.ok(!same(1, 3) && !same(1, 4), 'deeper, or longer');
    assert.ok(same(1, 2) && !same(5, 9) && facts[5]!.links.length === 1, 'a link is its own, beside a plain bullet as long');
    assert.ok(facts[6]!.references.length === 1 && !same(6, 10), 'so is a reference');
    assert.ok(same(7, 8), 'continuation lines');
    assert.ok(!same(0, 1));
  });

  it('Should read a line moved to the first line again: a BOM there is not content', () => {
    const cache = new LineFactsCache();
    let document = LineDocument.create('file:///x.notes', 'confnotes', 1, 'x\n\ufeffTalk by Ann Other\n  • a');
    parseNotes(document.text, { cache });
    document = LineDocument.update(document, [{ range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: '' }], 2);
    assert.deepEqual(observable(parseNotes(document.text, { cache })), observable(parseNotes(document.getText())));
    assert.equal(parseNotes(document.getText()).talks[0]?.title, 'Talk');
  });

  it('Should tell of a large document once, before its first parse in slices, and count every parse', async () => {
    const heard: string[] = [];
    const watcher = { parsed: (lines: number) => heard.push(`parsed ${lines}`), largeDocumentCame: () => heard.push('large') };
    const models = new DocumentModels(watcher, undefined, { fromLines: 3, sliceMs: 0 });
    const small = LineDocument.create('file:///small.notes', 'confnotes', 1, 'a\nb');
    let large = LineDocument.create('file:///large.notes', 'confnotes', 1, 'a\nb\nc');
    models.get(small);
    const first = models.get(large);
    assert.deepEqual(heard, ['parsed 2', 'large'], 'told before the parse, not after it');
    await first;
    large = LineDocument.update(large, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }], 2);
    await models.get(large);
    assert.deepEqual(heard, ['parsed 2', 'large', 'parsed 3', 'parsed 3']);
  });

  it('Should apply a whole-text change', () => {
    const doc = LineDocument.update(LineDocument.create('file:///x.notes', 'confnotes', 1, 'a\nb'), [{ text: 'c\r\nd\re' }], 2);
    assert.deepEqual(doc.text.lines, ['c', 'd', 'e']);
    assert.deepEqual([0, 1, 2].map((l) => breakAfter(doc.text, l)), ['\r\n', '\r', '']);
  });

  it('Should read again only the lines an edit changed, and each distinct line once when many changed', () => {
    const cache = new LineFactsCache();
    // The sample twice: a file repeating its lines holds one facts object per distinct line.
    let document = LineDocument.create('file:///x.notes', 'confnotes', 1, `${SAMPLE}\n${SAMPLE}`);
    parseNotes(document.text, { cache });
    const distinct = new Set(sampleLines).size;
    assert.ok(cache.linesRead <= distinct + 1, `${cache.linesRead} lines read for ${distinct} distinct lines`);
    const edits: Array<[string, number]> = [
      ['x', 1], // a character typed: its line
      ['\n', 2], // Enter: the line split in two
      ['', 0], // nothing changed
    ];
    for (const [text, read] of edits) {
      const before = cache.linesRead;
      const at = { line: 500, character: 3 };
      document = LineDocument.update(document, [{ range: { start: at, end: at }, text }], document.version + 1);
      parseNotes(document.text, { cache });
      assert.equal(cache.linesRead - before, read, JSON.stringify(text));
    }
    // Every line replaced by an equal one (a client sending the whole text): no line is read again.
    const before = cache.linesRead;
    parseNotes(LineDocument.create('file:///x.notes', 'confnotes', 9, document.getText()).text, { cache });
    assert.equal(cache.linesRead - before, 0);
    // A line joined with the next one: one line read, everything else taken over by position.
    const joined = cache.linesRead;
    document = LineDocument.update(document, [{ range: { start: { line: 10, character: 1e9 }, end: { line: 11, character: 0 } }, text: '' }], document.version + 1);
    parseNotes(document.text, { cache });
    assert.equal(cache.linesRead - joined, 1);
  });
});
