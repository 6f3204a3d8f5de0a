/** Outline: day (detail: event) → session → talk (detail: speaker, organisation) → section; talks before any header at the top. */
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import type { NotesDocument, Section, Session, Talk } from '../parser/model';
import { toRange } from './ranges';

export function documentSymbols(doc: NotesDocument): DocumentSymbol[] {
  const section = (s: Section): DocumentSymbol => DocumentSymbol.create(s.title, undefined, SymbolKind.Field, toRange(doc, s.span), toRange(doc, s.headingSpan));
  const talk = (t: Talk): DocumentSymbol =>
    DocumentSymbol.create(t.title, speakerDetail(t), SymbolKind.Event, toRange(doc, t.span), toRange(doc, t.lineSpan), t.sections.length > 0 ? t.sections.map(section) : undefined);
  const session = (s: Session): DocumentSymbol =>
    DocumentSymbol.create(s.name, undefined, SymbolKind.Module, toRange(doc, s.span), toRange(doc, s.headerSpan), s.talks.map(talk));
  return [
    ...doc.looseTalks.map(talk),
    ...doc.days.map((d) =>
      DocumentSymbol.create(d.day, d.event, SymbolKind.Namespace, toRange(doc, d.span), toRange(doc, d.daySpan), d.sessions.map(session)),
    ),
  ];
}

/** `Wen Li (Fastly)`: the speaker with the organisation, as outlines and hovers show it. */
export function speakerDetail(t: Talk): string | undefined {
  if (t.speaker === null) return undefined;
  return t.organisation === null ? t.speaker : `${t.speaker} (${t.organisation})`;
}
