// The people's view of a list of records: a boxed table (cli-table3, loaded only here), fitted to
// `width` when one is given: the widest columns give way, and their cells wrap.
const MIN_COLUMN = 8;

/** Each column's width with its padding, shrunk widest first until the table (borders included) fits. */
function fitted(rows: string[][], head: string[], width: number): number[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => Math.max(...r[i]!.split('\n').map((l) => l.length)))) + 2);
  const room = width - (head.length + 1);
  let total = widths.reduce((a, b) => a + b, 0);
  while (total > room) {
    const widest = widths.indexOf(Math.max(...widths));
    if (widths[widest]! <= MIN_COLUMN) break;
    widths[widest]!--;
    total--;
  }
  return widths;
}

export async function recordsTable(rows: object[], columns: string[], width?: number): Promise<string> {
  const { default: Table } = await import('cli-table3');
  const cells = rows.map((row) => columns.map((c) => String((row as Record<string, unknown>)[c] ?? '')));
  const fit = width === undefined ? {} : { colWidths: fitted(cells, columns, width), wordWrap: true, wrapOnWordBoundary: false };
  const table = new Table({ head: columns, style: { head: [], border: [] }, ...fit });
  for (const row of cells) table.push(row);
  return table.toString() + '\n';
}
