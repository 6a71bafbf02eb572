// Output of orgsim's own commands: JSON when asked for (--output json), else a table.
import type { Session } from '../main.js';

export async function printRecords(session: Session, document: object, rows: object[], columns: string[]): Promise<void> {
  if (session.chosenOutput() !== undefined && session.output() === 'json') {
    session.io.stdout(JSON.stringify(document, null, 4) + '\n');
    return;
  }
  const { default: Table } = await import('cli-table3');
  const table = new Table({ head: columns, style: { head: [], border: [] } });
  for (const row of rows) table.push(columns.map((c) => String((row as Record<string, unknown>)[c] ?? '')));
  session.io.stdout(table.toString() + '\n');
}
