/**
 * Checking links online from the editor: `confnotes/checkLinksOnline` (this file or the
 * workspace), a save when `confnotes.links.online` is `onSave`, and the client's word on
 * workspace trust. The runs themselves, and the verdicts, are `OnlineChecks`'.
 */
import type { Connection } from 'vscode-languageserver';
import type { Configuration } from './configuration';
import type { DiagnosticsSchedule } from './diagnosticsSchedule';
import { onlineDiagnostics } from '../features/diagnostics/onlineDiagnostics';
import type { OnlineChecks } from './onlineChecks';
import type { OpenDocuments } from './openDocuments';
import type { NotesDocument } from '../parser/model';
import { canonicalUri } from '../workspace/workspaceIndex';
import { CheckLinksOnlineRequest, WorkspaceTrustNotification } from '../protocol/requests';
import { refusalAsError, type WorkspaceRequests } from './workspaceRequests';

export function registerOnlineChecks(
  connection: Connection,
  online: () => OnlineChecks,
  open: OpenDocuments,
  configuration: Configuration,
  requests: WorkspaceRequests,
  diagnostics: DiagnosticsSchedule,
): void {
  /** Each file as the editor has it, or as it is on disk. */
  const modelsOf = async (uris: readonly string[]): Promise<Map<string, NotesDocument>> => {
    const found = new Map<string, NotesDocument>();
    for (const uri of uris) {
      const model = await open.modelOrDisk(uri);
      if (model) found.set(uri, model);
    }
    return found;
  };
  /** Open files are checked again; closed ones with online problems get their diagnostics now (they go when the file next closes). */
  const showResults = async (checked: ReadonlyMap<string, NotesDocument>) => {
    for (const [uri, model] of checked) {
      const document = open.find(uri);
      if (document) {
        void diagnostics.schedule(document.uri, true);
        continue;
      }
      const options = await configuration.linkOptionsFor(uri);
      if (onlineDiagnostics(model, online().verdicts, options).length > 0) await connection.sendDiagnostics({ uri, diagnostics: diagnostics.diagnosticsOf(model, options) });
    }
  };

  connection.onNotification(WorkspaceTrustNotification, (p) => {
    online().trusted = p.trusted === true;
  });
  connection.onRequest(CheckLinksOnlineRequest, async (p, token) => {
    // One spelling of each file (the index's): a file a client holds open as `notes@home%20(2016)` is the disk's `notes%40home%20%282016%29`.
    const files = p.scope === 'file' && p.uri ? [p.uri] : [...new Set([...open.uris().map(canonicalUri), ...(await requests.indexFor(token)).diskUris()])];
    const models = await modelsOf(files);
    const settings = p.scope === 'file' && p.uri ? await configuration.forUri(p.uri) : await configuration.workspace();
    const urls = [...models.values()].flatMap((m) => m.links.flatMap((l) => (l.target === null ? [] : [l.target])));
    const summary = await refusalAsError(() => online().run(p.scope === 'file' ? `file ${p.uri}` : 'workspace', urls, models.size, settings.online, token));
    await showResults(models);
    return summary;
  });
  open.documents.onDidSave((e) => {
    // Read afresh: a save is rare, and the cached settings may predate the client's first change event.
    configuration.forget(e.document.uri);
    // Untrusted: nothing is asked, whatever the settings say; said in the log, which is where
    // a person (and the Restricted Mode test) can see the save was handled.
    if (!online().trusted) {
      connection.console.info(`${e.document.uri}: links not checked online on save: this workspace is not trusted (Restricted Mode)`);
      return;
    }
    void configuration.forUri(e.document.uri).then(async (settings) => {
      if (settings.online.mode !== 'onSave') return;
      const model = await open.modelOf(e.document);
      const urls = model.links.flatMap((l) => (l.target === null ? [] : [l.target]));
      await online().run(`file ${e.document.uri}`, urls, 1, settings.online).catch((error) => connection.console.warn(`checking links on save: ${error}`));
      await showResults(new Map([[e.document.uri, model]]));
    });
  });
}
