/** Things the user chose recently (talks, searches), newest first, remembered per workspace. */
import type * as vscode from 'vscode';

export class RecentList<T> {
  constructor(
    private readonly state: vscode.Memento,
    private readonly key: string,
    /** What makes two entries the same one. */
    private readonly identity: (entry: T) => string,
    private readonly kept = 10,
  ) {}

  all(): T[] {
    return this.state.get<T[]>(this.key, []);
  }

  used(entry: T): Thenable<void> {
    const id = this.identity(entry);
    return this.state.update(this.key, [entry, ...this.all().filter((e) => this.identity(e) !== id)].slice(0, this.kept));
  }

  forget(entry: T): Thenable<void> {
    const id = this.identity(entry);
    return this.state.update(this.key, this.all().filter((e) => this.identity(e) !== id));
  }
}
