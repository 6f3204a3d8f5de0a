/**
 * The client's settings (`confnotes.*`): read through `workspace/configuration` per document
 * (cached until the client says they changed) or, for clients without it, taken from
 * `initializationOptions.settings` and `didChangeConfiguration`.
 */
import { DidChangeConfigurationNotification, type Connection, type DidChangeConfigurationParams } from 'vscode-languageserver';
import type { ClientAbilities } from './clientAbilities';
import { defaultSettings, linkOptions, readSettings, type Settings } from '../settings';

export type LinkOptions = ReturnType<typeof linkOptions>;

export class Configuration {
  private canRead = false;
  private canRegisterChange = false;
  private fallback: Settings = defaultSettings;
  private readonly byUri = new Map<string, Promise<Settings>>();
  private readonly linkOptionsOf = new WeakMap<Settings, LinkOptions>();
  private readonly listeners: Array<() => void> = [];

  constructor(private readonly connection: Connection) {}

  initialize(client: ClientAbilities): void {
    this.canRead = client.readsConfiguration;
    this.canRegisterChange = client.registersConfigurationChange;
    if (client.settings !== undefined) this.fallback = readSettings(client.settings);
  }

  /** Clients send setting changes only to servers that register for them (VS Code among them). */
  initialized(): void {
    if (!this.canRegisterChange) return;
    this.connection.client.register(DidChangeConfigurationNotification.type, undefined).catch((e) => this.connection.console.warn(`could not register for setting changes: ${e}`));
  }

  /** The client said settings changed: forget what was read, then tell the listeners. */
  changed(change: DidChangeConfigurationParams): void {
    this.byUri.clear();
    if (!this.canRead) {
      const section = (change.settings as { confnotes?: unknown } | null)?.confnotes;
      if (section !== undefined) this.fallback = readSettings(section);
    }
    for (const listener of this.listeners) listener();
  }

  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** The settings for one document (folder settings may differ between folders). */
  forUri(uri: string): Promise<Settings> {
    if (!this.canRead) return Promise.resolve(this.fallback);
    let settings = this.byUri.get(uri);
    if (!settings) {
      settings = this.read({ scopeUri: uri, section: 'confnotes' });
      this.byUri.set(uri, settings);
    }
    return settings;
  }

  /** Read afresh next time (a save is rare, and the cache may predate the client's first change event). */
  forget(uri: string): void {
    this.byUri.delete(uri);
  }

  /** A closed document's settings are read afresh next time it opens. */
  forgetWhenClosed(documents: { onDidClose(listener: (e: { readonly document: { readonly uri: string } }) => void): unknown }): void {
    documents.onDidClose((e) => this.forget(e.document.uri));
  }

  /** The settings of the whole workspace (which files are notes, how talk lines are read). */
  workspace(): Promise<Settings> {
    return this.canRead ? this.read('confnotes') : Promise.resolve(this.fallback);
  }

  /** The options link features take, compiled once per settings object. */
  async linkOptionsFor(uri: string): Promise<LinkOptions> {
    const settings = await this.forUri(uri);
    let options = this.linkOptionsOf.get(settings);
    if (!options) this.linkOptionsOf.set(settings, (options = linkOptions(settings)));
    return options;
  }

  private read(item: string | { scopeUri: string; section: string }): Promise<Settings> {
    const asked = typeof item === 'string' ? this.connection.workspace.getConfiguration(item) : this.connection.workspace.getConfiguration(item);
    return asked.then((raw) => (raw === null || raw === undefined ? this.fallback : readSettings(raw)), () => this.fallback);
  }
}
