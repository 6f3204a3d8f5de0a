/**
 * How well the outline reads notes written in other people's styles: precision and recall of
 * talks (title, speaker and line all right) and of sections, against test/fixtures/real-world/,
 * where each `*.notes` has the outline a person reads in it (`*.expected.json`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Outline, OutlineTalk } from '../../server/src/cli/outline';
import { ROOT } from '../helpers';

export const REAL_WORLD = path.join(ROOT, 'test/fixtures/real-world');

export interface ExpectedTalk {
  readonly title: string;
  readonly speaker: string | null;
  readonly organisation: string | null;
  readonly line: number;
  readonly sections: ReadonlyArray<{ readonly title: string; readonly line: number }>;
}

export interface Fixture {
  readonly name: string;
  readonly file: string;
  readonly expected: readonly ExpectedTalk[];
}

export function realWorldFixtures(): Fixture[] {
  return readdirSync(REAL_WORLD)
    .filter((f) => f.endsWith('.notes'))
    .sort()
    .map((name) => ({
      name,
      file: path.join(REAL_WORLD, name),
      expected: (JSON.parse(readFileSync(path.join(REAL_WORLD, name.replace(/\.notes$/, '.expected.json')), 'utf8')) as { talks: ExpectedTalk[] }).talks,
    }));
}

/** Every talk of an outline, loose talks first. */
export function talksOf(outline: Outline): OutlineTalk[] {
  return [...outline.looseTalks, ...outline.days.flatMap((d) => d.sessions.flatMap((s) => s.talks))];
}

export interface Score {
  /** Talks found / expected / found right (title, speaker and line). */
  readonly talks: { found: number; expected: number; right: number };
  readonly sections: { found: number; expected: number; right: number };
  /** What was read wrong, for a person to look at. */
  readonly misses: string[];
}

const key = (line: number, title: string, speaker: string | null) => `${line}\u0000${title}\u0000${speaker ?? ''}`;

export function score(fixture: Fixture, outline: Outline): Score {
  const found = talksOf(outline);
  const expectedTalks = new Set(fixture.expected.map((t) => key(t.line, t.title, t.speaker)));
  const foundTalks = new Set(found.map((t) => key(t.line, t.title, t.speaker)));
  const expectedSections = new Set(fixture.expected.flatMap((t) => t.sections.map((s) => key(s.line, s.title, String(t.line)))));
  const foundSections = new Set(found.flatMap((t) => t.sections.map((s) => key(s.line, s.title, String(t.line)))));
  const misses: string[] = [];
  for (const t of found) if (!expectedTalks.has(key(t.line, t.title, t.speaker))) misses.push(`${fixture.name}:${t.line}: read "${t.title}" · ${t.speaker ?? '—'}`);
  for (const t of fixture.expected) if (!foundTalks.has(key(t.line, t.title, t.speaker))) misses.push(`${fixture.name}:${t.line}: missed "${t.title}" · ${t.speaker ?? '—'}`);
  const right = (a: Set<string>, b: Set<string>) => [...a].filter((k) => b.has(k)).length;
  return {
    talks: { found: foundTalks.size, expected: expectedTalks.size, right: right(foundTalks, expectedTalks) },
    sections: { found: foundSections.size, expected: expectedSections.size, right: right(foundSections, expectedSections) },
    misses,
  };
}

export function total(scores: readonly Score[]): Score {
  const sum = (pick: (s: Score) => Score['talks']) => ({
    found: scores.reduce((n, s) => n + pick(s).found, 0),
    expected: scores.reduce((n, s) => n + pick(s).expected, 0),
    right: scores.reduce((n, s) => n + pick(s).right, 0),
  });
  return { talks: sum((s) => s.talks), sections: sum((s) => s.sections), misses: scores.flatMap((s) => s.misses) };
}

export const precision = (c: Score['talks']) => (c.found === 0 ? 1 : c.right / c.found);
export const recall = (c: Score['talks']) => (c.expected === 0 ? 1 : c.right / c.expected);

export function describeScore(s: Score, files: number): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  return [
    `real-world notes (${files} files, ${s.talks.expected} talks, ${s.sections.expected} sections):`,
    `  talks    precision ${pct(precision(s.talks))} (${s.talks.right}/${s.talks.found}), recall ${pct(recall(s.talks))} (${s.talks.right}/${s.talks.expected})`,
    `  sections precision ${pct(precision(s.sections))} (${s.sections.right}/${s.sections.found}), recall ${pct(recall(s.sections))} (${s.sections.right}/${s.sections.expected})`,
    ...s.misses.map((m) => `  ${m}`),
  ].join('\n');
}
