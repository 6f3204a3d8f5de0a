/**
 * Which programme talk a talk of the notes is (docs/SCHEDULES.md, "Matching"): its title as the
 * programme writes it, ignoring case, accents, punctuation and spacing, or nearly so (a few
 * letters off in a title of twelve letters or more, as notes typed during the talk are); where the notes name a speaker, a talk whose
 * speakers share a name with it wins, and a title only nearly the same needs one. Several left:
 * none (a guess would put the wrong links under a talk).
 */
import { distance } from 'fastest-levenshtein';
import { normalizeWord } from '../search/searchWords';
import type { ProgrammeTalk } from './programme';

/** A title or a name compared: letters and digits, lower case, no accents (as search compares words), single spaces. */
export function comparable(text: string): string {
  return normalizeWord(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Letters a title may be off by and still be the same talk's: two, or one in eight of a long title. */
const nearness = (length: number) => Math.max(2, Math.floor(length / 8));

function sharesASpeaker(written: string, speakers: readonly string[]): boolean {
  const names = new Set(comparable(written).split(' ').filter((w) => w.length > 1 && w !== 'and'));
  return speakers.some((s) => comparable(s).split(' ').some((w) => names.has(w)));
}

export function matchTalk(title: string, speaker: string | null, talks: readonly ProgrammeTalk[]): ProgrammeTalk | null {
  const wanted = comparable(title);
  if (wanted === '') return null;
  const same = talks.filter((t) => !t.cancelled && comparable(t.title) === wanted);
  // Nearly the same only for titles long enough that two letters off is still the same title (not `Intro` for `Outro`).
  const near = same.length > 0 || wanted.length < 12 ? [] : talks.filter((t) => !t.cancelled && Math.abs(t.title.length - title.length) <= nearness(wanted.length) && distance(comparable(t.title), wanted) <= nearness(wanted.length));
  const bySpeaker = (list: ProgrammeTalk[]) => (speaker ? list.filter((t) => sharesASpeaker(speaker, t.speakers)) : []);
  if (same.length > 0) {
    const spoken = bySpeaker(same);
    const chosen = spoken.length > 0 ? spoken : same;
    return chosen.length === 1 ? chosen[0] : null;
  }
  // Nearly the same title: only with a speaker in common, where the notes name one.
  const spoken = speaker ? bySpeaker(near) : near;
  return spoken.length === 1 ? spoken[0] : null;
}
