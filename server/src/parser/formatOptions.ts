import type { SpeakerPosition } from './talkLines';

/** How the writer's talk lines are read (docs/FORMAT.md, "Where the speaker is" and "Saying what a line is"). */
export interface FormatOptions {
  readonly speakerPosition: SpeakerPosition;
  /** Lines that are always talks, as `normalizeName` gives them. */
  readonly talks: ReadonlySet<string>;
  /** Lines that are always sections of the talk above, as `normalizeName` gives them. */
  readonly sections: ReadonlySet<string>;
}

export const DEFAULT_FORMAT: FormatOptions = { speakerPosition: 'auto', talks: new Set(), sections: new Set() };
