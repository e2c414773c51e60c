/**
 * psql's aligned output (src/fe_utils/print.c, print_aligned_text, border 1, the
 * default when stdout is not a terminal too): an optional centered title, headers
 * centered with a space either side, a dashed rule joined by `+`, cells padded to
 * the column's width (numbers to the right) except the last column's left-aligned
 * text, `+` where a cell goes on on the next line, and the `(N rows)` footer followed
 * by an empty line.
 */

export interface PgColumn {
  name: string;
  /** Numbers are right-aligned. */
  numeric?: boolean;
}

export function alignedTable(columns: readonly PgColumn[], rows: readonly (readonly string[])[], title?: string): string {
  const cells = rows.map((r) => r.map((v) => v.split('\n')));
  const widths = columns.map((c, i) => Math.max(c.name.length, ...cells.map((r) => Math.max(...r[i]!.map((l) => l.length)))));
  const total = widths.reduce((a, b) => a + b, 0) + 3 * columns.length - 1;
  let out = '';
  if (title !== undefined) out += `${' '.repeat(Math.max(0, Math.floor((total - title.length) / 2)))}${title}\n`;
  out += `${columns
    .map((c, i) => {
      const pad = widths[i]! - c.name.length;
      return ` ${' '.repeat(Math.floor(pad / 2))}${c.name}${' '.repeat(pad - Math.floor(pad / 2))} `;
    })
    .join('|')}\n`;
  out += `${widths.map((w) => '-'.repeat(w + 2)).join('+')}\n`;
  for (const row of cells) {
    const height = Math.max(...row.map((lines) => lines.length));
    for (let line = 0; line < height; line++) {
      let text = '';
      row.forEach((lines, i) => {
        const value = lines[line] ?? '';
        const last = i === columns.length - 1;
        const more = line < lines.length - 1;
        const padded = columns[i]!.numeric ? value.padStart(widths[i]!) : last && !more ? value : value.padEnd(widths[i]!);
        text += ` ${padded}${last ? (more ? '+' : '') : more ? '+|' : ' |'}`;
      });
      out += `${text}\n`;
    }
  }
  out += `(${rows.length} ${rows.length === 1 ? 'row' : 'rows'})\n\n`;
  return out;
}
