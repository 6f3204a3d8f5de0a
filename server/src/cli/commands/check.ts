import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { defaultCacheFolder } from '../../linkCheck/cacheFolder';
import { LinkCache } from '../../linkCheck/linkCache';
import { checkLinks } from '../../linkCheck/lazyChecker';
import type { Verdict } from '../../linkCheck/outcomes';
import { parseNotes } from '../../parser/parseNotes';
import { linkOptions, readSettings } from '../../settings';
import { summarize } from '../../workspace/fileSummary';
import { WorkspaceIndex } from '../../workspace/workspaceIndex';
import { findings, formatFinding, onlineFindings, placedLinks, placedReferences, referenceFindings, type Finding, type PlacedLink, type PlacedReference } from '../check';
import { flag, lastValue, UsageError, type Command } from '../command';

/** `confnotes check`: link problems and references, offline; with `--online`, every link's site asked. */
export const checkCommand: Command = {
  name: 'check',
  usage: `  confnotes check [--json] [--ignore GLOB]… [--root FOLDER]… PATH…
                                       flag malformed and incomplete links, and [[references]]
                                       that name no talk or several among the files checked
                                       (and the notes under each --root, read but not reported)
    --online                           also ask every link's site whether the page is there
      --accept STATUS…  --exclude GLOB…  --timeout SECONDS (10)
      --cache-dir FOLDER (~/.cache/confnotes)  --no-cache  --check-private-addresses
      --no-suggest-https`,
  options: {
    json: { type: 'boolean' },
    ignore: { type: 'string', multiple: true },
    root: { type: 'string', multiple: true },
    online: { type: 'boolean' },
    accept: { type: 'string', multiple: true },
    exclude: { type: 'string', multiple: true },
    timeout: { type: 'string' },
    'cache-dir': { type: 'string' },
    'no-cache': { type: 'boolean' },
    'check-private-addresses': { type: 'boolean' },
    'no-suggest-https': { type: 'boolean' },
  },
  needs: 'at least one file or folder',
  async run({ values, format, read }, out) {
    const json = flag(values, 'json');
    const online = flag(values, 'online');
    const accept = ((values.accept as string[] | undefined) ?? []).map(Number);
    const given = lastValue(values, 'timeout');
    const timeout = given === undefined ? 10 : Number(given);
    if (accept.some((s) => !Number.isInteger(s) || s < 100 || s > 999)) throw new UsageError('--accept takes an HTTP status, e.g. --accept 403');
    if (!(timeout >= 1 && timeout <= 300)) throw new UsageError('--timeout takes seconds, from 1 to 300');
    const settings = readSettings({
      links: {
        ignore: values.ignore ?? [],
        acceptStatus: accept,
        exclude: values.exclude ?? [],
        timeout,
        checkPrivateAddresses: flag(values, 'check-private-addresses'),
        suggestHttps: !flag(values, 'no-suggest-https'),
      },
    });
    const options = linkOptions(settings);
    // One pass over the files: link problems at once; references once every file is in the index.
    const index = new WorkspaceIndex();
    const uriOf = (file: string) => pathToFileURL(path.resolve(file)).href;
    const roots = values.root as string[] | undefined;
    if (roots) for (const notes of await read(out, roots, { noneIsAnError: false })) index.setFromDisk(summarize(uriOf(notes.file), parseNotes(notes.text, { links: false, format })));
    const checked: Array<{ links: Finding[]; references: PlacedReference[]; online: PlacedLink[] }> = [];
    const files = await read(out);
    for (const notes of files) {
      const doc = parseNotes(notes.text, { format });
      index.setFromDisk(summarize(uriOf(notes.file), doc));
      checked.push({ links: findings(notes.file, doc, options), references: placedReferences(notes.file, doc), online: online ? placedLinks(notes.file, doc, options) : [] });
    }

    let verdicts = new Map<string, Verdict>();
    if (online) {
      const cache = new LinkCache(flag(values, 'no-cache') ? null : (lastValue(values, 'cache-dir') ?? defaultCacheFolder()));
      const urls = checked.flatMap((c) => c.online.map((l) => l.url));
      const tell = process.stderr.isTTY && !json ? (done: number, total: number) => process.stderr.write(`\rchecking links online: ${done} of ${total}`) : undefined;
      const run = await checkLinks(urls, settings.online, cache, tell);
      if (tell) process.stderr.write('\n');
      const problem = cache.save();
      if (problem) out.notice(problem);
      verdicts = run.verdicts;
    }
    const all = checked.flatMap((c) =>
      [...c.links, ...referenceFindings(c.references, index, options.severity), ...onlineFindings(c.online, verdicts, options.severity)].sort((a, b) => a.line - b.line || a.column - b.column),
    );
    if (json) out.print(JSON.stringify(all, null, 2));
    else for (const f of all) out.print(formatFinding(f));
    if (!json && process.stderr.isTTY) process.stderr.write(`${all.length} problem${all.length === 1 ? '' : 's'} in ${files.length} file${files.length === 1 ? '' : 's'}\n`);
    // Information (a moved page, an unverifiable one) is told, not failed on.
    const failing = all.some((f) => f.severity === 'warning' || f.severity === 'error');
    return out.readErrors > 0 ? 2 : failing ? 1 : 0;
  },
};
