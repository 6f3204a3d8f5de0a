import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { defaultSettings, readSettings } from '../../server/src/settings';
import { ROOT } from '../helpers';

/** package.json's settings, as VS Code sends the `confnotes` section when nothing is set: each default at its place. */
function manifestDefaults(): Record<string, unknown> {
  const properties: Record<string, { default?: unknown }> = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).contributes.configuration.properties;
  const section: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(properties)) {
    const parts = key.split('.').slice(1);
    let at = section;
    for (const part of parts.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>;
    at[parts.at(-1)!] = schema.default;
  }
  return section;
}

describe('settings', () => {
  it('Should have the same defaults in package.json as in the code', () => {
    assert.deepEqual(readSettings(manifestDefaults()), defaultSettings);
    assert.deepEqual(readSettings({}), defaultSettings);
  });
  it('Should read the renamed settings by their new names, and still by the old ones where the new are not set', () => {
    const defaults = manifestDefaults() as { reading: object; formatting: object; format: object };
    const read = (reading: object, formatting: object, format: object) => readSettings({ ...defaults, reading: { ...defaults.reading, ...reading }, formatting: { ...defaults.formatting, ...formatting }, format: { ...defaults.format, ...format } });
    const old = read({}, {}, { speakerPosition: 'start', talks: ['Wrap-up'], maxBlankLines: 0, bulletMarker: '-' });
    assert.deepEqual([old.format.speakerPosition, [...old.format.talks], old.layout.maxBlankLines, old.layout.bulletMarker], ['start', ['wrap-up'], 0, '-']);
    const both = read({ speakerPosition: 'end', talks: ['Lunch'] }, { maxBlankLines: 1 }, { speakerPosition: 'start', talks: ['Wrap-up'], maxBlankLines: 0 });
    assert.deepEqual([both.format.speakerPosition, [...both.format.talks].sort(), both.layout.maxBlankLines], ['end', ['lunch', 'wrap-up'], 1]);
  });
  it('Should declare every renamed setting with a deprecation message naming its new name', () => {
    const properties: Record<string, { markdownDeprecationMessage?: string; scope?: string }> = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).contributes.configuration.properties;
    for (const key of Object.keys(properties).filter((k) => k.startsWith('confnotes.format.'))) {
      const name = key.split('.').at(-1)!;
      const renamed = Object.keys(properties).find((k) => k !== key && k.endsWith(`.${name}`) && /^confnotes\.(reading|formatting)\./.test(k));
      assert.ok(renamed && properties[key].markdownDeprecationMessage?.includes(renamed), key);
      // How talks are read is applied to the whole workspace: declared so, not per folder.
      if (renamed.startsWith('confnotes.reading.')) assert.equal(properties[renamed].scope, 'window', renamed);
    }
  });
});
