/**
 * Properties of the parser and every feature on generated documents: lines of the sample,
 * random and binary strings, and the characters that break parsers (CR, BOM, NBSP, emoji,
 * combining marks, lone surrogates, NUL). Seeded; fast-check prints the seed and the
 * shrunk input on failure. FAST_CHECK_RUNS / FAST_CHECK_SEED change the run.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { DocumentSymbol, Range } from 'vscode-languageserver-types';
import { findings } from '../../server/src/cli/check';
import { codeActions } from '../../server/src/features/codeActions';
import { codeLenses } from '../../server/src/features/codeLenses';
import { definition } from '../../server/src/features/definition';
import { documentLinks } from '../../server/src/features/documentLinks';
import { documentSymbols } from '../../server/src/features/documentSymbols';
import { foldingRanges } from '../../server/src/features/foldingRanges';
import { hover } from '../../server/src/features/hover';
import { linkDiagnostics } from '../../server/src/features/diagnostics/linkDiagnostics';
import { referenceDiagnostics } from '../../server/src/features/diagnostics/referenceDiagnostics';
import { selectionRanges } from '../../server/src/features/selectionRanges';
import { outlineChildren, outlinePath } from '../../server/src/features/workspaceOutline';
import { workspaceSymbols } from '../../server/src/features/workspaceSymbols';
import type { NotesDocument } from '../../server/src/parser/model';
import { parseNotes } from '../../server/src/parser/parseNotes';
import { defaultSettings, linkOptions } from '../../server/src/settings';
import { summarize } from '../../server/src/workspace/fileSummary';
import { WorkspaceIndex } from '../../server/src/workspace/workspaceIndex';
import { SAMPLE } from '../helpers';

const RUNS = Number(process.env.FAST_CHECK_RUNS ?? 1000);
const SEED = process.env.FAST_CHECK_SEED ? Number(process.env.FAST_CHECK_SEED) : undefined;
const options = linkOptions(defaultSettings);

const piece = fc.oneof(
  fc.constantFrom(...SAMPLE.split('\n')),
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('\r', '\r\n', '\t', '\u00a0', '\ufeff', '😀', 'e\u0301', '\ud800', '\udfff', '\u0000', ' – ', '• ', '- ', '  ', 'http://', 'htp:/', 'github/', 'www.', '(', ')', ' by ', '2016', '[[', ']]', '|', '#', 'x.notes#', '[[Closing]]', '[[LNAV|it]]'),
);
const documents = fc.tuple(fc.array(piece, { maxLength: 60 }), fc.constantFrom('\n', '', ' ')).map(([parts, glue]) => parts.join(glue));

describe('properties of the parser and features on generated documents', function () {
  this.timeout(60000 + 5 * RUNS); // npm run fuzz raises RUNS

  const inside = (doc: NotesDocument, inner: Range, outer: Range) =>
    doc.lines.offsetAt(inner.start) >= doc.lines.offsetAt(outer.start) && doc.lines.offsetAt(inner.end) <= doc.lines.offsetAt(outer.end);
  const ordered = (doc: NotesDocument, r: Range) =>
    doc.lines.offsetAt(r.start) <= doc.lines.offsetAt(r.end) && r.start.line >= 0 && r.end.line < doc.lines.lineCount;

  it('Should resolve references, outline and search a workspace of generated documents without throwing, ranges on one line', () => {
    fc.assert(
      fc.property(fc.array(documents, { minLength: 1, maxLength: 4 }), fc.string(), (texts, query) => {
        const index = new WorkspaceIndex();
        const docs = texts.map((text, i) => {
          const doc = parseNotes(text);
          index.setFromDisk(summarize(`file:///w/${i}.notes`, doc));
          return doc;
        });
        docs.forEach((doc, i) => {
          for (const d of referenceDiagnostics(doc, index, options)) assert.ok(ordered(doc, d.range) && d.range.start.line === d.range.end.line);
          for (const l of documentLinks(doc, index)) assert.ok(ordered(doc, l.range));
          for (const r of doc.references) {
            definition(doc, index, r.span.start);
            hover(doc, r.targetSpan.end, options, index);
          }
          codeLenses(doc, index, `file:///w/${i}.notes`);
        });
        const walk = (parent: string | null): number => outlineChildren(index, parent).reduce((n, node) => n + (node.kind === 'talk' ? 1 : walk(node.id)), 0);
        assert.equal(walk(null), index.talks().length, 'the view holds every talk once');
        for (const t of index.talks()) assert.equal(outlinePath(index, t.uri, 'talk', t.ordinal).at(-1)?.label, t.title);
        workspaceSymbols(index, query);
      }),
      { numRuns: Math.max(10, RUNS >> 2), seed: SEED },
    );
  });

  it('Should never throw, keep every range in the document and ordered, and children inside parents', () => {
    fc.assert(
      fc.property(documents, (text) => {
        const doc = parseNotes(text);
        const walk = (s: DocumentSymbol, parent?: DocumentSymbol) => {
          assert.ok(s.name.length > 0, 'symbol names are never empty');
          assert.ok(ordered(doc, s.range) && ordered(doc, s.selectionRange));
          assert.ok(inside(doc, s.selectionRange, s.range), `${s.name}: selection inside range`);
          if (parent) assert.ok(inside(doc, s.range, parent.range), `${s.name} inside ${parent.name}`);
          s.children?.forEach((c) => walk(c, s));
        };
        documentSymbols(doc).forEach((s) => walk(s));
        checkBullets(doc);
        for (const f of foldingRanges(doc)) assert.ok(f.startLine < f.endLine && f.endLine < doc.lines.lineCount);
        for (const l of documentLinks(doc)) assert.ok(ordered(doc, l.range));
        for (const d of linkDiagnostics(doc, options)) assert.ok(ordered(doc, d.range) && d.range.start.line === d.range.end.line, 'a diagnostic lies on its line');
        for (const l of doc.links) assert.equal(text.slice(l.span.start, l.span.end), l.text, 'a link covers exactly its text');
        checkReferences(doc, text);
        for (const r of selectionRanges(doc, [0, text.length >> 1, text.length])) {
          for (let inner = r; inner.parent; inner = inner.parent) assert.ok(ordered(doc, inner.range) && inside(doc, inner.range, inner.parent.range), 'each selection inside the next');
        }
        for (let offset = 0; offset <= text.length; offset += Math.max(1, text.length >> 3)) hover(doc, offset, options);
        codeActions(doc, 'file:///x.notes', { start: { line: 0, character: 0 }, end: { line: doc.lines.lineCount, character: 0 } }, { ...options, ignoreLinkCommand: true });
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  /** Every reference is `[[…]]` on one line, its parts nested, its target exactly its text, and no link overlaps it. */
  const checkReferences = (doc: NotesDocument, text: string) => {
    const within = (inner: { start: number; end: number }, outer: { start: number; end: number }) => inner.start >= outer.start && inner.end <= outer.end;
    for (const r of doc.references) {
      const written = text.slice(r.span.start, r.span.end);
      assert.ok(written.startsWith('[[') && written.endsWith(']]') && !/[\r\n]/.test(written), `a reference is [[…]] on one line: ${JSON.stringify(written)}`);
      assert.ok(within(r.targetSpan, r.partSpan) && within(r.partSpan, r.span) && r.targetSpan.start < r.targetSpan.end, 'title inside part inside reference');
      assert.equal(text.slice(r.targetSpan.start, r.targetSpan.end), r.target);
      assert.ok(!doc.links.some((l) => l.span.start < r.span.end && r.span.start < l.span.end), 'no link inside a reference');
    }
  };

  /** Every bullet inside the text and inside its parent, levels counting parents, each bullet reached once from the roots. */
  const checkBullets = (doc: NotesDocument) => {
    const b = doc.bullets;
    const within = (inner: { start: number; end: number }, outer: { start: number; end: number }) => inner.start >= outer.start && inner.end <= outer.end;
    let reached = 0;
    const walk = (indexes: number[], parent: number) => {
      for (const i of indexes) {
        reached++;
        assert.equal(b.parent(i), parent);
        assert.equal(b.level(i), parent < 0 ? 1 : b.level(parent) + 1);
        assert.ok(within(b.span(i), { start: 0, end: doc.text.length }) && b.span(i).start < b.span(i).end, 'bullet inside the text');
        assert.ok(within(b.markerSpan(i), b.span(i)) && within(b.textSpan(i), b.span(i)), 'marker and text inside the bullet');
        if (parent >= 0) assert.ok(within(b.span(i), b.span(parent)), 'child inside parent');
        walk(b.children(i), i);
      }
    };
    walk(b.roots(), -1);
    assert.equal(reached, b.count, 'every bullet reached once from the roots');
  };

  it('Should put columns in UTF-16 code units after emoji, NBSP and combining marks (and code points in the CLI)', () => {
    // Counted independently of the parser: two units for a character beyond U+FFFF, one for
    // anything else (a lone surrogate included). U+2028 is no line break in LSP.
    const units = (s: string) => [...s].reduce((n, ch) => n + (ch.codePointAt(0)! > 0xffff ? 2 : 1), 0);
    const char = fc.constantFrom('a', 'Z', ' ', '\t', '\u00a0', '😀', '👩‍💻', 'e\u0301', '\ud800', '日本', '\u2028', '\ufeff', '𝔘', 'ü', '–');
    const prefix = fc.array(char, { maxLength: 12 }).map((c) => c.join(''));
    const earlier = fc.array(fc.constantFrom(...SAMPLE.split('\n').slice(0, 30), '😀 by 😀', '\u00a0'), { maxLength: 5 });
    fc.assert(
      fc.property(earlier, prefix, prefix, fc.constantFrom('\n', '\r\n', '\r'), (lines, before, after, eol) => {
        const line = `  • ${before} github/steven-ellis ${after}`;
        const text = [...lines, line].join(eol);
        const doc = parseNotes(text);
        const start = { line: lines.length, character: units(`  • ${before} `) };
        const end = { line: lines.length, character: start.character + 'github/steven-ellis'.length };
        const found = linkDiagnostics(doc, options).filter((d) => d.range.start.line === lines.length);
        assert.deepEqual(found.map((d) => d.range), [{ start, end }]);
        const [finding] = findings('x.notes', doc, options).filter((f) => f.line === lines.length + 1);
        assert.deepEqual([finding.column, finding.endColumn], [[...`  • ${before} `].length + 1, [...`  • ${before} github/steven-ellis`].length + 1]);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('Should be deterministic: the same text gives the same results', () => {
    fc.assert(
      fc.property(documents, (text) => {
        const [a, b] = [parseNotes(text), parseNotes(text)];
        assert.deepEqual(documentSymbols(a), documentSymbols(b));
        assert.deepEqual(linkDiagnostics(a, options), linkDiagnostics(b, options));
      }),
      { numRuns: Math.ceil(RUNS / 4), seed: SEED },
    );
  });
});
