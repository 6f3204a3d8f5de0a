// For confnotes' real-editor tests: notes in memory under memfs:/, served as a FileSystemProvider
// serves a virtual workspace (no search provider: findFiles finds nothing here). The notes come
// from seed.json, which the test writes into this extension before packaging it.
const vscode = require('vscode');

const encoder = new TextEncoder();

class NotesInMemory {
  constructor(seed) {
    /** Each file's bytes and times, by path. */
    this.files = new Map(Object.entries(seed).map(([p, text]) => [p, { data: encoder.encode(text), mtime: Date.now(), ctime: Date.now() }]));
    this.changes = new vscode.EventEmitter();
    this.onDidChangeFile = this.changes.event;
  }
  isFolder(p) {
    const prefix = p === '/' ? '/' : `${p}/`;
    return [...this.files.keys()].some((f) => f.startsWith(prefix));
  }
  watch() {
    return new vscode.Disposable(() => undefined);
  }
  stat(uri) {
    const file = this.files.get(uri.path);
    if (file) return { type: vscode.FileType.File, ctime: file.ctime, mtime: file.mtime, size: file.data.length };
    if (this.isFolder(uri.path)) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    throw vscode.FileSystemError.FileNotFound(uri);
  }
  readDirectory(uri) {
    if (!this.isFolder(uri.path)) throw vscode.FileSystemError.FileNotFound(uri);
    const prefix = uri.path === '/' ? '/' : `${uri.path}/`;
    const entries = new Map();
    for (const p of this.files.keys()) {
      if (!p.startsWith(prefix)) continue;
      const [name, ...rest] = p.slice(prefix.length).split('/');
      entries.set(name, rest.length > 0 ? vscode.FileType.Directory : vscode.FileType.File);
    }
    return [...entries];
  }
  readFile(uri) {
    const file = this.files.get(uri.path);
    if (!file) throw vscode.FileSystemError.FileNotFound(uri);
    return file.data;
  }
  writeFile(uri, content) {
    const existed = this.files.has(uri.path);
    this.files.set(uri.path, { data: content, mtime: Date.now(), ctime: this.files.get(uri.path)?.ctime ?? Date.now() });
    this.changes.fire([{ type: existed ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri }]);
  }
  delete(uri) {
    if (!this.files.delete(uri.path)) throw vscode.FileSystemError.FileNotFound(uri);
    this.changes.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
  }
  rename(from, to) {
    this.writeFile(to, this.readFile(from));
    this.delete(from);
  }
  createDirectory() {}
}

function activate(context) {
  const notes = new NotesInMemory(require('./seed.json'));
  context.subscriptions.push(
    vscode.workspace.registerFileSystemProvider('memfs', notes, { isCaseSensitive: true }),
    vscode.commands.registerCommand('confnotesTestMemfs.writeNotes', () =>
      vscode.workspace.fs.writeFile(vscode.Uri.parse('memfs:/notes/2020/written.notes'), encoder.encode('Kiwicon 2020 – Saturday – Session 2\n\nSatellites for everyone by Rua Tane\n  • cubesats\n')),
    ),
  );
}

module.exports = { activate };
