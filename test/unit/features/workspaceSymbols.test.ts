import { strict as assert } from 'node:assert';
import { SymbolKind } from 'vscode-languageserver-types';
import { workspaceSymbols } from '../../../server/src/features/workspaceSymbols';
import { SAMPLE } from '../../helpers';
import { uriOf, workspaceOf } from '../workspace/inMemoryWorkspace';

describe('workspaceSymbols', () => {
  const ws = workspaceOf({ 'lca2016.notes': SAMPLE, 'pycon.notes': ['PyCon AU 2019 – Saturday – Lightning Talks', 'Prompt toolkits by Wilma Flint', '  • x'] });

  it('Should find "… with Prometheus by Jamie Wilkinson" first for "prom wilk", named by its title line, placed by event · day · session · file', () => {
    const [first] = workspaceSymbols(ws.index, 'prom wilk');
    assert.deepEqual(first, {
      name: 'An introduction to monitoring and alerting with timeseries at scale, with Prometheus by Jamie Wilkinson',
      kind: SymbolKind.Event,
      location: { uri: uriOf('lca2016.notes'), range: { start: { line: 647, character: 0 }, end: { line: 647, character: 103 } } },
      containerName: 'Linux.conf.au 2016 · Wednesday · Session 3 · lca2016.notes',
    });
  });
  it('Should find sessions too, as modules named by their header', () => {
    const sessions = workspaceSymbols(ws.index, 'pycon lightning').filter((s) => s.kind === SymbolKind.Module);
    assert.deepEqual(sessions.map((s) => [s.name, s.containerName]), [['PyCon AU 2019 – Saturday – Lightning Talks', 'PyCon AU 2019 · Saturday · pycon.notes']]);
  });
  it('Should match on day and event words with the title', () => {
    const names = workspaceSymbols(ws.index, 'sysadmin miniconf logging').map((s) => s.name);
    assert.equal(names[0], 'Creating bespoke logging systems and dashboards with Grafana, in fifteen minutes – Andrew McDonnell');
  });
  it('Should list everything for an empty query and nothing for a query nothing matches', () => {
    assert.equal(workspaceSymbols(ws.index, '').length, 23 + 10 + 2);
    assert.deepEqual(workspaceSymbols(ws.index, 'xyzzyq'), []);
  });
});
