/** Lines in other writers' styles (test/fixtures/real-world/), for generated notes. */
export const REAL_WORLD_LINES: readonly string[] = [
  'Why bother', 'Shadow DOM', '  • Browsers ship it', 'Priya Raman – Shipping on Fridays', 'Tom Reed – Postgres at 3 a.m.',
  'Maria Gonzalez – Observability Budgets', 'Edge Caching — Wen Li (Fastly)', 'Edge Caching – Wen Li, Fastly',
  'Wen Li (Fastly): Edge Caching', 'Scaling Postgres: Lena Ortiz', 'Scaling Postgres (Lena Ortiz)', 'Wed 14:00 Kernel Q&A',
  'Keynote – Genevieve Bell', 'Lightning talks', 'Closing', 'Open Spaces', 'Talk – @priya and @dana',
  // How a file is read (docs/FORMAT.md): headings over prose, speakers below, rules and underlines, wraps, lists.
  '', 'Does Anyone Still Need Cron?', 'Mara opened with a poll of the room. Most hands went up.', 'Ines Duarte', 'Dana Whitfield, Staff Engineer, Acme',
  'Dana Whitfield – @dana', '  • Grace Kim and Omar Haddad, Orbital Health', '“Rust at Scale” by Jane Doe', 'Yuki Tanaka: "Packaging in 2023"',
  'Lars Eriksen, Unsafe Code Review at Work', 'Neurodiversity and DevOps @jeffsussna', 'Keynote: Ryn Daniels', 'Tuesday 10am Opening Remarks',
  'My key takeaways were:', 'My notes from DevConf – Day 2', 'Day Two', 'Afternoon', 'Contents', '10:45 Coffee', 'Share this:', 'Final thoughts',
  '-----', '=====', '* * *', '## Reproducible Labs (Kalinda Martin)', 'keynote (ana lima)', 'timid code', 'Results',
  '- Functions: one entry block and possibly many exit blocks, so the', 'prologue/epilogue insertion has to run once per exit',
  '* Pandas is not a database (Mikko Virtanen)', '** two stars', 'Jono Bacon',
];
