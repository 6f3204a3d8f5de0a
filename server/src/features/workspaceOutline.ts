/**
 * The Conference Notes view: event → day → session → talk across every file of the workspace.
 * Events and days are merged across files (one file per day is common); sessions stay per file.
 * Talks before any session header sit under a node for their file.
 */
import { normalizeName } from '../parser/lineRules';
import type { TalkEntry } from '../workspace/fileSummary';
import { fileName, type WorkspaceIndex } from '../workspace/workspaceIndex';

/** Where a node's title line is: the file and the talk's (or session's) number in it, from 0. */
export interface OutlineTarget {
  readonly uri: string;
  readonly ordinal: number;
  /** The 0-based line of the title when the outline was made (the client re-asks when revealing). */
  readonly line: number;
}

export interface OutlineNode {
  readonly kind: 'event' | 'file' | 'day' | 'session' | 'talk';
  /** Stable across answers while the names stay: the view keeps expansion and selection by it. */
  readonly id: string;
  readonly label: string;
  /** The speaker of a talk; the talk count of the others. */
  readonly description: string;
  readonly talkCount: number;
  readonly target: OutlineTarget | null;
  readonly children: readonly OutlineNode[];
}

interface Building {
  readonly kind: OutlineNode['kind'];
  readonly id: string;
  readonly label: string;
  readonly target: OutlineTarget | null;
  readonly children: Building[];
  /** Children by key, for merging. */
  readonly byKey: Map<string, Building>;
  talkCount: number;
  readonly speaker?: string;
}

export function workspaceOutline(index: WorkspaceIndex): OutlineNode[] {
  const events = new Map<string, Building>();
  const files: Building[] = [];
  const node = (kind: Building['kind'], id: string, label: string, target: OutlineTarget | null = null, speaker?: string): Building => ({
    kind, id, label, target, children: [], byKey: new Map(), talkCount: 0, speaker,
  });
  const child = (parent: Building | Map<string, Building>, key: string, make: () => Building): Building => {
    const map = parent instanceof Map ? parent : parent.byKey;
    let found = map.get(key);
    if (!found) {
      found = make();
      map.set(key, found);
      if (!(parent instanceof Map)) parent.children.push(found);
    }
    return found;
  };
  const talkNode = (t: TalkEntry, ordinal: number) =>
    node('talk', `t ${t.uri} ${ordinal}`, t.title, { uri: t.uri, ordinal, line: t.selectionRange.start.line }, t.speaker ?? undefined);

  for (const file of index.files()) {
    const sessionNodes: Building[] = [];
    file.sessions.forEach((s, ordinal) => {
      const eventKey = normalizeName(s.event);
      const event = child(events, eventKey, () => node('event', `e ${eventKey}`, s.event));
      const dayKey = normalizeName(s.day);
      const day = child(event, dayKey, () => node('day', `d ${eventKey} ${dayKey}`, s.day));
      const session = node('session', `s ${file.uri} ${ordinal}`, s.session, { uri: file.uri, ordinal, line: s.selectionRange.start.line });
      day.children.push(session);
      sessionNodes.push(session);
    });
    let loose: Building | null = null;
    file.talks.forEach((t, ordinal) => {
      let parent = t.sessionOrdinal === null ? null : sessionNodes[t.sessionOrdinal];
      if (!parent) {
        loose ??= node('file', `f ${file.uri}`, fileName(file.uri));
        parent = loose;
      }
      parent.children.push(talkNode(t, ordinal));
    });
    if (loose) files.push(loose);
  }
  const roots = [...[...events.values()].sort((a, b) => a.label.localeCompare(b.label, 'en', { numeric: true, sensitivity: 'base' })), ...files];
  return roots.map(finish);
}

function finish(building: Building): OutlineNode {
  const children = building.children.map(finish);
  const talkCount = building.kind === 'talk' ? 1 : children.reduce((sum, c) => sum + c.talkCount, 0);
  return {
    kind: building.kind,
    id: building.id,
    label: building.label,
    description: building.kind === 'talk' ? (building.speaker ?? '') : `${talkCount} talk${talkCount === 1 ? '' : 's'}`,
    talkCount,
    target: building.target,
    children,
  };
}
