/** Go to Talk… across the workspace: talks matching what is typed, best first, with where each is. */
import { fileName, type WorkspaceIndex } from '../workspace/workspaceIndex';
import type { TalkEntry } from '../workspace/fileSummary';
import type { TalkPick } from '../protocol/types';


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
