import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { outline } from '../../server/src/cli/outline';
import { parseNotes } from '../../server/src/parser/parseNotes';
import { ROOT, SAMPLE_PATH } from '../helpers';
import { realWorldFixtures, talksOf } from '../realworld/accuracy';
import { routes, startSite, type LocalSite } from '../linkcheck/localSites';

const CLI = path.join(ROOT, 'dist/cli.js');
const run = (...args: string[]) => runAs({}, ...args);
const runAs = ({ cli = CLI, ...as }: { uid?: number; gid?: number; cli?: string }, ...args: string[]) => {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: cli === CLI ? ROOT : path.dirname(cli), timeout: 20000, ...as });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
/** Root reads anything: permission errors are produced as nobody then. */
const NOT_ROOT = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

describe('confnotes CLI', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'confnotes-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: string | Buffer) => {
    const p = path.join(dir, name);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, content);
    return p;
  };

  describe('outline', () => {
    it('Should print the sample as a tree of days, sessions and talks', () => {
      const { code, out } = run('outline', 'test/fixtures/lca2016.notes');
      assert.equal(code, 0);
      const lines = out.split('\n');
      assert.equal(lines[0], 'test/fixtures/lca2016.notes');
      assert.equal(lines[1], '  Friday · Linux.conf.au 2016  (lines 1–297)');
      assert.equal(lines[2], '    Session 3  (lines 1–81)');
      assert.equal(lines[3], '      Lighting talks  (lines 3–64)');
      assert.ok(out.includes('      LNAV  · Paul Wayper  (lines 979–993)'));
    });
    it('Should print the JSON contract with 1-based inclusive lines and null speakers', () => {
      const { code, out } = run('outline', '--json', SAMPLE_PATH);
      assert.equal(code, 0);
      const o = JSON.parse(out);
      assert.deepEqual(Object.keys(o), ['file', 'days', 'looseTalks']);
      assert.deepEqual(o.days[0].sessions[0], {
        name: 'Session 3',
        header: 'Linux.conf.au 2016 – Friday – Session 3',
        line: 1,
        endLine: 81,
        talks: [
          { title: 'Lighting talks', speaker: null, organisation: null, reading: 'calls itself a talk', line: 3, endLine: 64, sections: [] },
          { title: 'Closing', speaker: null, organisation: null, reading: 'calls itself a talk', line: 66, endLine: 81, sections: [] },
        ],
      });
      assert.deepEqual([o.days[0].event, o.days[0].day, o.days[0].line, o.days[0].endLine], ['Linux.conf.au 2016', 'Friday', 1, 297]);
      const talks = o.days.flatMap((d: { sessions: Array<{ talks: unknown[] }> }) => d.sessions.flatMap((s) => s.talks));
      assert.equal(talks.length, 23);
    });
    it('Should print an array for several files, and loose talks', () => {
      const loose = file('loose.notes', 'Warm-up by Ann Other\n  • x\n');
      const { out } = run('outline', '--json', loose, loose);
      const o = JSON.parse(out);
      assert.equal(o.length, 2);
      assert.deepEqual(o[0].looseTalks, [{ title: 'Warm-up', speaker: 'Ann Other', organisation: null, reading: 'speaker on its line', line: 1, endLine: 2, sections: [] }]);
    });
    it('Should read every real-world fixture as the unit tier does, sections and organisations in the JSON', () => {
      for (const fixture of realWorldFixtures()) {
        const { code, out } = run('outline', '--json', fixture.file);
        assert.equal(code, 0);
        const found = talksOf(JSON.parse(out)).map((t) => ({ title: t.title, speaker: t.speaker, organisation: t.organisation, line: t.line, sections: t.sections.map((x) => ({ title: x.title, line: x.line })) }));
        const unit = talksOf(outline(fixture.file, parseNotes(readFileSync(fixture.file, 'utf8')))).map((t) => ({ title: t.title, speaker: t.speaker, organisation: t.organisation, line: t.line, sections: t.sections.map((x) => ({ title: x.title, line: x.line })) }));
        assert.deepEqual(found, unit, fixture.name);
      }
    });
    it('Should print sections indented under their talk, with the organisation beside the speaker', () => {
      const notes = file('sections.notes', ['Web Components in Practice by Dana Whitfield', '', 'Why bother', '  • Browsers ship it', 'Shadow DOM', '  • Styles', '', 'Edge Caching — Wen Li (Fastly)', '  • x', ''].join('\n'));
      const { code, out } = run('outline', notes);
      assert.equal(code, 0);
      assert.deepEqual(out.trimEnd().split('\n').slice(1), [
        '  Web Components in Practice  · Dana Whitfield  (lines 1–6)',
        '    › Why bother  (lines 3–4)',
        '    › Shadow DOM  (lines 5–6)',
        '  Edge Caching  · Wen Li (Fastly)  (lines 8–9)',
      ]);
    });
    it('Should take the reading of talk lines from --speaker-position, --talk and --section', () => {
      const notes = file('order.notes', ['Grafana Tips – Jenkins Pipelines', '  • a', 'Questions', '  • b', ''].join('\n'));
      const talks = (...args: string[]) => talksOf(JSON.parse(run('outline', '--json', ...args, notes).out)).map((t) => [t.title, t.speaker, t.sections.map((x) => x.title)]);
      assert.deepEqual(talks(), [['Grafana Tips', 'Jenkins Pipelines', ['Questions']]]);
      assert.deepEqual(talks('--speaker-position', 'start'), [['Jenkins Pipelines', 'Grafana Tips', ['Questions']]]);
      assert.deepEqual(talks('--talk', 'QUESTIONS'), [['Grafana Tips', 'Jenkins Pipelines', []], ['Questions', null, []]]);
      assert.deepEqual(talks('--speaker-position', 'end', '--section', 'Grafana Tips – Jenkins Pipelines'), [['Grafana Tips', 'Jenkins Pipelines', ['Questions']]]);
      const bad = run('outline', '--speaker-position', 'middle', notes);
      assert.equal(bad.code, 2);
      assert.match(bad.err, /--speaker-position takes auto, end or start, not 'middle'/);
    });
  });

  describe('format', () => {
    const messy = ['Talk by Ann Other   ', '  • a', '  - b', '    * c', '', '', '', '', 'Next by Bo Ng', '\t• d'].join('\n');
    const tidy = ['Talk by Ann Other', '  • a', '  • b', '    • c', '', '', 'Next by Bo Ng', '  • d', ''].join('\n');
    it('Should print one file formatted, and leave it as it is', () => {
      const f = file('messy.notes', messy);
      const { code, out } = run('format', f);
      assert.equal(code, 0);
      assert.equal(out, tidy);
      assert.equal(readFileSync(f, 'utf8'), messy);
    });
    it('Should list the files that would change with --check and exit 1, 0 when none would', () => {
      const a = file('check-a.notes', messy);
      const b = file('check-b.notes', tidy);
      const { code, out } = run('format', '--check', a, b);
      assert.equal(code, 1);
      assert.deepEqual(out.trim().split('\n'), [a]);
      assert.equal(run('format', '--check', b).code, 0);
    });
    it('Should rewrite files in place with --write, keep CRLF and a BOM, and report an unreadable one with exit 2', () => {
      const crlf = file('crlf.notes', '\ufeffTalk\r\n- a  \r\n');
      const plain = file('write.notes', messy);
      const { code, err } = run('format', '--write', crlf, path.join(dir, 'missing.notes'), plain);
      assert.equal(code, 2);
      assert.match(err, /missing\.notes: no such file or folder/);
      assert.equal(readFileSync(crlf, 'utf8'), '\ufeffTalk\r\n- a\r\n');
      assert.equal(readFileSync(plain, 'utf8'), tidy, 'the files after the unreadable one are still handled');
    });
    it('Should take the marker, indent and blank lines as options, and refuse bad ones with exit 2', () => {
      const f = file('options.notes', tidy);
      assert.equal(run('format', '--bullet-marker', '-', '--indent', '4', '--max-blank-lines', '0', f).out, ['Talk by Ann Other', '    - a', '    - b', '        - c', 'Next by Bo Ng', '    - d', ''].join('\n'));
      for (const [args, message] of [[['--indent', 'x'], /--indent takes auto or a number/], [['--bullet-marker', '+'], /--bullet-marker takes/], [['--write', '--check'], /do not go together/]] as const) {
        const r = run('format', ...args, f);
        assert.equal(r.code, 2, args.join(' '));
        assert.match(r.err, message);
      }
      assert.match(run('format', f, f).err, /several files need --write or --check/);
    });
  });

  describe('export', () => {
    it('Should print one file as Markdown: day and session headings, talks with speakers, nested lists, links', () => {
      const { code, out, err } = run('export', '--to', 'markdown', 'test/fixtures/lca2016.notes');
      assert.equal(code, 0);
      assert.ok(out.startsWith('# Linux.conf.au 2016 – Friday\n\n## Session 3\n\n### Lighting talks <a id="lighting-talks"></a>\n\n- New Zealand Open Source Society\n  - [nzoss.org.nz](https://nzoss.org.nz/)\n'), out.slice(0, 300));
      assert.ok(out.includes('### Helicopters and rocket-planes — Andrew Tridgell <a id="helicopters-and-rocket-planes"></a>'));
      // The link that cannot be opened: exported as text, and said on stderr.
      assert.match(err, /lca2016\.notes:9: 'github\/steven-ellis' exported as text, not a link/);
    });
    it('Should write every file into --out as NAME.html, under --title', () => {
      const folder = path.join(dir, 'export-out');
      const { code } = run('export', '--to', 'html', '--out', folder, '--title', 'Kiwicon & friends', 'test/fixtures/workspace/kiwicon2019.notes', 'test/fixtures/workspace/pycon/pyconau2019.confnotes');
      assert.equal(code, 0);
      const pycon = readFileSync(path.join(folder, 'pyconau2019.html'), 'utf8');
      assert.match(pycon, /^<!doctype html>/);
      assert.ok(pycon.includes('<title>Kiwicon &amp; friends</title>'));
      assert.ok(readFileSync(path.join(folder, 'kiwicon2019.html'), 'utf8').includes('<h3 id="breaking-into-cars">Breaking into cars — Ann Other</h3>'));
    });
    it('Should take --heading-level, --no-day-headings, --toc and --fragment, and refuse bad options with exit 2', () => {
      const { out } = run('export', '--to', 'html', '--fragment', '--heading-level', '2', '--no-day-headings', '--toc', 'test/fixtures/lca2016.notes');
      assert.ok(out.startsWith('<nav><ul>\n<li><a href="#lighting-talks">Lighting talks</a></li>'));
      assert.ok(out.includes('<h2>Linux.conf.au 2016 – Friday – Session 3</h2>'));
      assert.ok(!out.includes('<html>'));
      assert.equal(run('export', 'test/fixtures/lca2016.notes').code, 2);
      assert.equal(run('export', '--to', 'pdf', 'test/fixtures/lca2016.notes').code, 2);
      assert.equal(run('export', '--to', 'markdown', '--heading-level', '7', 'test/fixtures/lca2016.notes').code, 2);
      assert.equal(run('export', '--to', 'markdown', 'test/fixtures/lca2016.notes', 'test/fixtures/workspace/kiwicon2019.notes').code, 2);
      const missing = run('export', '--to', 'markdown', path.join(dir, 'nope.notes'));
      assert.equal(missing.code, 2);
      assert.match(missing.err, /nope\.notes/);
    });
  });

  describe('a reader that stops early', () => {
    it('Should end quietly with the pipe closed under it (confnotes check … | head)', async () => {
      const many = file('many-findings.notes', ['Talk by Ann Other', ...Array.from({ length: 20000 }, (_, i) => `  • github/user${i}`)].join('\n'));
      const child = spawn(process.execPath, [CLI, 'check', many], { stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      await new Promise((resolve) => child.stdout.once('data', resolve));
      child.stdout.destroy();
      const code = await new Promise((resolve) => child.on('close', resolve));
      assert.equal(err, '');
      assert.ok(code === 0 || code === 1, `exit ${code}`);
    });
  });

  describe('the bundle', () => {
    it('Should hold no LSP library: the CLI speaks no protocol (the editor\'s connection, JSON-RPC, the protocol\'s messages)', () => {
      const bundle = readFileSync(CLI, 'utf8');
      // esbuild names each bundled module's path in a comment (`// node_modules/vscode-jsonrpc/lib/…`).
      const modules = [...bundle.matchAll(/^\/\/ (?:.*\/)?node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)].map((m) => m[1]);
      assert.ok(modules.includes('picomatch'), 'the bundle names its modules');
      assert.deepEqual(modules.filter((m) => /^vscode-(languageserver|languageserver-protocol|jsonrpc|languageclient)$/.test(m)), []);
    });
  });

  describe('help and version', () => {
    it('Should print usage for confnotes --help and each COMMAND --help, and the version, with exit 0', () => {
      const all = run('--help');
      assert.equal(all.code, 0);
      assert.match(all.out, /confnotes export --to markdown\|html/);
      for (const command of ['outline', 'format', 'check', 'search', 'export']) {
        const help = run(command, '--help');
        assert.equal(help.code, 0, command);
        assert.match(help.out, new RegExp(`^usage:\n  confnotes ${command} `), command);
        assert.ok(!help.out.includes(`confnotes ${command === 'outline' ? 'check' : 'outline'} `), `${command}: only its own usage`);
      }
      const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
      assert.deepEqual([run('--version').code, run('--version').out.trim()], [0, `confnotes ${version}`]);
    });
  });

  describe('search', () => {
    it('Should print file:line:col: Talk · Speaker — text for each matching line, best talk first, and exit 0', () => {
      const { code, out, err } = run('search', '--root', 'test/fixtures', 'esp8266', 'wifi');
      assert.equal(code, 0, err);
      const lines = out.trimEnd().split('\n');
      assert.equal(lines[0], 'test/fixtures/lca2016.notes:85:31: Free as in cheap gadgets: the ESP8266 · Angus Gratton — Free as in cheap gadgets: the ESP8266 by Angus Gratton');
      assert.ok(lines.includes('test/fixtures/lca2016.notes:88:17: Free as in cheap gadgets: the ESP8266 · Angus Gratton — • Arduino for ESP8266 very popular'));
    });
    it('Should print the JSON rows with 1-based lines and columns counted in characters after emoji', () => {
      const root = path.join(dir, 'search-json');
      file('search-json/k.notes', 'Kiwicon 2019 – Friday – Session 1\n\nBreaking into cars by Ann Other\n  • 🎉 CAN bus on the OBD port\n');
      const { code, out } = run('search', '--json', '--root', root, 'obd');
      assert.equal(code, 0);
      assert.deepEqual(JSON.parse(out), [
        { file: path.join(root, 'k.notes'), line: 4, column: 22, endColumn: 25, talk: 'Breaking into cars', speaker: 'Ann Other', session: 'Session 1', day: 'Friday', event: 'Kiwicon 2019', text: '• 🎉 CAN bus on the OBD port', score: JSON.parse(out)[0].score },
      ]);
      assert.ok(JSON.parse(out)[0].score > 0);
    });
    it('Should search the current folder by default, take phrases and filters, and exit 1 when nothing matches', () => {
      const cwd = path.join(ROOT, 'test/fixtures/real-world');
      const inFolder = spawnSync(process.execPath, [CLI, 'search', '"shadow dom"'], { cwd, encoding: 'utf8' });
      assert.equal(inFolder.status, 0);
      assert.match(inFolder.stdout.split('\n')[0], /^pgconf-2021-sections\.notes:\d+:\d+: Web Components in Practice · Dana Whitfield — /);
      const filtered = spawnSync(process.execPath, [CLI, 'search', 'speaker:raman'], { cwd, encoding: 'utf8' });
      assert.match(filtered.stdout, /Shipping on Fridays · Priya Raman/);
      const none = spawnSync(process.execPath, [CLI, 'search', 'zzqx'], { cwd, encoding: 'utf8' });
      assert.deepEqual([none.status, none.stdout], [1, '']);
    });
    it('Should refuse a missing query or a bad --limit with exit 2, and report an unreadable root', () => {
      assert.equal(run('search', '--root', 'test/fixtures').code, 2);
      const limit = run('search', '--limit', 'x', 'esp8266');
      assert.equal(limit.code, 2);
      assert.match(limit.err, /--limit takes a number/);
      const missing = run('search', '--root', path.join(dir, 'no-such-folder'), 'esp8266');
      assert.equal(missing.code, 2);
      assert.match(missing.err, /no-such-folder/);
      // A query that starts with a dash, after --.
      assert.equal(run('search', '--root', 'test/fixtures', '--', '-esp8266').code, 0);
    });
  });

  describe('check', () => {
    it('Should report [[references]] that name no talk or several among the files checked, like the editor', () => {
      const folder = path.join(dir, 'collection');
      cpSync(path.join(ROOT, 'test/fixtures/workspace'), folder, { recursive: true });
      copyFileSync(SAMPLE_PATH, path.join(folder, 'lca2016.notes'));
      const { code, out } = run('check', folder);
      assert.equal(code, 1);
      const lines = out.trim().split('\n').map((l) => l.slice(folder.length + 1));
      assert.deepEqual(lines, [
        "lca2016.notes:9:7: warning incomplete-link: 'github/steven-ellis' names github without its domain: did you mean https://github.com/steven-ellis?",
        'reading-list.notes:5:7: warning ambiguous-reference: "Closing" is the title of 3 talks (kiwicon2019.notes, lca2016.notes, pyconau2019.confnotes); name the file: [[kiwicon2019.notes#Closing]]',
        'reading-list.notes:6:7: warning unresolved-reference: No talk or session is titled "Helicopter and rocket planes" in the workspace; did you mean "Helicopters and rocket-planes"?',
      ]);
    });
    it('Should resolve references of the files named against the notes under --root, without reporting those', () => {
      const folder = path.join(dir, 'collection');
      const reading = path.join(folder, 'reading-list.notes');
      assert.equal(run('check', reading).out.split('\n').filter((l) => l.includes('unresolved-reference')).length, 5, 'alone, nothing it names is known');
      const { code, out } = run('check', '--json', '--root', folder, reading);
      assert.equal(code, 1);
      assert.deepEqual(JSON.parse(out).map((f: { line: number; column: number; endColumn: number; code: string; target: null }) => [f.line, f.column, f.endColumn, f.code, f.target]), [
        [5, 7, 14, 'ambiguous-reference', null],
        [6, 7, 35, 'unresolved-reference', null],
      ]);
    });
    it('Should count reference columns in characters after emoji', () => {
      const notes = file('emoji-ref.notes', 'Talk by Ann Other\n  • 🎉🎉 [[Nowhere]]\n');
      const [finding] = JSON.parse(run('check', '--json', notes).out);
      assert.deepEqual([finding.line, finding.column, finding.endColumn, finding.code], [2, 10, 17, 'unresolved-reference']);
    });
    it('Should print file:line:col: severity code: message and exit 1 on the sample', () => {
      const { code, out } = run('check', 'test/fixtures/lca2016.notes');
      assert.equal(code, 1);
      assert.equal(out, "test/fixtures/lca2016.notes:9:7: warning incomplete-link: 'github/steven-ellis' names github without its domain: did you mean https://github.com/steven-ellis?\n");
    });
    it('Should exit 0 on a clean file', () => {
      assert.deepEqual(run('check', file('clean.notes', 'Talk by Ann Other\n  • x.org\n')), { code: 0, out: '', err: '' });
    });
    it('Should print JSON with 1-based columns counted in characters after emoji', () => {
      const p = file('emoji.notes', 'Talk by Ann Other\n  • 🎉 htp://x.org\n');
      const { code, out } = run('check', '--json', p);
      assert.equal(code, 1);
      assert.deepEqual(JSON.parse(out), [{
        file: p, line: 2, column: 7, endLine: 2, endColumn: 18, severity: 'warning', code: 'malformed-url',
        message: "'htp' is not a URL scheme: did you mean http?", target: null,
      }]);
    });
    it('Should walk folders for *.notes and *.confnotes files', () => {
      const sub = path.join(dir, 'walk');
      file('walk/a.notes', '  • github/a\n');
      file('walk/deeper/b.confnotes', '  • github/b\n');
      file('walk/c.txt', '  • github/c\n');
      const { code, out } = run('check', sub);
      assert.equal(code, 1);
      assert.deepEqual(out.trim().split('\n').map((l) => path.relative(sub, l.split(':')[0])), ['a.notes', path.join('deeper', 'b.confnotes')]);
    });
    it('Should honour --ignore globs', () => {
      assert.equal(run('check', '--ignore', 'github/*', file('ign.notes', '  • github/a\n')).code, 0);
    });
  });

  describe('bad input', () => {
    it('Should report a missing file clearly, exit 2, and still check the other files', () => {
      const good = file('good.notes', '  • github/x\n');
      const { code, out, err } = run('check', path.join(dir, 'missing.notes'), good);
      assert.equal(code, 2);
      assert.match(err, /missing\.notes: no such file or folder/);
      assert.match(out, /good\.notes:1:5: warning incomplete-link/);
    });
    it('Should refuse binary and invalid UTF-8 files with a reason', () => {
      const bin = file('bin.notes', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]));
      const latin1 = file('latin1.notes', Buffer.from('caf\xe9 by Ann Other\n', 'latin1'));
      const { code, err } = run('check', bin, latin1);
      assert.equal(code, 2);
      assert.match(err, /bin\.notes: binary file/);
      assert.match(err, /latin1\.notes: not valid UTF-8/);
      assert.equal(run('outline', bin).code, 2);
    });
    it('Should survive symlink loops', () => {
      const loop = path.join(dir, 'loop');
      mkdirSync(loop, { recursive: true });
      symlinkSync(loop, path.join(loop, 'self'));
      file('loop/x.notes', 'Talk by Ann Other\n');
      assert.equal(run('check', loop).code, 0);
    });
    it('Should name each unreadable file and folder, exit 2, and still check the rest', function () {
      // Caught: a FIFO named on the command line blocked the read forever.
      if (spawnSync(process.execPath, ['--version'], { ...NOT_ROOT, cwd: tmpdir() }).status !== 0) this.skip(); // node itself is closed to nobody
      const open = mkdtempSync(path.join(tmpdir(), 'confnotes-perm-'));
      try {
        chmodSync(open, 0o755);
        // The bundled CLI stands alone; a copy here runs as nobody even when the checkout is closed to others.
        const cli = path.join(open, 'cli.js');
        copyFileSync(CLI, cli);
        chmodSync(cli, 0o644);
        const runHere = (...args: string[]) => runAs({ ...NOT_ROOT, cli }, ...args);
        const at = (name: string, content: string) => {
          const p = path.join(open, name);
          mkdirSync(path.dirname(p), { recursive: true, mode: 0o755 });
          writeFileSync(p, content, { mode: 0o644 });
          return p;
        };
        const locked = at('locked.notes', 'x');
        chmodSync(locked, 0o000);
        at('shut/inside.notes', 'x');
        chmodSync(path.join(open, 'shut'), 0o000);
        const good = at('good.notes', '  • github/x\n');
        mkdirSync(path.join(open, 'folder.notes'));
        const fifo = path.join(open, 'pipe.notes');
        if (spawnSync('mkfifo', [fifo]).status !== 0) this.skip();
        const r = runHere('check', locked, path.join(open, 'shut'), good, fifo);
        assert.equal(r.code, 2, r.err);
        assert.match(r.err, /locked\.notes: permission denied/);
        assert.match(r.err, /shut: permission denied/);
        assert.match(r.err, /pipe\.notes: not a regular file/);
        assert.match(r.out, /good\.notes:1:5: warning incomplete-link/);
        // A folder is walked (as the editor's index walks it): one without notes files says so.
        const o = runHere('outline', path.join(open, 'folder.notes'));
        assert.equal(o.code, 2);
        assert.match(o.err, /folder\.notes: no notes files \(\*\*\/\*\.notes \*\*\/\*\.confnotes\) found/);
      } finally {
        rmSync(open, { recursive: true, force: true });
      }
    });
    it('Should take folders as the editor walks them: nothing found in a search is exit 1, an empty --root no error, two exports of one name refused', () => {
      const empty = path.join(dir, 'no-notes');
      mkdirSync(empty, { recursive: true });
      const search = run('search', '--root', empty, 'zebra');
      assert.deepEqual([search.code, search.err], [1, '']);
      const a = file('same/a/x.notes', 'Zebra talk by Ann Lee\n  • zebra\n');
      file('same/b/x.notes', 'Yak talk by Bo Ng\n  • yak\n');
      assert.equal(run('check', '--root', empty, a).code, 0);
      const exported = run('export', '--to', 'markdown', '--out', path.join(dir, 'same-out'), path.join(dir, 'same'));
      assert.equal(exported.code, 2);
      assert.match(exported.err, /b\/x\.notes: not exported: .*a\/x\.notes is exported as .*x\.md already/);
      // A value that starts with a dash is still the option's value.
      const dashed = run('outline', '--talk', '-5 degrees', '--limit-typo-is-not-here', a);
      assert.match(dashed.err, /unknown option '--limit-typo-is-not-here'/, 'the value taken, the next word read as an option');
      assert.deepEqual([run('outline', '--talk', '-5 degrees', a).code, run('search', '--limit', '-5', 'x').err.split('\n')[0]], [0, 'confnotes: --limit takes a number of talks, 1 or more']);
    });
    it('Should explain usage errors and exit 2', () => {
      assert.equal(run().code, 2);
      assert.match(run('frobnicate').err, /unknown command 'frobnicate'/);
      assert.match(run('check').err, /needs at least one file or folder/);
      assert.match(run('outline', '--bogus', 'x').err, /unknown option '--bogus'/);
      assert.equal(run('--help').code, 0);
    });
    it('Should take a BOM and CRLF file like any other', () => {
      const p = file('bom.notes', '\ufeffLCA 2016 – Friday – Session 1\r\n\r\nTalk by Ann Other\r\n  • htp://x.org\r\n');
      const o = JSON.parse(run('outline', '--json', p).out);
      assert.deepEqual(o.days[0].sessions[0].talks, [{ title: 'Talk', speaker: 'Ann Other', organisation: null, reading: 'speaker on its line', line: 3, endLine: 4, sections: [] }]);
      assert.match(run('check', p).out, /bom\.notes:4:5: warning malformed-url/);
    });
  });
});

