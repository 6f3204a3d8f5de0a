/**
 * A workspace the server cannot read itself (a virtual workspace: here `memfs:`), served by the
 * client through `confnotes/listFiles` and `confnotes/readFile`: talks of files never opened are
 * found, files changed and deleted are read again or dropped, a large file and bad bytes are
 * handled as on disk. The client's side is a map, as a FileSystemProvider would hold the notes.
 */
import { strict as assert } from 'node:assert';
import type { WorkspaceSymbol } from 'vscode-languageserver-types';
import { bytesToBase64 } from '../../server/src/protocol/base64';
import { ListFilesRequest, ReadFileRequest, type ReadFileResult } from '../../server/src/protocol/requests';
import { SAMPLE } from '../helpers';
import { LspClient } from './lspClient';

const FOLDER = 'memfs:/notes';
const CHANGED = 2;
const DELETED = 3;

describe('files served by the client (a virtual workspace) over stdio', function () {
  this.timeout(30000);
  let client: LspClient;
  let files: Map<string, Uint8Array>;
  const asked: string[] = [];
  const text = (s: string) => new TextEncoder().encode(s);
  /** Asks until the answer is the one wanted (the server reads the file when its event comes): the answer itself, not a delay. */
  const symbolsBecome = async (query: string, wanted: string[]) => {
    const deadline = Date.now() + 10000;
    let found = await symbols(query);
    while (JSON.stringify(found) !== JSON.stringify(wanted) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      found = await symbols(query);
    }
    assert.deepEqual(found, wanted);
  };
  const symbols = async (query: string) => ((await client.connection.sendRequest('workspace/symbol', { query })) as WorkspaceSymbol[]).map((s) => `${s.name} @ ${s.location.uri}`);

  beforeEach(async () => {
    files = new Map([
      [`${FOLDER}/2016/lca.notes`, text(SAMPLE)],
      [`${FOLDER}/kiwicon.notes`, text('Kiwicon 2019 – Friday – Session 1\n\nBreaking into cars by Ann Other\n  • CAN bus\n')],
      [`${FOLDER}/.hidden/secret.notes`, text('Hidden talk by Bo Ng\n  • not read\n')],
      [`${FOLDER}/other.md`, text('# Not notes\n')],
    ]);
    asked.length = 0;
    client = new LspClient();
    client.connection.onRequest(ListFilesRequest, (p) => {
      asked.push(`list ${p.folder} ${p.globs.join(' ')}`);
      // What findFiles would give: every file under the folder (the server applies the globs and the walk rule again).
      return { files: [...files.keys()].filter((uri) => uri.startsWith(p.folder + '/')) };
    });
    client.connection.onRequest(ReadFileRequest, (p): ReadFileResult => {
      asked.push(`read ${p.uri}`);
      const bytes = files.get(p.uri);
      if (!bytes) return { gone: true };
      if (p.largest !== undefined && bytes.length > p.largest) return { error: 'too large' };
      return { base64: bytesToBase64(bytes) };
    });
  });
  afterEach(() => {
    if (client.process.exitCode === null) client.kill();
  });

  it('Should index the talks of files never opened, through the client, with the disk\'s walk rule', async () => {
    const indexed = client.indexed();
    await client.initializeWorkspace([FOLDER], { initializationOptions: { servesFiles: true } });
    await indexed;
    const found = await symbols('');
    assert.ok(found.includes(`Breaking into cars by Ann Other @ ${FOLDER}/kiwicon.notes`), found.join('\n'));
    assert.ok(found.some((s) => s.startsWith('Helicopters and rocket-planes') && s.endsWith(`${FOLDER}/2016/lca.notes`)));
    assert.ok(!found.some((s) => s.includes('.hidden') || s.includes('other.md')), 'hidden folders and other files are not read');
    assert.deepEqual(asked.filter((a) => a.startsWith('list')), [`list ${FOLDER} **/*.notes **/*.confnotes`]);
    assert.ok(!asked.includes(`read ${FOLDER}/other.md`) && !asked.includes(`read ${FOLDER}/.hidden/secret.notes`));
    assert.equal(await client.stop(), 0);
  });

  it('Should read a changed file again and drop a deleted one, on the client\'s file events', async () => {
    const indexed = client.indexed();
    await client.initializeWorkspace([FOLDER], { initializationOptions: { servesFiles: true } });
    await indexed;
    files.set(`${FOLDER}/kiwicon.notes`, text('Kiwicon 2019 – Friday – Session 1\n\nLockpicking for beginners by Cy Dee\n  • pins\n'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `${FOLDER}/kiwicon.notes`, type: CHANGED }] });
    await symbolsBecome('lockpicking', [`Lockpicking for beginners by Cy Dee @ ${FOLDER}/kiwicon.notes`]);
    files.delete(`${FOLDER}/kiwicon.notes`);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `${FOLDER}/kiwicon.notes`, type: DELETED }] });
    await symbolsBecome('lockpicking', []);
    assert.equal(await client.stop(), 0);
  });

  it('Should take a 5 MB file, and refuse bad bytes with a clear reason, as from disk', async () => {
    const big = SAMPLE.replace(/Linux\.conf\.au 2016/g, 'Big Conf 2020');
    files.set(`${FOLDER}/big.notes`, text(big.repeat(Math.ceil(5e6 / big.length))));
    files.set(`${FOLDER}/binary.notes`, new Uint8Array([0x54, 0x61, 0x6c, 0x6b, 0, 0xff, 0xfe]));
    files.set(`${FOLDER}/latin1.notes`, new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x62, 0x79, 0x20, 0x41, 0x6e, 0x6e]));
    const binary = client.notification((n) => n.method === 'window/logMessage' && /binary\.notes: not indexed: binary file/.test((n.params as { message: string }).message));
    const latin1 = client.notification((n) => n.method === 'window/logMessage' && /latin1\.notes: not indexed: not valid UTF-8/.test((n.params as { message: string }).message));
    const indexed = client.indexed();
    await client.initializeWorkspace([FOLDER], { initializationOptions: { servesFiles: true } });
    await Promise.all([indexed, binary, latin1]);
    assert.ok((await symbols('Helicopters')).some((s) => s.endsWith(`${FOLDER}/big.notes`)));
    assert.equal(await client.stop(), 0);
  });

  it('Should read nothing through a client that does not serve files, and still answer', async () => {
    const indexed = client.indexed();
    await client.initializeWorkspace([FOLDER]);
    await indexed;
    assert.deepEqual(await symbols(''), []);
    assert.deepEqual(asked, []);
    assert.equal(await client.stop(), 0);
  });
});
