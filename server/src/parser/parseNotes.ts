/**
 * Text → NotesDocument: what each line says alone (`lineFacts`, cached across parses when a
 * cache is given), a scan of the file's structure (`LineScanner`), the decisions of what its
 * openers are once its conventions are learnt (`decideLines`), then one pass that builds the
 * model. Pure and total: any string yields a model, nothing throws.
 */
import { DEFAULT_FORMAT, type FormatOptions } from './formatOptions';
import { lineFacts, LONGEST_LINE_SEARCHED_FOR_LINKS, type LineFacts } from './lineFacts';
import type { LineFactsCache } from './lineFactsCache';
import { LineScanner, Role } from './lineScan';
import { LineTable } from './lineTable';
import { ModelBuilder, type ModelParts } from './modelBuilder';
import type { NotesDocument } from './model';
import { decideLines } from './readings';
import { runToEnd } from './steps';
import { breakAfter, joinLines, splitLines, type TextLines } from './textLines';

// How talk lines are read is a parse's option: its callers take it from here.
export { DEFAULT_FORMAT, type FormatOptions } from './formatOptions';


export interface ParseOptions {
  /** Facts of the previous version's lines, reused for the lines an edit did not touch. */
  readonly cache?: LineFactsCache;
  /** False: find no links (the workspace index needs only titles and references). */
  readonly links?: boolean;
  /** False: no bullet table (the workspace index and search need none); `bullets` is empty. */
  readonly bullets?: boolean;
  readonly format?: FormatOptions;
  /** The text's line table when the caller already has one (an open document's), so it is not built twice. */
  readonly lineTable?: LineTable;
  /** Lines between two pauses of parseSteps (LINES_PER_STEP): the tests pause every few lines. */
  readonly linesPerStep?: number;
}

/** Lines parsed between two pauses of `parseSteps`. */
export const LINES_PER_STEP = 4096;

export function parseNotes(input: string | TextLines, options: ParseOptions = {}): NotesDocument {
  return runToEnd(parseSteps(input, options));
}

/**
 * The parse as steps of LINES_PER_STEP lines, so that a caller can answer other requests
 * between them (a 100 MB file takes seconds). The same code as parseNotes, which runs it through.
 */
export function* parseSteps(input: string | TextLines, options: ParseOptions = {}): Generator<void, NotesDocument, void> {
  const source = typeof input === 'string' ? splitLines(input) : input;
  const lines = options.lineTable ?? LineTable.of(source);
  const step = options.linesPerStep ?? LINES_PER_STEP;
  /** Lines read, or openers decided, between two pauses: each costs microseconds. */
  const slowStep = Math.max(1, step >> 3);
  yield;
  const format = options.format ?? DEFAULT_FORMAT;
  const withLinks = options.links !== false;
  // The BOM is not part of the first line's content.
  const bom = source.lines[0].charCodeAt(0) === 0xfeff ? 1 : 0;
  const content = (line: number) => (line === 0 && bom ? source.lines[0].slice(1) : source.lines[line]);
  // The cache holds facts with links: the index's parse (no links) reads every line.
  const cache = withLinks ? options.cache : undefined;

  const { facts, bulletLines, taken, scanner } = yield* readFacts(source, content, cache, format, withLinks, step, slowStep);
  const scan = taken ? taken.scan : scanner.finish();
  yield;
  const { decisions, readBullets } = taken ?? (yield* decideLines(scan, facts, content, format, slowStep));

  const builder = new ModelBuilder(options.bullets !== false ? bulletLines : 0, content, (line) => lines.lineStart(line) + (line === 0 ? bom : 0));
  let nextHeader = 0;
  let nextDecision = 0;
  for (let line = 0; line < lines.lineCount; line++) {
    if (line % step === step - 1) yield;
    const here = facts[line];
    if (here.blank) continue;
    const header = scan.headers[nextHeader]?.line === line ? scan.headers[nextHeader++].shape : null;
    const decision = decisions[nextDecision]?.line === line ? decisions[nextDecision++] : undefined;
    builder.line(line, here, header, decision, here.indented || scan.roles[line] === Role.Wrap, LONGEST_LINE_SEARCHED_FOR_LINKS);
  }
  const parts = builder.finish();
  yield;
  cache?.endParse();
  cache?.reading.keep(source.lines, format, { scan, decisions, readBullets });
  yield;
  return notesDocument(input, source, lines, parts);
}

/**
 * Every line's facts, once: the file's conventions are learnt over the whole file before any
 * line is read. With a cache, a line an edit did not touch keeps its facts; and typing inside a
 * bullet leaves the last reading standing (readingCache.ts, `taken`): its one changed line is
 * read first to know.
 */
function* readFacts(source: TextLines, content: (line: number) => string, cache: LineFactsCache | undefined, format: FormatOptions, withLinks: boolean, step: number, slowStep: number) {
  const count = source.lines.length;
  const facts = (cache ? cache.startParse(source.lines) : new Array<LineFacts | undefined>(count)) as LineFacts[];
  const before = cache?.reading.begin(source.lines);
  const changed = cache?.changedLine ?? null;
  if (cache && changed && changed.line >= 0 && facts[changed.line] === undefined) facts[changed.line] = cache.read(content(changed.line));
  const taken = cache?.reading.take(before, changed, facts, format);
  let bulletLines = 0;
  const scanner = new LineScanner(facts, content);
  // Taking a line's facts over costs nanoseconds, reading them microseconds: a pause every `step` lines, and every `slowStep` read.
  let linesRead = 0;
  for (let line = 0; line < count; line++) {
    if (line % step === step - 1) yield;
    let f = facts[line];
    if (f === undefined) {
      f = facts[line] = cache ? cache.read(content(line)) : lineFacts(content(line), withLinks);
      if (++linesRead % slowStep === 0) yield;
    }
    if (f.blank) continue;
    if (f.bullet) bulletLines++;
    if (taken) continue;
    if (f.bullet || f.indented) scanner.lastBulletish = line;
    else scanner.add(line, f);
  }
  return { facts, bulletLines, taken, scanner };
}

/**
 * The model around what the parse found. Its own function so that its closures keep the
 * lines alone: closures made in parseNotes would keep every line's facts alive with the model.
 */
function notesDocument(input: string | TextLines, source: TextLines, lines: LineTable, parts: ModelParts): NotesDocument {
  let text: string | undefined = typeof input === 'string' ? input : undefined;
  return {
    get text() {
      return (text ??= joinLines(source));
    },
    lineText: (line) => source.lines[line] ?? '',
    lineBreak: (line) => breakAfter(source, line),
    lines,
    ...parts,
  };
}
