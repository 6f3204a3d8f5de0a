import { strict as assert } from 'node:assert';
import type { TextEdit } from 'vscode-languageserver-types';
import { fixesInData } from '../../../../server/src/features/codeActions';
import { onlineDiagnostics } from '../../../../server/src/features/diagnostics/onlineDiagnostics';
import type { Verdict } from '../../../../server/src/linkCheck/outcomes';
import { defaultSettings, linkOptions, readSettings } from '../../../../server/src/settings';
import { parse } from '../../../helpers';

const verdict = (url: string, status: Verdict['status'], reason: string, fix: string | null = null): [string, Verdict] => [url, { url, status, httpStatus: null, finalUrl: null, reason, fix }];
const VERDICTS = new Map([
  verdict('https://dead.org/', 'dead', '404 Not Found'),
  verdict('https://moved.org/', 'redirected', 'redirects permanently (301) to https://new.org/', 'https://new.org/'),
  verdict('https://bots.org/', 'unverified', 'the site blocks automated checks (999 Request denied)'),
  verdict('http://plain.org/', 'https-available', 'https://plain.org/ answers too', 'https://plain.org/'),
  verdict('https://fine.org/', 'alive', '200 OK'),
  verdict('https://skipped.example/', 'skipped', 'reserved'),
]);
const DOC = parse('Talk by Ann Other', '  • dead.org moved.org bots.org http://plain.org/ fine.org', '  • again: dead.org');
const check = (settings = defaultSettings) => onlineDiagnostics(DOC, VERDICTS, linkOptions(settings));

describe('onlineDiagnostics', () => {
  it('Should put each verdict on every link to that URL, with its code, severity and reason', () => {
    assert.deepEqual(check().map((d) => [d.range.start.line, d.range.start.character, d.code, d.severity, d.message]), [
      [1, 4, 'dead-link', 2, 'Dead link: 404 Not Found'],
      [1, 13, 'redirected-link', 3, 'Moved: redirects permanently (301) to https://new.org/'],
      [1, 23, 'unverified-link', 3, 'Not verified: the site blocks automated checks (999 Request denied)'],
      [1, 32, 'https-available', 3, 'Use https: https://plain.org/ answers too'],
      [2, 11, 'dead-link', 2, 'Dead link: 404 Not Found'],
    ]);
  });
  it('Should follow severities and links.ignore', () => {
    const settings = readSettings({ links: { severity: { 'dead-link': 'error', 'unverified-link': 'ignore' }, ignore: ['moved.org'] } });
    assert.deepEqual(check(settings).map((d) => [d.code, d.severity]), [['dead-link', 1], ['https-available', 3], ['dead-link', 1]]);
  });
  it('Should turn a permanent redirect and an https twin into quick fixes that replace the link', () => {
    const actions = fixesInData('file:///n.notes', check());
    assert.deepEqual(actions.map((a) => [a.title, (a.edit!.changes!['file:///n.notes'] as TextEdit[])[0].newText]), [
      ['Change to https://new.org/ (where it has moved)', 'https://new.org/'],
      ['Change to https://plain.org/', 'https://plain.org/'],
    ]);
  });
  it('Should say nothing without verdicts', () => {
    assert.deepEqual(onlineDiagnostics(DOC, new Map(), linkOptions(defaultSettings)), []);
  });
});
