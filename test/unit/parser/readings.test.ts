/**
 * How a file is read (docs/FORMAT.md): one test per shape of notes that writers use, each with
 * both sides — what is a talk there and what only looks like one.
 */
import { strict as assert } from 'node:assert';
import { parse } from '../../helpers';

/** Each talk as `title · speaker` (with `› section`s), in order. */
const talks = (...lines: string[]) =>
  parse(...lines).talks.map((t) => [t.speaker ? `${t.title} · ${t.speaker}` : t.title, ...t.sections.map((s) => `› ${s.title}`)].join(' '));
const readings = (...lines: string[]) => parse(...lines).talks.map((t) => `${t.title}: ${t.reading}`);

describe('how a file is read', () => {
  describe('headings over prose', () => {
    it('Should read headings that stand alone over paragraphs as talks', () => {
      assert.deepEqual(talks('Does Anyone Still Need Cron?', '', 'Mara opened with a poll of the room. Most hands went up for systemd timers.', '', 'Shipping on Fridays', '', 'A short talk, mostly war stories.'), [
        'Does Anyone Still Need Cron?',
        'Shipping on Fridays',
      ]);
    });
    it('Should read a heading whose text starts on the next line', () => {
      assert.deepEqual(talks('Rust in the Kernel', 'The speaker walked through two years of patches and the review they got.', '', 'Observability on a Budget', 'Three signals per service was the advice.'), [
        'Rust in the Kernel',
        'Observability on a Budget',
      ]);
    });
    it('Should not read a lead-in ending in a colon, or a paragraph of one sentence, as a talk', () => {
      assert.deepEqual(talks('Rust in the Kernel', '', 'My key takeaways were:', '', '- keep unsafe small', '', 'The agenda was as follows:', '', 'I left early to catch the train', '', 'Nothing else'), ['Rust in the Kernel']);
    });
    it('Should not read the post\'s own title, its byline or a day line as a talk', () => {
      assert.deepEqual(talks('My notes from DevConf – Day 2', 'Tomasz Zieliński – 4 June 2024', '', 'Day Two', '', 'Rust in the Kernel – Oren Bakshi', '', 'A long story about review culture.'), ['Rust in the Kernel · Oren Bakshi']);
      assert.deepEqual(talks('How it went: Day One', '', 'A small event this year.', '', 'First Day', '', 'Writing Less Code – Ama Owusu', '', 'She argued for deleting half of it.'), ['Writing Less Code · Ama Owusu']);
      assert.deepEqual(talks('My notes from DevConf', '', 'Tomasz Zieliński – 4 June 2024', '', 'A long day of talks.', '', 'Rust in the Kernel – Oren Bakshi', '', 'Review culture.'), ['Rust in the Kernel · Oren Bakshi']);
    });
    it('Should read a title in title case that holds the words of a sentence as a heading, and a sentence in lower case as prose', () => {
      assert.deepEqual(talks('How We Lost a Datacenter and Kept Serving', 'Kemal Aydın', '', 'Cooling failed for eleven hours.', '', 'we lost a datacenter and it was fine', '', 'more notes'), ['How We Lost a Datacenter and Kept Serving · Kemal Aydın']);
    });
  });

  describe('the speaker below the title', () => {
    it('Should take a name on the line right below the title as its speaker, with a handle, a role or an organisation', () => {
      assert.deepEqual(talks('Confident Systems', 'Dana Whitfield', '', 'notes start here'), ['Confident Systems · Dana Whitfield']);
      assert.deepEqual(talks('Confident Systems', 'Dana Whitfield – @dana', '', 'notes start here'), ['Confident Systems · Dana Whitfield']);
      const doc = parse('Confident Systems', 'Dana Whitfield, Staff Engineer, Acme', '', 'notes start here');
      assert.deepEqual(doc.talks.map((t) => [t.title, t.speaker, t.organisation, t.reading]), [['Confident Systems', 'Dana Whitfield', 'Acme', 'speaker on the next line']]);
    });
    it('Should take a first bullet that only names people as the speakers, several in one bullet', () => {
      assert.deepEqual(talks('Inclusive Code Review', '  • Grace Kim and Omar Haddad, Orbital Health', '  • review the code, not the person'), ['Inclusive Code Review · Grace Kim and Omar Haddad']);
      assert.deepEqual(readings('Inclusive Code Review', '  • Grace Kim', '  • notes'), ['Inclusive Code Review: speaker as its first bullet']);
    });
    it('Should not take a first bullet or a line below that is not only a name as the speaker', () => {
      assert.deepEqual(talks('Lighting talks', '  • New Zealand Open Source Society', '  • Call to Arms'), ['Lighting talks']);
      assert.deepEqual(talks('Confident Systems', 'Property-Based Testing at Scale – notes from the trenches', '', 'text'), ['Confident Systems']);
    });
    it('Should learn from the file that its speakers stand below the titles, names without a known given name too', () => {
      assert.deepEqual(talks('Confident Systems', 'Dana Whitfield', '', 'a', '', 'Lazy Loading', 'Kwabena Owusu', '', 'b', '', 'Kernel Traces', 'Ines Duarte', '', 'c'), [
        'Confident Systems · Dana Whitfield',
        'Lazy Loading · Kwabena Owusu',
        'Kernel Traces · Ines Duarte',
      ]);
    });
  });

  describe('talk lines', () => {
    it('Should read titles in quotes, and show them without the quotes', () => {
      assert.deepEqual(talks('“Rust at Scale” by Jane Doe', '  • a', '"Queues Everywhere" – Aroha Ngata', '  • b', 'Yuki Tanaka: "Packaging in 2023"', '  • c'), [
        'Rust at Scale · Jane Doe',
        'Queues Everywhere · Aroha Ngata',
        'Packaging in 2023 · Yuki Tanaka',
      ]);
      assert.deepEqual(readings('“Teaching Python to Nurses”', '', 'A lovely talk.'), ['Teaching Python to Nurses: title in quotes']);
    });
    it('Should read Speaker, Title where the file writes its talk lines so, and not elsewhere', () => {
      const commas = ['Lars Eriksen, Unsafe Code Review at Work', '  - a', '', 'Gabriela Souza, Compile Times Are a Product Problem', '  - b', '', 'Niamh O\'Connor, Error Handling That Scales', '  - c'];
      assert.deepEqual(talks(...commas), ['Unsafe Code Review at Work · Lars Eriksen', 'Compile Times Are a Product Problem · Gabriela Souza', "Error Handling That Scales · Niamh O'Connor"]);
      assert.deepEqual(talks('Lars Eriksen, Unsafe Code Review at Work', '  - a'), ['Lars Eriksen, Unsafe Code Review at Work']);
    });
    it('Should read a handle after the title as its speaker, but not a CSS at-rule', () => {
      assert.deepEqual(talks('Neurodiversity and DevOps @jeffsussna', '  • a', 'Testing UI (@juliana.qa)', '  • b', 'Pairing (by @mo_k)', '  • c'), ['Neurodiversity and DevOps · @jeffsussna', 'Testing UI · @juliana.qa', 'Pairing · @mo_k']);
      assert.deepEqual(talks('Example @font-face', '  • icon fonts'), ['Example @font-face']);
    });
    it('Should read the keynote shapes: Name Keynote whole, Keynote: Name and Keynote (Name) with their speaker', () => {
      assert.deepEqual(talks('Jono Bacon Keynote', '', 'Keynote: Ryn Daniels', '', 'Keynote (Wiremu Herewini)', '', 'Opening keynote: Ama Owusu'), [
        'Jono Bacon Keynote',
        'Keynote · Ryn Daniels',
        'Keynote · Wiremu Herewini',
        'Opening keynote · Ama Owusu',
      ]);
    });
    it('Should drop a trailing colon from a title', () => {
      assert.deepEqual(talks('Creating Lasting Change:', '', 'Prose about the talk follows here.'), ['Creating Lasting Change']);
    });
    it('Should read a slot in words before a title, keep it in the title, and not read a break as a talk', () => {
      assert.deepEqual(talks('Tuesday 10am Opening Remarks', '', 'Day 2, 9:30 – Observability Budgets', '', '10:45 Coffee', '', '11:00 Streams – Ana Lima', '', '12:00 Lunch'), [
        'Tuesday 10am Opening Remarks',
        'Day 2, 9:30 – Observability Budgets',
        '11:00 Streams · Ana Lima',
      ]);
    });
  });

  describe('sections only where the file shows them', () => {
    it('Should read a talk without a speaker after one with a speaker as a talk in the sample\'s style', () => {
      assert.deepEqual(talks('X 2019 – Day 1 – Lightning', '', 'Quick Wins by Ann Other', '  • one', 'Untitled talk', '  • two', 'Hardware Hacks by Bo Ng', '  • three'), ['Quick Wins · Ann Other', 'Untitled talk', 'Hardware Hacks · Bo Ng']);
    });
    it('Should read a line that only names a person, followed by notes, as a talk by that person', () => {
      assert.deepEqual(talks('Quick Wins by Ann Other', '  • one', 'Jono Bacon', '  • two'), ['Quick Wins · Ann Other', 'Jono Bacon · Jono Bacon']);
    });
    it('Should read a title with a subtitle after a dash as a talk', () => {
      assert.deepEqual(talks('Quick Wins by Ann Other', '  • one', 'secretd – another take on storing credentials', '  • two'), ['Quick Wins · Ann Other', 'secretd – another take on storing credentials']);
    });
    it('Should read sub-headings as sections where talks break into them, and a generic part anywhere', () => {
      assert.deepEqual(talks('Load Shedding – Maria Petrova', '', 'The problem', 'Services fall over under load.', '', 'Techniques', '- reject early', '', 'Caching Tips – Ana Lima', '- a'), [
        'Load Shedding · Maria Petrova › The problem › Techniques',
        'Caching Tips · Ana Lima',
      ]);
      assert.deepEqual(talks('Caching Tips – Ana Lima', '- a', 'Questions', '- will it scale?'), ['Caching Tips · Ana Lima › Questions']);
    });
    it('Should read the headings under Lightning talks as talks, and its bullets that name a speaker', () => {
      assert.deepEqual(talks('Main Talk – Ana Lima', '- a', '', 'Lightning talks', '', 'Jupyter in CI', '- nbval', 'Geocoding on a budget', '- nominatim'), ['Main Talk · Ana Lima', 'Jupyter in CI', 'Geocoding on a budget']);
      assert.deepEqual(talks('PyCon 2022 – Day 2 – Lightning talks', '', '* Pandas is not a database (Mikko Virtanen)', '    use duckdb', '* The PSF needs you (Deb Okonkwo)'), ['Pandas is not a database · Mikko Virtanen', 'The PSF needs you · Deb Okonkwo']);
    });
  });

  describe('lists that are not notes', () => {
    it('Should not read a table of contents or a list to watch later as talks', () => {
      assert.deepEqual(talks('Contents', '', 'Rust at Scale – Jane Doe', 'Queues – Bo Ng', '', 'Rust at Scale – Jane Doe', '- notes'), ['Rust at Scale · Jane Doe']);
      assert.deepEqual(talks('Rust at Scale – Jane Doe', '- notes', '', 'Talks I want to watch later:', '', 'Type Providers Revisited (Sven Olsen)', 'Property Testing – Aylin Demir'), ['Rust at Scale · Jane Doe']);
    });
    it('Should still read talk lines with nothing under them as talks when no list holds them', () => {
      assert.deepEqual(talks('Wed 09:30 Opening remarks', '', 'Wed 10:00 Kernel Q&A', '  • io_uring'), ['Wed 09:30 Opening remarks', 'Wed 10:00 Kernel Q&A']);
    });
  });

  describe('plain text as kept in repositories', () => {
    it('Should read the line after each rule as a talk, its speaker below it, and the lines without bullets as notes', () => {
      const doc = parse('devopsdays notes, amsterdam', '', '----------------------------', 'Confident Systems', 'Ines Duarte', '', 'notes start here, no bullets', 'timid code', '', '* * *', 'Results Matter', 'Kwame Mensah', '', 'Results', 'the numbers');
      assert.deepEqual(doc.talks.map((t) => `${t.title} · ${t.speaker}`), ['Confident Systems · Ines Duarte', 'Results Matter · Kwame Mensah']);
      assert.equal(doc.talks[0].reading, 'speaker on the next line');
      assert.equal(doc.sections.length, 0);
    });
    it('Should make no talk mark of a rule or two among talk lines, and read the first talk before the first rule', () => {
      assert.deepEqual(talks('Talk A by Ann Lee', '  • a', '-----', 'Talk B by Bo Ng', '  • b', 'Talk C by Cy Yu', '  • c'), ['Talk A · Ann Lee', 'Talk B · Bo Ng', 'Talk C · Cy Yu']);
      assert.deepEqual(talks('Confident Systems', 'Ines Duarte', '', 'notes', '', '-----', 'Lazy Loading', 'Kwame Mensah', '', 'notes', '', '-----', 'Kernel Traces', '', 'notes'), [
        'Confident Systems · Ines Duarte',
        'Lazy Loading · Kwame Mensah',
        'Kernel Traces',
      ]);
    });
    it('Should read underlined titles, = above -, the file deciding which level is its talks', () => {
      assert.deepEqual(talks('Day 1', '=====', '', 'Zero-downtime Migrations', '------------------------', '', 'Speaker: Andreas Gruber', '', 'text', '', 'Logical Replication', '-------------------', '', 'more'), ['Zero-downtime Migrations · Andreas Gruber', 'Logical Replication']);
      assert.deepEqual(talks('Property Testing', '================', 'Olusegun Bello', '', 'Shrinking', '---------', 'text', '', 'Local-First Software', '====================', 'Camille Laurent', '', 'Sync', '----', 'text'), [
        'Property Testing · Olusegun Bello › Shrinking',
        'Local-First Software · Camille Laurent › Sync',
      ]);
    });
    it('Should read a lower-case writer\'s names in lower case', () => {
      assert.deepEqual(talks('jsconf notes', '', 'keynote (ana lima)', '------------------', 'open hardware', '', 'terraform at scale', '------------------', 'stephen mwangi', '', 'modules'), ['keynote · ana lima', 'terraform at scale · stephen mwangi']);
      // As first bullets too, but only where the file writes in lower case (three headings or more).
      assert.deepEqual(talks('opening keynote', '  • ana lima', '  • notes on what we saw', '', 'rust in prod', '  • joe bloggs, acme', '  • it went well', '', 'why we left k8s', '  • a lot of yaml'), ['opening keynote · ana lima', 'rust in prod · joe bloggs', 'why we left k8s']);
      assert.deepEqual(talks('Opening Keynote', '  • Ana Lima', '  • notes', '', 'Rust in Prod', '  • tokio everywhere', '  • it went well'), ['Opening Keynote · Ana Lima', 'Rust in Prod']);
    });
    it('Should continue a bullet with a hard-wrapped line at column 0, never read it as a title', () => {
      const doc = parse('Cranelift Internals (Tomás Herrera)', '', '- Functions: one entry block and possibly many exit blocks, so the', 'prologue/epilogue insertion has to run once per exit', '- regalloc2 replaced the old allocator');
      assert.deepEqual(doc.talks.map((t) => `${t.title} · ${t.speaker}`), ['Cranelift Internals · Tomás Herrera']);
      assert.deepEqual([doc.bullets.count, doc.lines.lineAt(doc.bullets.span(0).end)], [2, 3]);
    });
    it('Should nest bullets indented by four or eight spaces, at column 0, and by their stars', () => {
      const doc = parse('Talk – Ana Lima', '    - top', '        - child', '- column 0', '* star', '** two stars', '*** three stars');
      const b = doc.bullets;
      assert.deepEqual(Array.from({ length: b.count }, (_, i) => b.level(i)), [1, 2, 1, 1, 2, 3]);
      assert.deepEqual(talks('Talk – Ana Lima', '* * *', 'Next – Bo Ng'), ['Talk · Ana Lima', 'Next · Bo Ng'], '* * * is a rule, not a bullet');
    });
    it('Should read Markdown-style # headings, the file deciding the level of its talks', () => {
      assert.deepEqual(talks('# Day 1', '', '## Reproducible Labs (Kalinda Martin)', '', '### Setup', 'text', '', '## Array Libraries', 'Arash Karimi', '', 'text'), ['Reproducible Labs · Kalinda Martin › Setup', 'Array Libraries · Arash Karimi']);
    });
    it('Should read a file without session headers as loose talks, a day heading grouping nothing', () => {
      const doc = parse('Wednesday', '', 'Confident Systems - Ines Duarte', 'notes', '', 'Thursday', '', 'Lazy Loading (Kwame Mensah)', 'notes');
      assert.deepEqual([doc.sessions.length, doc.looseTalks.map((t) => t.title)], [0, ['Confident Systems', 'Lazy Loading']]);
    });
  });
});
