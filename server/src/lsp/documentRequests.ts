/** Requests about one open document, each answered by one feature on its model. */
import type { Connection } from 'vscode-languageserver';
import type { Configuration } from './configuration';
import { codeActions } from '../features/codeActions';
import { documentLinks } from '../features/documentLinks';
import { documentSymbols } from '../features/documentSymbols';
import { foldingRanges } from '../features/foldingRanges';
import { formatting } from '../features/formatting';
import { nextHeaders } from '../features/completion/headerCompletion';
import { onTypeFormatting } from '../features/onTypeFormatting';
import { hover, referencedTalk } from '../features/hover';
import { overviewLines } from '../features/overview';
import { selectionRanges } from '../features/selectionRanges';
import { adjacentHeading, talkItems } from '../features/talks';
import { referenceAt } from '../features/targets';
import type { OpenDocuments } from './openDocuments';
import { AdjacentTalkRequest, ExportRequest, NextHeadersRequest, OverviewLinesRequest, TalksRequest } from '../protocol/requests';
import { exportPart, type ExportScope } from '../features/export/exportPart';
import type { WorkspaceRequests } from './workspaceRequests';
import type { ClientAbilities } from './clientAbilities';

/** Requests on one document, answered from its model; `client`: what the client said it can do at `initialize`. */
export function registerDocumentRequests(connection: Connection, open: OpenDocuments, configuration: Configuration, workspace: WorkspaceRequests, client: () => ClientAbilities | null): void {
  connection.onDocumentSymbol((p, token) => open.withModel(p.textDocument.uri, [], documentSymbols, token));
  connection.onFoldingRanges((p, token) => open.withModel(p.textDocument.uri, [], (m) => foldingRanges(m, { rangeLimit: client()?.foldingLimit }), token));
  connection.onDocumentLinks(async (p, token) => {
    // Links to talks need the index; a document without references does not wait for it.
    const withReferences = await open.withModel(p.textDocument.uri, false, (m) => m.references.length > 0, token);
    const index = withReferences ? await workspace.indexFor(token) : null;
    return open.withModel(p.textDocument.uri, [], (m) => documentLinks(m, m.references.length > 0 ? index : null), token);
  });
  connection.onHover(async (p, token) => {
    const options = await configuration.linkOptionsFor(p.textDocument.uri);
    // Hovers on links need no index; before the first indexing, references get none.
    const onReference = await open.withModel(p.textDocument.uri, false, (m) => referenceAt(m, m.lines.offsetAt(p.position)) !== null, token);
    const known = workspace.isIndexed && onReference ? await workspace.indexFor(token) : null;
    const talk = known ? await open.withModel(p.textDocument.uri, null, (m) => referencedTalk(m, m.lines.offsetAt(p.position), known), token) : null;
    const bullets = talk ? await workspace.firstBulletsOf(talk) : null;
    // A position outside the text is over nothing (offsetAt would clamp it onto the first or last line).
    const inside = (m: { lines: { lineCount: number } }) => p.position.line >= 0 && p.position.line < m.lines.lineCount && p.position.character >= 0;
    return open.withModel(p.textDocument.uri, null, (m) => (inside(m) ? hover(m, m.lines.offsetAt(p.position), options, known, () => bullets) : null), token);
  });
  connection.onCodeAction(async (p, token) => {
    const options = { ...(await configuration.linkOptionsFor(p.textDocument.uri)), ignoreLinkCommand: client()?.settingsCommands === true, only: p.context.only };
    return open.withModel(p.textDocument.uri, [], (m) => codeActions(m, p.textDocument.uri, p.range, options, p.context.diagnostics), token);
  });
  connection.onRequest(TalksRequest, (p, token) => open.withModel(p.textDocument.uri, [], (m) => talkItems(m, p.textDocument.uri), token));
  connection.onRequest(AdjacentTalkRequest, (p, token) => open.withModel(p.textDocument.uri, null, (m) => adjacentHeading(m, m.lines.offsetAt(p.position), p.direction, p.unit ?? 'talk'), token));
  connection.onRequest(OverviewLinesRequest, (p, token) => open.withModel(p.textDocument.uri, { sessions: [], talks: [], looseTalks: [] }, overviewLines, token));
  connection.onDocumentFormatting(async (p, token) => {
    const { layout } = await configuration.forUri(p.textDocument.uri);
    return open.withModel(p.textDocument.uri, [], (m) => formatting(m, layout), token);
  });
  connection.onDocumentRangeFormatting(async (p, token) => {
    const { layout } = await configuration.forUri(p.textDocument.uri);
    // Whole lines: a selection that starts or ends inside a line formats that line.
    return open.withModel(p.textDocument.uri, [], (m) => formatting(m, layout, p.range.start.line, p.range.end.character === 0 && p.range.end.line > p.range.start.line ? p.range.end.line - 1 : p.range.end.line), token);
  });
  connection.onDocumentOnTypeFormatting(async (p, token) => {
    const { layout } = await configuration.forUri(p.textDocument.uri);
    return open.withModel(p.textDocument.uri, [], (m) => onTypeFormatting(m, p.position.line, p.position.character, layout), token);
  });
  connection.onRequest(ExportRequest, (p, token) =>
    open.withModel(p.textDocument.uri, null, (m) => {
      const scope: ExportScope = p.range ? { kind: 'selection', range: p.range } : p.position ? { kind: 'cursor', line: p.position.line } : { kind: 'file' };
      const level = typeof p.headingLevel === 'number' ? p.headingLevel : undefined;
      return exportPart(m, scope, p.to === 'html' ? 'html' : 'markdown', { fragment: p.fragment === true, title: typeof p.title === 'string' ? p.title : undefined, headingLevel: level });
    }, token),
  );
  connection.onRequest(NextHeadersRequest, (p, token) => open.withModel(p.textDocument.uri, [], (m) => nextHeaders(m, p.position.line).map((h) => h.header), token));
  connection.onSelectionRanges((p, token) => open.withModel(p.textDocument.uri, [], (m) => selectionRanges(m, p.positions.map((pos) => m.lines.offsetAt(pos))), token));
}
