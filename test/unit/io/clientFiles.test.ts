import { strict as assert } from 'node:assert';
import picomatch from 'picomatch';
import { ClientFiles, RoutedFiles, type FileServer } from '../../../server/src/io/clientFiles';
import { DiskFiles } from '../../../server/src/io/diskFiles';
import { base64ToBytes, bytesToBase64 } from '../../../server/src/protocol/base64';

const GLOBS = ['**/*.notes'];
const matches = picomatch(GLOBS, { dot: true });

function serverOf(files: Record<string, Uint8Array | string>, fail = false): FileServer {
  const bytes = (v: Uint8Array | string) => (typeof v === 'string' ? new TextEncoder().encode(v) : v);
  return {
    list: async ({ folder }) => {
      if (fail) throw new Error('no client');
      return { files: Object.keys(files).filter((u) => u.startsWith(folder)) };
    },
    read: async ({ uri, largest }) => {
      if (fail) throw new Error('connection closed');
      const v = files[uri];
      if (v === undefined) return { gone: true };
      if (largest !== undefined && bytes(v).length > largest) return { error: 'too large' };
      return { base64: bytesToBase64(bytes(v)) };
    },
  };
}

describe('files served by the client (io/clientFiles.ts)', () => {
  it('Should list a folder\'s notes files by the walk rule and the globs, once each, sorted by code unit', async () => {
    const files = new ClientFiles(serverOf({ 'memfs:/n/b.notes': '', 'memfs:/n/A.notes': '', 'memfs:/n/.git/x.notes': '', 'memfs:/n/node_modules/p/y.notes': '', 'memfs:/n/z.md': '', 'memfs:/other/c.notes': '' }), () => true);
    assert.deepEqual(await files.list('memfs:/n', GLOBS, matches, () => true), ['memfs:/n/A.notes', 'memfs:/n/b.notes']);
    assert.deepEqual(await files.list('memfs:/n', GLOBS, matches, () => false), [], 'a walk no longer wanted gives nothing');
  });
  it('Should decode what the client read with the disk\'s decoder: BOM, NUL, bad UTF-8, gone, a client that fails', async () => {
    const files = new ClientFiles(serverOf({ 'memfs:/n/bom.notes': '\ufeffTalk by Ann Lee', 'memfs:/n/nul.notes': new Uint8Array([65, 0, 66]), 'memfs:/n/bad.notes': new Uint8Array([0xc3, 0x28]) }), () => true);
    assert.deepEqual(await files.read('memfs:/n/bom.notes'), { text: 'Talk by Ann Lee', bom: true });
    assert.match((await files.read('memfs:/n/nul.notes') as { error: string }).error, /binary file/);
    assert.match((await files.read('memfs:/n/bad.notes') as { error: string }).error, /not valid UTF-8/);
    assert.deepEqual(await files.read('memfs:/n/none.notes'), { gone: true });
    assert.match((await files.read('memfs:/n/bom.notes', 3) as { error: string }).error, /too large/);
    const failing = new ClientFiles(serverOf({}, true), () => true);
    assert.deepEqual(await failing.list('memfs:/n', GLOBS, matches, () => true), []);
    assert.match((await failing.read('memfs:/n/a.notes') as { error: string }).error, /the editor could not read it: connection closed/);
  });
  it('Should route file: URIs to the disk and the rest to the client, only once the client serves files', async () => {
    let serving = false;
    const disk = new DiskFiles();
    const routed = new RoutedFiles([disk, new ClientFiles(serverOf({ 'memfs:/n/a.notes': 'Talk by Ann Lee' }), (uri) => serving && !disk.serves(uri))]);
    assert.deepEqual([routed.serves('file:///x'), routed.serves('memfs:/n')], [true, false]);
    assert.deepEqual(await routed.read('memfs:/n/a.notes'), { gone: true });
    serving = true;
    assert.deepEqual(await routed.read('memfs:/n/a.notes'), { text: 'Talk by Ann Lee', bom: false });
  });
  it('Should carry any bytes through base64, a large file in chunks', () => {
    const bytes = new Uint8Array(300_000).map((_, i) => (i * 7919) % 256);
    assert.deepEqual(base64ToBytes(bytesToBase64(bytes)), bytes);
    assert.equal(bytesToBase64(new TextEncoder().encode('Café')), Buffer.from('Café').toString('base64'));
  });
});
