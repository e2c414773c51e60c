/**
 * Figures and their budgets: each measured figure has a name, a value and a
 * unit, and when the issue sets a budget for it, a verdict (PASS or OVER).
 * Printed as a table for people, then as one JSON object for tools.
 */

export interface Figure {
  /** Dotted key, the same in the table and the JSON (`large.ping.median`). */
  key: string;
  value: number;
  unit: 'ms' | 'x' | 'chars' | 'bytes' | 'KB';
  /** The largest value that passes, and what it stands for (`<= 0.5 ms`, `<= 1.5x the 30-container figure`). */
  budget?: { max: number; text: string };
  note?: string;
}

export const verdict = (f: Figure): 'PASS' | 'OVER' | '' => (f.budget === undefined ? '' : f.value <= f.budget.max ? 'PASS' : 'OVER');

function formatValue(f: Figure): string {
  if (f.unit === 'chars' || f.unit === 'bytes') return `${Math.round(f.value)} ${f.unit}`;
  if (f.unit === 'x') return `${f.value.toFixed(2)}x`;
  const digits = f.value >= 100 ? 0 : f.value >= 10 ? 1 : f.value >= 1 ? 2 : 3;
  return `${f.value.toFixed(digits)} ${f.unit}`;
}

/** The table: figure, value, budget, verdict, note; sections separated by a blank line where the first key part changes. */
export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [f.key, formatValue(f), f.budget?.text ?? '', verdict(f), f.note ?? '']);
  const header = ['figure', 'value', 'budget', 'verdict', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const out = [line(header), line(widths.map((w) => '-'.repeat(w)))];
  let section = '';
  for (let i = 0; i < rows.length; i++) {
    const top = figures[i]!.key.split('.')[0]!;
    if (section !== '' && top !== section) out.push('');
    section = top;
    out.push(line(rows[i]!));
  }
  return `${out.join('\n')}\n`;
}

/** The JSON object: every figure by key (value, unit, and budget and verdict where set), and the counts of verdicts. */
export function toJson(figures: readonly Figure[], extra: Record<string, unknown>): Record<string, unknown> {
  const byKey: Record<string, unknown> = {};
  for (const f of figures) {
    byKey[f.key] = { value: Number(f.value.toFixed(4)), unit: f.unit, ...(f.budget ? { budget: f.budget.max, verdict: verdict(f) } : {}) };
  }
  const over = figures.filter((f) => verdict(f) === 'OVER').map((f) => f.key);
  return { ...extra, figures: byKey, over, pass: figures.filter((f) => verdict(f) === 'PASS').length };
}