describe('confnotes check --online', function () {
  this.timeout(30000);
  let site: LocalSite;
  let dir: string;
  /** The CLI in a child process, without blocking this one (the local site answers from here). */
  const runAsync = (...args: string[]) =>
    new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT });
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (err += d));
      child.on('close', (code) => resolve({ code, out, err }));
    });
  beforeEach(async () => {
    site = await startSite(routes);
    dir = mkdtempSync(path.join(tmpdir(), 'confnotes-cli-online-'));
    writeFileSync(path.join(dir, 'a.notes'), ['Talk by Ann Other', `  • ${site.http}/ok`, `  • ${site.http}/gone-404 and ${site.http}/moved`, `  • 🎉 ${site.http}/linkedin`, '  • http://example.com/never'].join('\n') + '\n');
  });
  afterEach(async () => {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Should report dead, moved and unverified links with status, final URL and reason in JSON, and exit 1 for the dead one', async () => {
    const { code, out, err } = await runAsync('check', '--online', '--json', '--check-private-addresses', '--timeout', '2', '--cache-dir', path.join(dir, 'cache'), dir);
    assert.equal(code, 1, err);
    const found = JSON.parse(out).map((f: Record<string, unknown>) => [f.line, f.column, f.code, f.severity, f.status, f.finalUrl, f.reason]);
    assert.deepEqual(found, [
      [3, 5, 'dead-link', 'warning', 404, `${site.http}/gone-404`, '404 Not Found'],
      [3, 5 + `${site.http}/gone-404 and `.length, 'redirected-link', 'information', 200, `${site.http}/ok`, `redirects permanently (301) to ${site.http}/ok`],
      [4, 7, 'unverified-link', 'information', 999, `${site.http}/linkedin`, 'the site blocks automated checks (999 Request denied)'],
    ]);
    assert.ok(!site.seen.some((s) => s.path === '/never'));
  });
  it('Should answer a second run from the cache folder, and exit 0 when only information is left', async () => {
    const args = ['check', '--online', '--check-private-addresses', '--cache-dir', path.join(dir, 'cache'), '--accept', '404', dir];
    const first = await runAsync(...args);
    const asked = site.seen.length;
    const second = await runAsync(...args);
    assert.equal(site.seen.length, asked, 'nothing asked again');
    assert.equal(second.out, first.out);
    assert.equal(second.code, 0, 'a moved and an unverified link are information');
    assert.match(second.out, /a\.notes:3:\d+: information redirected-link: Moved: redirects permanently \(301\)/);
  });
  it('Should skip the local site without --check-private-addresses, and refuse a bad --timeout', async () => {
    const { code, out } = await runAsync('check', '--online', '--no-cache', dir);
    assert.equal(code, 0);
    assert.equal(out, '');
    assert.equal(site.seen.length, 0);
    assert.equal((await runAsync('check', '--online', '--timeout', 'soon', dir)).code, 2);
  });
});
