// Inside VS Code: the extension as a user gets it, asserted through VS Code's own provider commands.
const assert = require('node:assert/strict');
const path = require('node:path');
const vscode = require('vscode');
const { SAMPLE_OUTLINE, SAMPLE_FLAGGED_LINK } = require('../../shared/expectations.cjs');

const SAMPLE = path.resolve(__dirname, '../../fixtures/lca2016.notes');

/** Poll until `probe` returns a truthy value: readiness, not sleep. */
async function until(probe, what, timeoutMs = 20000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('Conference Notes in VS Code', () => {
  let editor;
  before(async () => {
    const doc = await vscode.workspace.openTextDocument(SAMPLE);
    editor = await vscode.window.showTextDocument(doc);
  });

  it('opens .notes files as Conference Notes', () => {
    assert.equal(editor.document.languageId, 'confnotes');
  });

  it('finds a talk of the workspace with Go to Symbol in Workspace: prom wilk', async () => {
    const symbols = await until(async () => {
      const s = await vscode.commands.executeCommand('vscode.executeWorkspaceSymbolProvider', 'prom wilk');
      return s && s.length ? s : null;
    }, 'workspace symbols');
    assert.match(symbols[0].name, /with Prometheus by Jamie Wilkinson$/);
    assert.equal(path.basename(symbols[0].location.uri.fsPath), 'lca2016.notes');
  });

  it('shows the outline Friday → Session 3 → Lighting talks, Closing', async () => {
    const symbols = await until(async () => {
      const s = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', editor.document.uri);
      return s && s.length ? s : null;
    }, 'document symbols');
    assert.deepEqual(symbols.map((s) => s.name), SAMPLE_OUTLINE.days);
    assert.deepEqual(symbols[0].children.map((s) => s.name), SAMPLE_OUTLINE.fridaySessions);
    assert.deepEqual(symbols[0].children[0].children.map((t) => t.name), SAMPLE_OUTLINE.firstSessionTalks);
  });

  it('folds sessions, talks and bullet groups', async () => {
    const ranges = await vscode.commands.executeCommand('vscode.executeFoldingRangeProvider', editor.document.uri);
    assert.ok(ranges.some((r) => r.start === 2 && r.end === 63));
  });

  it('flags github/steven-ellis and fixes it with the quick fix', async () => {
    const diagnostic = await until(
      () => vscode.languages.getDiagnostics(editor.document.uri).find((d) => d.code === SAMPLE_FLAGGED_LINK.code),
      'the incomplete-link warning',
    );
    assert.equal(diagnostic.range.start.line, SAMPLE_FLAGGED_LINK.line);
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', editor.document.uri, diagnostic.range);
    const fix = actions.find((a) => a.title === `Change to ${SAMPLE_FLAGGED_LINK.fix}`);
    assert.ok(fix, 'quick fix offered');
    await vscode.workspace.applyEdit(fix.edit);
    assert.equal(editor.document.lineAt(SAMPLE_FLAGGED_LINK.line).text.trim(), `• ${SAMPLE_FLAGGED_LINK.fix}`);
    await until(() => !vscode.languages.getDiagnostics(editor.document.uri).some((d) => d.code === SAMPLE_FLAGGED_LINK.code), 'the warning to clear');
    await vscode.commands.executeCommand('undo');
  });

  it('moves to the next talk', async () => {
    editor.selection = new vscode.Selection(3, 0, 3, 0);
    await vscode.commands.executeCommand('confnotes.nextTalk');
    await until(() => editor.selection.active.line === 65, 'the cursor on Closing');
  });
});
