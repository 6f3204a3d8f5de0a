/**
 * The Conference Notes view: event → day → session → talk → section across every file of the workspace,
 * one level at a time (a workspace of a thousand files holds tens of thousands of talks; the
 * view asks for what it shows). Events and days are merged across files (one file per day is
 * common); sessions stay per file; talks before any session header sit under their file.
 *
 * Node ids say where a node is, so that a node can be found again after any change:
 * `e⇥event`, `d⇥event⇥day` (names as compared: case and spacing aside), `s⇥uri⇥n`, `t⇥uri⇥n`
 * (the n-th session or talk of the file), `x⇥uri⇥n⇥k` (the k-th section of that talk), `f⇥uri`.
 */
import { normalizeName } from '../parser/lineRules';
import type { FileSummary, SessionEntry, TalkEntry } from '../workspace/fileSummary';
import { fileName, type WorkspaceIndex } from '../workspace/workspaceIndex';
import type { OutlineNode } from '../protocol/types';



const SEP = '\t';

interface EventGroup {
  readonly key: string;
  readonly label: string;
  readonly days: Map<string, DayGroup>;
  talkCount: number;
}

interface DayGroup {
  readonly key: string;
  readonly label: string;
  readonly sessions: SessionEntry[];
  talkCount: number;
}

/** Events and days of the whole workspace, made once per version of the index. */
let grouped: { index: WorkspaceIndex; version: number; events: Map<string, EventGroup> } | null = null;

function eventsOf(index: WorkspaceIndex): Map<string, EventGroup> {
  if (grouped?.index === index && grouped.version === index.version) return grouped.events;
  const events = new Map<string, EventGroup>();
  for (const s of index.sessions()) {
    const eventKey = normalizeName(s.event);
    let event = events.get(eventKey);
    if (!event) events.set(eventKey, (event = { key: eventKey, label: s.event, days: new Map(), talkCount: 0 }));
    const dayKey = normalizeName(s.day);
    let day = event.days.get(dayKey);
    if (!day) event.days.set(dayKey, (day = { key: dayKey, label: s.day, sessions: [], talkCount: 0 }));
    day.sessions.push(s);
    day.talkCount += s.talkCount;
    event.talkCount += s.talkCount;
  }
  grouped = { index, version: index.version, events };
  return events;
}

const count = (n: number) => `${n} talk${n === 1 ? '' : 's'}`;

function eventNode(e: EventGroup): OutlineNode {
  return { kind: 'event', id: ['e', e.key].join(SEP), label: e.label, description: count(e.talkCount), talkCount: e.talkCount, target: null, hasChildren: true };
}

function dayNode(e: EventGroup, d: DayGroup): OutlineNode {
  return { kind: 'day', id: ['d', e.key, d.key].join(SEP), label: d.label, description: count(d.talkCount), talkCount: d.talkCount, target: null, hasChildren: true };
}

function sessionNode(s: SessionEntry): OutlineNode {
  return {
    kind: 'session',
    id: ['s', s.uri, s.ordinal].join(SEP),
    label: s.session,
    description: count(s.talkCount),
    talkCount: s.talkCount,
    target: { uri: s.uri, ordinal: s.ordinal, line: s.line },
    hasChildren: s.talkCount > 0,
  };
}

function talkNode(t: TalkEntry): OutlineNode {
  const target = { uri: t.uri, ordinal: t.ordinal, line: t.line };
  return { kind: 'talk', id: ['t', t.uri, t.ordinal].join(SEP), label: t.title, description: t.speaker ?? '', talkCount: 1, target, hasChildren: t.sections.length > 0 };
}

/** A section, found again through its talk (its title line) and its distance below it. */
function sectionNodes(t: TalkEntry): OutlineNode[] {
  return t.sections.map((x, k) => ({
    kind: 'section',
    id: ['x', t.uri, t.ordinal, k].join(SEP),
    label: x.title,
    description: '',
    talkCount: 0,
    target: { uri: t.uri, ordinal: t.ordinal, line: x.line, offset: x.line - t.line },
    hasChildren: false,
  }));
}

function fileNode(file: FileSummary, looseTalks: number): OutlineNode {
  return { kind: 'file', id: ['f', file.uri].join(SEP), label: fileName(file.uri), description: count(looseTalks), talkCount: looseTalks, target: null, hasChildren: true };
}

/** The children of a node (the top level for null); none for an id that is no longer there. */
export function outlineChildren(index: WorkspaceIndex, parentId: string | null): OutlineNode[] {
  const events = eventsOf(index);
  if (parentId === null) {
    const byName = [...events.values()].sort((a, b) => a.label.localeCompare(b.label, 'en', { numeric: true, sensitivity: 'base' }));
    const files = index.files().map((f) => [f, f.talks.filter((t) => t.sessionOrdinal === null).length] as const).filter(([, loose]) => loose > 0);
    return [...byName.map(eventNode), ...files.map(([f, loose]) => fileNode(f, loose))];
  }
  const [kind, a, b] = parentId.split(SEP);
  if (kind === 'e') {
    const event = events.get(a);
    return event ? [...event.days.values()].map((d) => dayNode(event, d)) : [];
  }
  if (kind === 'd') return events.get(a)?.days.get(b)?.sessions.map(sessionNode) ?? [];
  if (kind === 's') return (index.get(a)?.talks ?? []).filter((t) => t.sessionOrdinal === Number(b)).map(talkNode);
  if (kind === 'f') return (index.get(a)?.talks ?? []).filter((t) => t.sessionOrdinal === null).map(talkNode);
  if (kind === 't') {
    const talk = index.get(a)?.talks[Number(b)];
    return talk ? sectionNodes(talk) : [];
  }
  return [];
}

/** The nodes from the top down to the n-th talk (or session) of a file, to reveal it; empty if there is none. */
export function outlinePath(index: WorkspaceIndex, uri: string, kind: 'talk' | 'session', ordinal: number): OutlineNode[] {
  const file = index.get(uri);
  if (!file) return [];
  const talk = kind === 'talk' ? file.talks[ordinal] : undefined;
  if (kind === 'talk' && !talk) return [];
  const session = kind === 'session' ? file.sessions[ordinal] : talk!.sessionOrdinal === null ? undefined : file.sessions[talk!.sessionOrdinal];
  if (!session) return talk ? [fileNode(file, file.talks.filter((t) => t.sessionOrdinal === null).length), talkNode(talk)] : [];
  const event = eventsOf(index).get(normalizeName(session.event))!;
  const day = event.days.get(normalizeName(session.day))!;
  return [eventNode(event), dayNode(event, day), sessionNode(session), ...(talk ? [talkNode(talk)] : [])];
}
