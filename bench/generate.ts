/**
 * Deterministic inputs: the sample notes scaled to a size, in notes format and as the
 * equivalent Markdown (session → `#`, talk → `##`, `•` → `-`). Same scheme and output as the
 * performance anchor's gen.mjs, so both services read the same notes; the bench checks the
 * two agree when the anchor folder is there.
 */
const HEADER = /^(.+\b(?:19|20)\d\d\b.*?) – (.+?) – (.+)$/;
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export interface Generated {
  readonly notes: string;
  readonly markdown: string;
  readonly sessions: number;
}

export function generateNotes(sample: string, targetBytes: number): Generated {
  const lines = sample.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const sessions: string[][] = [];
  for (const line of lines) {
    if (HEADER.test(line)) sessions.push([]);
    else sessions.at(-1)?.push(line);
  }
  const notes: string[] = [];
  const markdown: string[] = [];
  let size = 0;
  let i = 0;
  while (size < targetBytes) {
    const body = sessions[i % sessions.length];
    const header = `Linux.conf.au ${2000 + Math.floor(i / 70)} – ${DAYS[Math.floor(i / 10) % 7]} – Session ${(i % 10) + 1}`;
    const n = [header, ...body];
    const m = [`# ${header}`];
    body.forEach((line, k) => {
      if (isTalk(body, k)) m.push(`## ${line} (${i})`);
      else {
        const bullet = /^( *)• (.*)$/.exec(line);
        m.push(bullet ? `${bullet[1]}- ${bullet[2]}` : line);
      }
    });
    const chunk = n.join('\n') + '\n';
    notes.push(chunk);
    markdown.push(m.join('\n') + '\n');
    size += Buffer.byteLength(chunk);
    i++;
  }
  return { notes: notes.join(''), markdown: markdown.join(''), sessions: i };
}

/** The anchor's rule for a talk line, so that the Markdown has the same headings. */
function isTalk(body: readonly string[], k: number): boolean {
  const line = body[k];
  if (!line || /^\s/.test(line) || !line.trim() || line.trim() === '\u00a0') return false;
  if (/ by [A-Z]/.test(line) || / – [A-Z][a-z]+ [A-Z]/.test(line)) return true;
  for (let j = k + 1; j < body.length; j++) {
    if (!body[j].trim()) continue;
    return /^\s+[•\-*]\s/.test(body[j]);
  }
  return false;
}

/**
 * The notes with every bullet line different (a number at its end), as in real notes: the
 * scaled sample repeats its lines, and a server that keeps something per distinct line holds
 * less for it than for notes people write.
 */
export function distinctBullets(notes: string): string {
  let n = 0;
  return notes.replace(/^([ \t]*•[ \t].*)$/gm, (line) => `${line} (${(n++).toString(36)})`);
}
