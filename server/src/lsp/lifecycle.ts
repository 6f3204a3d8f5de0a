/** Whether the client has asked the server to shut down: requests after that are invalid (LSP). */
import { ErrorCodes, ResponseError } from 'vscode-languageserver';

export class Lifecycle {
  private stopped = false;

  shutDown(): void {
    this.stopped = true;
  }

  get isShutDown(): boolean {
    return this.stopped;
  }

  /** Throws the protocol's answer to a request that comes after `shutdown`. */
  ensureRunning(): void {
    if (this.stopped) throw new ResponseError(ErrorCodes.InvalidRequest, 'the server is shutting down');
  }
}
