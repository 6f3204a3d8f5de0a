import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { onTypeFormatting } from '../../../server/src/features/onTypeFormatting';
import { parseNotes } from '../../../server/src/parser/parseNotes';
import { joinLines, withCursor } from '../../helpers';

/** The text after a space typed at `$0` (already in the text) and the on-type edit applied. */
const typed = (...lines: string[]) => {
  const { text, offset } = withCursor(joinLines(...lines));
  const doc = parseNotes(text);
  const { line, character } = doc.lines.positionAt(offset);
  return TextDocument.applyEdits(TextDocument.create('file:///x.notes', 'confnotes', 1, text), onTypeFormatting(doc, line, character));
};

describe('onTypeFormatting', () => {
  it('Should turn "- " typed under a talk into the file\'s marker at the top level', () => {
    assert.equal(typed('Talk by Ann Other', '  • first', '- $0'), joinLines('Talk by Ann Other', '  • first', '  • '));
    assert.equal(typed('Talk by Ann Other', '  • first', '* $0'), joinLines('Talk by Ann Other', '  • first', '  • '));
  });
  it('Should keep the depth the indentation gives', () => {
    assert.equal(typed('Talk by Ann Other', '  • first', '    - $0'), joinLines('Talk by Ann Other', '  • first', '    • '));
  });
  it('Should leave the line alone in a file that uses - itself, above any talk, or after text', () => {
    assert.equal(typed('Talk', '- a', '- $0'), joinLines('Talk', '- a', '- '));
    assert.equal(typed('- $0'), '- ');
    assert.equal(typed('Talk by Ann Other', '  • x - $0'), joinLines('Talk by Ann Other', '  • x - '));
  });
});
