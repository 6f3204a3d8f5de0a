/** Go to Talk… across the workspace: talks matching what is typed, best first, with where each is. */
import { fileName, type WorkspaceIndex } from '../workspace/workspaceIndex';
import type { TalkEntry } from '../workspace/fileSummary';

export interface TalkPick {
  readonly title: string;
  readonly speaker: string | null;
  readonly event: string | null;
  readonly day: string | null;
  readonly session: string | null;
  readonly uri: string;
  /** Its place among the file's talks: the client asks where that talk is now before moving. */
  readonly ordinal: number;
  /** Its title line when the answer was made (0-based). */
  readonly line: number;
  readonly file: string;
}

export function searchTalks(index: WorkspaceIndex, query: string, limit: number): TalkPick[] {
  return (index.search(query, limit, 'talk') as TalkEntry[]).map((t) => ({
    title: t.title,
    speaker: t.speaker,
    event: t.event,
    day: t.day,
    session: t.session,
    uri: t.uri,
    ordinal: t.ordinal,
    line: t.line,
    file: fileName(t.uri),
  }));
}
