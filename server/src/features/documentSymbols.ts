/** Outline: day (detail: event) → session → talk (detail: speaker); talks before any header at the top. */
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import type { NotesDocument, Session, Talk } from '../parser/model';
import { toRange } from './ranges';

export function documentSymbols(doc: NotesDocument): DocumentSymbol[] {
  const talk = (t: Talk): DocumentSymbol =>
    DocumentSymbol.create(t.title, t.speaker ?? undefined, SymbolKind.Event, toRange(doc, t.span), toRange(doc, t.lineSpan));
  const session = (s: Session): DocumentSymbol =>
    DocumentSymbol.create(s.name, undefined, SymbolKind.Module, toRange(doc, s.span), toRange(doc, s.headerSpan), s.talks.map(talk));
  return [
    ...doc.looseTalks.map(talk),
    ...doc.days.map((d) =>
      DocumentSymbol.create(d.day, d.event, SymbolKind.Namespace, toRange(doc, d.span), toRange(doc, d.daySpan), d.sessions.map(session)),
    ),
  ];
}
