import { strict as assert } from 'node:assert';
import { hover } from '../../../server/src/features/hover';
import { defaultSettings, linkOptions } from '../../../server/src/settings';
import { parseNotes } from '../../../server/src/parser/parseNotes';
import { withCursor } from '../../helpers';

const hoverAt = (marked: string) => {
  const { text, offset } = withCursor(marked);
  const h = hover(parseNotes(text), offset, linkOptions(defaultSettings));
  return h && (h.contents as { value: string }).value;
};

describe('hover', () => {
  it('Should show a link target', () => {
    assert.equal(hoverAt('  • see nzoss.$0org.nz'), '**Link** → https://nzoss.org.nz/');
  });
  it('Should say why a link is flagged and what the fix is', () => {
    const value = hoverAt('  • github/steven$0-ellis')!;
    assert.match(value, /names github without its domain/);
    assert.match(value, /incomplete-link/);
    assert.match(value, /Quick fix: https:\/\/github.com\/steven-ellis/);
  });
  it('Should show nothing away from links', () => {
    assert.equal(hoverAt('  • plain $0text x.org'), null);
  });
});
