import { strict as assert } from 'node:assert';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import { documentSymbols } from '../../../server/src/features/documentSymbols';
import { parseNotes } from '../../../server/src/parser/parseNotes';
import { SAMPLE, parse } from '../../helpers';

const inside = (inner: Range, outer: Range) =>
  (inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character)) &&
  (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));

describe('documentSymbols', () => {
  const symbols = documentSymbols(parseNotes(SAMPLE));

  it('Should nest day (detail: event) → session → talk (detail: speaker)', () => {
    const [friday] = symbols;
    assert.deepEqual([friday.name, friday.detail], ['Friday', 'Linux.conf.au 2016']);
    assert.deepEqual(friday.children!.map((s) => s.name), ['Session 3', 'Session 2', 'Session 1']);
    assert.deepEqual(friday.children![0].children!.map((t) => [t.name, t.detail]), [['Lighting talks', undefined], ['Closing', undefined]]);
    assert.deepEqual([friday.children![1].children![0].name, friday.children![1].children![0].detail], ['Free as in cheap gadgets: the ESP8266', 'Angus Gratton']);
    assert.deepEqual(symbols.map((d) => d.name), ['Friday', 'Thursday', 'Wednesday', 'Sysadmin Miniconf']);
  });

  it('Should keep every selection range inside its range and every child inside its parent', () => {
    const check = (s: DocumentSymbol, parent?: DocumentSymbol) => {
      assert.ok(inside(s.selectionRange, s.range), `${s.name}: selection inside range`);
      if (parent) assert.ok(inside(s.range, parent.range), `${s.name} inside ${parent.name}`);
      s.children?.forEach((c) => check(c, s));
    };
    symbols.forEach((s) => check(s));
  });

  it('Should put name and selection ranges on the header and title text', () => {
    const session = symbols[0].children![0];
    assert.deepEqual(session.selectionRange, { start: { line: 0, character: 0 }, end: { line: 0, character: 39 } });
    assert.deepEqual(symbols[0].selectionRange, { start: { line: 0, character: 21 }, end: { line: 0, character: 27 } }, 'the day part of the first header');
    const lnav = symbols[3].children![0].children!.at(-1)!;
    assert.deepEqual([lnav.name, lnav.selectionRange], ['LNAV', { start: { line: 978, character: 0 }, end: { line: 978, character: 18 } }]);
  });

  it('Should list talks before the first header at the top level', () => {
    const s = documentSymbols(parse('Warm-up by Ann Other', '  • x', 'LCA 2016 – Friday – Session 1', 'Talk by Bo Ng'));
    assert.deepEqual(s.map((x) => x.name), ['Warm-up', 'Friday']);
  });

  it('Should give UTF-16 columns after non-ASCII text', () => {
    const [day] = documentSymbols(parse('Ünïcödé 😀 2016 – Friday – Session 1'));
    assert.deepEqual(day.selectionRange.start, { line: 0, character: 'Ünïcödé 😀 2016 – '.length });
    assert.equal('Ünïcödé 😀 2016 – '.length, 18, 'the emoji counts as two');
  });
  it('Should put sections under their talk as fields, and the organisation in the talk\'s detail', () => {
    const [talk] = documentSymbols(parse('Edge Caching — Wen Li (Fastly)', '', 'Why', '  • a', 'How', '  • b'));
    assert.deepEqual([talk.name, talk.detail, talk.kind], ['Edge Caching', 'Wen Li (Fastly)', SymbolKind.Event]);
    assert.deepEqual(talk.children!.map((c) => [c.name, c.kind, c.range.start.line, c.range.end.line, c.selectionRange.start.line]), [['Why', SymbolKind.Field, 2, 3, 2], ['How', SymbolKind.Field, 4, 5, 4]]);
    for (const c of talk.children!) assert.ok(inside(c.range, talk.range));
  });
});
