/** Lines in other writers' styles (test/fixtures/real-world/), for generated notes. */
export const REAL_WORLD_LINES: readonly string[] = [
  'Why bother', 'Shadow DOM', '  • Browsers ship it', 'Priya Raman – Shipping on Fridays', 'Tom Reed – Postgres at 3 a.m.',
  'Maria Gonzalez – Observability Budgets', 'Edge Caching — Wen Li (Fastly)', 'Edge Caching – Wen Li, Fastly',
  'Wen Li (Fastly): Edge Caching', 'Scaling Postgres: Lena Ortiz', 'Scaling Postgres (Lena Ortiz)', 'Wed 14:00 Kernel Q&A',
  'Keynote – Genevieve Bell', 'Lightning talks', 'Closing', 'Open Spaces', 'Talk – @priya and @dana',
];
