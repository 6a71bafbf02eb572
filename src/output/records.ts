// The people's view of a list of records: a boxed table (cli-table3, loaded only here).
export async function recordsTable(rows: object[], columns: string[]): Promise<string> {
  const { default: Table } = await import('cli-table3');
  const table = new Table({ head: columns, style: { head: [], border: [] } });
  for (const row of rows) table.push(columns.map((c) => String((row as Record<string, unknown>)[c] ?? '')));
  return table.toString() + '\n';
}
