/** A minimal LSP client over stdio for protocol tests: spawns dist/server.js and records notifications. */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  WorkDoneProgress,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from '../helpers';

export const SERVER = path.join(ROOT, 'dist/server.js');

export class LspClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  readonly exited: Promise<number | null>;
  private readonly diagnosticWaiters: Array<{ uri: string; test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> = [];
  readonly published: PublishDiagnosticsParams[] = [];
  /** What the server gets back for workspace/configuration, per section. */
  configuration: unknown = null;
  /** Every notification from the server, in order of arrival. */
  readonly notifications: Array<{ method: string; params: unknown }> = [];
  /** Capabilities the server registered (client/registerCapability), by method. */
  readonly registrations = new Map<string, unknown>();
  private readonly notificationWaiters: Array<{ test: (n: { method: string; params: unknown }) => boolean; resolve: () => void }> = [];

  /** `command`: what to run (the built server by default; an installed bin in the package test); `env`: added to this process's. */
  constructor(args: string[] = ['--stdio'], command: readonly string[] = [process.execPath, SERVER], env: Readonly<Record<string, string>> = {}) {
    this.process = spawn(command[0], [...command.slice(1), ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    this.exited = new Promise((resolve) => this.process.on('exit', (code) => resolve(code)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      for (const w of [...this.diagnosticWaiters]) {
        if (w.uri === p.uri && w.test(p)) {
          this.diagnosticWaiters.splice(this.diagnosticWaiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    });
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.configuration));
    this.connection.onRequest('client/registerCapability', (p: { registrations: Array<{ method: string; registerOptions: unknown }> }) => {
      for (const r of p.registrations) this.registrations.set(r.method, r.registerOptions);
      return null;
    });
    this.connection.onRequest('client/unregisterCapability', () => null);
    // $/progress is routed by token, not by the star handler: listen on each token the server creates.
    this.connection.onRequest('window/workDoneProgress/create', (p: { token: string | number }) => {
      this.connection.onProgress(WorkDoneProgress.type, p.token, (value) => this.record('$/progress', { token: p.token, value }));
      return null;
    });
    this.connection.onRequest('workspace/codeLens/refresh', () => {
      this.record('workspace/codeLens/refresh', null);
      return null;
    });
    // Every other notification (log, progress, the server's own), through the star handler the typings leave out.
    (this.connection as unknown as { onNotification(handler: (method: string, params: unknown) => void): void }).onNotification((method, params) => this.record(method, params));
    this.connection.listen();
  }

  async initialize(initializationOptions: unknown = { ignoreLinkCommand: true }, configuration = true) {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      clientInfo: { name: 'confnotes protocol tests' },
      capabilities: {
        workspace: { configuration },
        textDocument: {
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          foldingRange: { rangeLimit: 5000 },
          publishDiagnostics: { versionSupport: true },
        },
      },
      initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    return result as { capabilities: Record<string, unknown>; serverInfo: { name: string } };
  }

  private record(method: string, params: unknown) {
    const notification = { method, params };
    this.notifications.push(notification);
    for (const w of [...this.notificationWaiters]) {
      if (w.test(notification)) {
        this.notificationWaiters.splice(this.notificationWaiters.indexOf(w), 1);
        w.resolve();
      }
    }
  }

  /** Resolves when a notification (or refresh request) that passes `test` arrives from now on. */
  notification(test: (n: { method: string; params: unknown }) => boolean, timeoutMs = 10000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching notification within ${timeoutMs} ms`)), timeoutMs);
      this.notificationWaiters.push({ test, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  /** The log line the server writes when an indexing of the workspace ends. */
  indexed(timeoutMs = 10000): Promise<void> {
    return this.notification((n) => n.method === 'window/logMessage' && /^indexed \d+ of \d+ notes files/.test((n.params as { message: string }).message), timeoutMs);
  }

  /**
   * Initialize as an editor with a workspace: folders, dynamic file watching, progress and
   * code lens refresh, as VS Code announces them.
   */
  async initializeWorkspace(folders: string[], options: { watch?: boolean; progress?: boolean; initializationOptions?: Record<string, unknown> } = {}) {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders[0] ?? null,
      workspaceFolders: folders.map((uri) => ({ uri, name: uri.slice(uri.lastIndexOf('/') + 1) })),
      clientInfo: { name: 'confnotes protocol tests' },
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeWatchedFiles: { dynamicRegistration: options.watch !== false },
          codeLens: { refreshSupport: true },
        },
        window: { workDoneProgress: options.progress !== false },
        textDocument: {
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          publishDiagnostics: { versionSupport: true },
          rename: { prepareSupport: true },
        },
      },
      initializationOptions: { ignoreLinkCommand: true, ...options.initializationOptions },
    });
    await this.connection.sendNotification('initialized', {});
    return result as { capabilities: Record<string, unknown> };
  }

  /** The next publishDiagnostics for a document that passes `test`. */
  diagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 5000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.diagnosticWaiters.push({ uri, test, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  open(uri: string, text: string, version = 1) {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'confnotes', version, text } });
  }

  async stop(): Promise<number | null> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  kill() {
    this.process.kill();
    this.connection.dispose();
  }
}
