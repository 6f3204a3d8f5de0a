/** The client's walk of a folder it serves to the server: the disk's walk rule, links not followed, unreadable folders left out. */
import { strict as assert } from 'node:assert';
import { walkFolder, type EntryKind } from '../../../client/src/walkFolder';

const TREE: Record<string, ReadonlyArray<readonly [string, EntryKind]>> = {
  '/w': [['a.notes', 'file'], ['2016', 'folder'], ['.git', 'folder'], ['.hidden.notes', 'file'], ['node_modules', 'folder'], ['linked', 'link'], ['locked', 'folder'], ['pipe', 'other']],
  '/w/2016': [['lca.notes', 'file'], ['deep', 'folder'], ['café ☕.notes', 'file']],
  '/w/2016/deep': [['b.txt', 'file']],
  '/w/.git': [['config', 'file']],
  '/w/node_modules': [['x.notes', 'file']],
};

describe('walkFolder (the client lists a virtual folder)', () => {
  it('Should find every file below, leaving out hidden names, packages, links and what cannot be read', async () => {
    const read: string[] = [];
    const files = await walkFolder(
      '/w',
      async (dir) => {
        read.push(dir);
        if (!(dir in TREE)) throw new Error('permission denied');
        return TREE[dir];
      },
      (dir, name) => `${dir}/${name}`,
    );
    assert.deepEqual(files.sort(), ['/w/2016/café ☕.notes', '/w/2016/deep/b.txt', '/w/2016/lca.notes', '/w/a.notes']);
    assert.deepEqual(read.sort(), ['/w', '/w/2016', '/w/2016/deep', '/w/locked']);
  });

  it('Should walk a folder of 500 folders, reading a few at a time', async () => {
    let reading = 0;
    let most = 0;
    const files = await walkFolder(
      'root',
      async (dir) => {
        most = Math.max(most, ++reading);
        await new Promise((resolve) => setImmediate(resolve));
        reading--;
        if (dir === 'root') return Array.from({ length: 500 }, (_, i) => [`d${i}`, 'folder'] as const);
        return [[`${dir}.notes`, 'file'] as const];
      },
      (dir, name) => (dir === 'root' ? name : `${dir}/${name}`),
    );
    assert.equal(files.length, 500);
    assert.ok(most > 1 && most <= 8, `read ${most} folders at once`);
  });
});
