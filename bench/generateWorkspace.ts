/**
 * A deterministic workspace of notes: years of conferences, one file each. Every file is the
 * sample's shape (sessions, talks, bullets) under its own event, with its own talk titles
 * (words of the sample's bullets, drawn by a seeded generator) and speakers, and `[[references]]`
 * to talks of other files — most resolvable, some misspelt. One file keeps the sample's
 * Prometheus talk as it is, so that `prom wilk` has one right answer among the noise.
 */
const CONFERENCES = ['Linux.conf.au', 'PyCon AU', 'Kiwicon', 'OSDC', 'DevOpsDays', 'JSConf', 'RustConf', 'FOSDEM', 'GopherCon', 'KubeCon',
  'SREcon', 'Strange Loop', 'EuroPython', 'PGConf', 'DebConf', 'Open Source Summit', 'LinuxCon', 'BSDCan', 'NodeConf', 'RubyConf'];
const FIRST = ['Ann', 'Bo', 'Cy', 'Dee', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jo', 'Kai', 'Lea', 'Max', 'Nia', 'Oto', 'Pia'];
const LAST = ['Other', 'Ng', 'Twombly', 'Zee', 'Hart', 'Moss', 'Quint', 'Rowe', 'Stone', 'Teo', 'Underhill', 'Vance', 'Wu', 'Xu', 'Young', 'Zola'];
const HEADER = /^(.+\b(?:19|20)\d\d\b.*?) – (.+?) – (.+)$/;
const PROMETHEUS = 'An introduction to monitoring and alerting with timeseries at scale, with Prometheus by Jamie Wilkinson';

export interface GeneratedWorkspace {
  /** Relative path → text. */
  readonly files: Map<string, string>;
  readonly bytes: number;
  readonly talks: number;
  readonly references: number;
  /** Titles of some talks, for queries that should find them. */
  readonly someTitles: string[];
  /** The file holding the Prometheus talk. */
  readonly prometheusFile: string;
}

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function generateWorkspace(sample: string, fileCount: number, totalBytes: number): GeneratedWorkspace {
  const lines = sample.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const words = [...new Set(lines.filter((l) => /^\s+•/.test(l)).flatMap((l) => l.replace(/^\s+•\s*/, '').split(/\s+/)).filter((w) => /^[A-Za-z][a-z]{2,}$/.test(w)))];
  const perFile = totalBytes / fileCount;
  const files = new Map<string, string>();
  const titlesByFile: string[][] = [];
  const someTitles: string[] = [];
  let bytes = 0;
  let talks = 0;
  let references = 0;
  const prometheusIndex = Math.floor(fileCount / 2);
  let prometheusFile = '';

  for (let f = 0; f < fileCount; f++) {
    const next = random(f + 1);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
    const event = `${CONFERENCES[f % CONFERENCES.length]} ${1990 + Math.floor(f / CONFERENCES.length)}`;
    const name = `${event.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.notes`;
    const dir = `${CONFERENCES[f % CONFERENCES.length].toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
    const path = `${dir}/${name}`;
    const titles: string[] = [];
    const out: string[] = [];
    let size = 0;
    let planted = false;
    for (let round = 0; size < perFile; round++) {
      for (let i = 0; i < lines.length && size < perFile; i++) {
        let line = lines[i];
        const header = HEADER.exec(line);
        if (header) line = `${event} – ${header[2]} – ${header[3]}${round > 0 ? ` (${round + 1})` : ''}`;
        else if (isTitle(lines, i)) {
          if (f === prometheusIndex && !planted && line === PROMETHEUS) {
            planted = true;
            prometheusFile = path;
          } else {
            const title = Array.from({ length: 3 + Math.floor(next() * 5) }, () => pick(words)).join(' ');
            const capitalised = title[0].toUpperCase() + title.slice(1);
            titles.push(capitalised);
            line = `${capitalised} by ${pick(FIRST)} ${pick(LAST)}`;
          }
          talks++;
        } else if (/^\s+•/.test(line) && f > 0 && next() < 0.01) {
          // A reference to a talk of an earlier file; one in ten misspelt.
          const target = pick(titlesByFile[Math.floor(next() * f)] ?? titles) ?? 'Nothing';
          line += next() < 0.1 ? ` – see [[${target.slice(0, -1)}]]` : ` – see [[${target}]]`;
          references++;
        }
        out.push(line);
        size += Buffer.byteLength(line) + 1;
      }
    }
    const text = out.join('\n') + '\n';
    files.set(path, text);
    titlesByFile.push(titles);
    if (f % 100 === 7) someTitles.push(titles[3] ?? titles[0]);
    bytes += Buffer.byteLength(text);
  }
  return { files, bytes, talks, references, someTitles, prometheusFile };
}

/** The sample's talk titles: unindented lines followed by a bullet, or ending in a speaker. */
function isTitle(lines: readonly string[], i: number): boolean {
  const line = lines[i];
  if (!line.trim() || /^\s/.test(line) || HEADER.test(line)) return false;
  if (/ by [A-Z]/.test(line) || / – [A-Z][a-z]+ [A-Z]/.test(line)) return true;
  for (let j = i + 1; j < lines.length; j++) {
    if (!lines[j].trim()) continue;
    return /^\s+[•\-*]\s/.test(lines[j]);
  }
  return false;
}
