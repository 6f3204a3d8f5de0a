/**
 * Requests answered from the workspace index: the Conference Notes view, Go to Talk,
 * workspace symbols, and everything about `[[references]]` across files. Each waits for the
 * first indexing (or its own cancellation) with the open documents' text in the index.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';
import { backlinks } from '../features/backlinks';
import { codeLenses } from '../features/codeLenses';
import { completions } from '../features/completion/completion';
import { definition } from '../features/definition';
import { headerCompletions } from '../features/completion/headerCompletion';
import { speakerCompletions } from '../features/completion/speakerCompletion';
import { rename, RenameRefused, renameTarget } from '../features/rename';
import { linesOfText, searchNotes, type FileLines } from '../search/notesSearch';
import { searchTalks } from '../features/talkSearch';
import { outlineChildren, outlinePath } from '../features/workspaceOutline';
import { workspaceSymbols } from '../features/workspaceSymbols';
import type { Lifecycle } from './lifecycle';
import type { NotesWorkspace } from './notesWorkspace';
import { CheckRefused } from './onlineChecks';
import type { OpenDocuments } from './openDocuments';
import { OutlineChildrenRequest, OutlinePathRequest, SearchNotesRequest, SearchTalksRequest } from '../protocol/requests';
import { firstBullets } from '../features/hover';
import type { TalkEntry } from '../workspace/fileSummary';
import { canonicalUri, type WorkspaceIndex } from '../workspace/workspaceIndex';

/** Go to Talk lists at most this many per answer (it asks again as the user types). */
const TALKS_PER_SEARCH = 500;
/** Search Notes answers with at most this many talks (each with its lines). */
const RESULTS_PER_SEARCH = 200;

export class WorkspaceRequests {
  constructor(
    private readonly workspace: NotesWorkspace,
    private readonly open: OpenDocuments,
    private readonly lifecycle: Lifecycle,
  ) {}

  get isIndexed(): boolean {
    return this.workspace.isIndexed;
  }

  /**
   * The index for a workspace-wide answer, after the first indexing (or the request's
   * cancellation), with every open document's text in it — or, `namesOnly`, with their names
   * current (for answers that take positions from the document itself).
   */
  async indexFor(token: CancellationToken, namesOnly = false): Promise<WorkspaceIndex> {
    this.lifecycle.ensureRunning();
    await this.workspace.whenIndexed(token);
    for (const document of this.open.all()) await this.open.syncToIndex(document.uri, namesOnly, token);
    return this.workspace.index;
  }

  /** A talk's first bullets, from its file as the editor has it or as it is on disk; null if that talk is no longer there. */
  async firstBulletsOf(talk: TalkEntry): Promise<string[] | null> {
    const model = await this.open.modelOrDisk(talk.uri);
    // Changed since it was indexed: the bullets of another talk would mislead.
    return model && model.talks[talk.ordinal]?.title === talk.title ? firstBullets(model, talk.ordinal) : null;
  }

  /**
   * A file's lines as they are now, or null if it cannot be read; a file whose length changed
   * since it was indexed is read again. Nothing is kept between searches: a few decoded files
   * kept alive made the server's memory grow by 100 MB over a hundred searches.
   */
  private async linesFromFiles(uri: string): Promise<FileLines | null> {
    const read = await this.workspace.files.read(uri);
    if (!('text' in read)) return null;
    this.workspace.changedOnDisk(uri, read.text.length);
    return linesOfText(read.text);
  }

  register(connection: Connection): void {
    const open = this.open;
    connection.onRequest(OutlineChildrenRequest, async (p, token) => outlineChildren(await this.indexFor(token), p.parent));
    connection.onRequest(OutlinePathRequest, async (p, token) => outlinePath(await this.indexFor(token), canonicalUri(p.uri), p.kind, p.ordinal));
    connection.onRequest(SearchTalksRequest, async (p, token) => searchTalks(await this.indexFor(token), p.query, Math.min(p.limit, TALKS_PER_SEARCH)));
    connection.onRequest(SearchNotesRequest, async (p, token) => {
      if (typeof p?.query !== 'string') return { results: [], found: 0, problems: ['confnotes/search: "query" must be a string'] };
      const limit = typeof p.limit === 'number' && Number.isFinite(p.limit) ? Math.max(1, Math.min(Math.floor(p.limit), RESULTS_PER_SEARCH)) : 50;
      const index = await this.indexFor(token);
      await open.syncToSearch();
      const linesOf = (uri: string) => {
        const document = open.find(uri);
        if (!document) return this.linesFromFiles(uri);
        return open.modelOf(document).then((model) => ({ lineCount: model.lines.lineCount, lineText: (line: number) => model.lineText(line) }));
      };
      return searchNotes(index, this.workspace.search, p.query, linesOf, limit);
    });
    connection.onWorkspaceSymbol(async (p, token) => workspaceSymbols(await this.indexFor(token), p.query));
    connection.onDefinition(async (p, token) => {
      const index = await this.indexFor(token);
      return open.withModel(p.textDocument.uri, [], (m) => definition(m, index, m.lines.offsetAt(p.position)), token);
    });
    connection.onReferences(async (p, token) => {
      const index = await this.indexFor(token);
      return open.withModel(p.textDocument.uri, [], (m) => backlinks(m, index, canonicalUri(p.textDocument.uri), m.lines.offsetAt(p.position), p.context.includeDeclaration), token);
    });
    connection.onCodeLens(async (p, token) => {
      const index = await this.indexFor(token, true);
      return open.withModel(p.textDocument.uri, [], (m) => codeLenses(m, index, canonicalUri(p.textDocument.uri)), token);
    });
    connection.onCompletion(async (p, token) => {
      const index = await this.indexFor(token);
      return open.withModel(p.textDocument.uri, null, (m) => {
        const inReference = completions(m, index, m.lines.offsetAt(p.position));
        if (inReference) return inReference;
        const { line, character } = m.lines.positionAt(m.lines.offsetAt(p.position));
        const items = [...headerCompletions(m, line, character), ...speakerCompletions(m, index, line, character)];
        return items.length > 0 ? { isIncomplete: true, items } : null;
      }, token);
    });
    connection.onPrepareRename(async (p, token) => {
      const index = await this.indexFor(token);
      return open.withModel(p.textDocument.uri, null, (m) =>
        refusalAsError(() => {
          const { range, placeholder } = renameTarget(m, index, canonicalUri(p.textDocument.uri), m.lines.offsetAt(p.position));
          return { range, placeholder };
        }),
        token,
      );
    });
    connection.onRenameRequest(async (p, token) => {
      const index = await this.indexFor(token);
      return open.withModel(p.textDocument.uri, null, (m) => refusalAsError(() => rename(m, index, canonicalUri(p.textDocument.uri), m.lines.offsetAt(p.position), p.newName)), token);
    });
  }
}

/** A refused rename or check reaches the user as the error's message. */
export function refusalAsError<T>(run: () => T): T {
  const refused = (e: unknown) => {
    if (e instanceof RenameRefused || e instanceof CheckRefused) throw new ResponseError(LSPErrorCodes.RequestFailed, e.message);
    throw e;
  };
  try {
    const result = run();
    return (result instanceof Promise ? result.catch(refused) : result) as T;
  } catch (e) {
    return refused(e);
  }
}
