// Short help texts (the full manual pages come with the help issue).
import type { Operation } from '../model/operations.js';
import { OPERATIONS } from '../model/operations.js';
import { shapeOf } from '../model/shapes.js';
import { argumentTable } from './arguments.js';

export function topHelp(): string {
  return [
    'orgsim - the aws organizations handshake commands, offline',
    '',
    'usage: orgsim [options] organizations <operation> [parameters]',
    '       orgsim [options] <operation> [parameters]',
    '       orgsim init | demo | profiles | quota | configure',
    '',
    'Operations:',
    ...OPERATIONS.map((op) => `  ${op.cliName.padEnd(34)} ${op.summary}`),
    '',
    "orgsim's own commands:",
    '  init [--force]                     create the sample world (refuses to replace one without --force)',
    '  demo                               tell the invitation story in a throwaway world',
    '  profiles                           list the profiles and the accounts they stand for',
    '  quota [set --accounts N --invitations-per-day N]',
    "                                     show or raise the current organization's quotas",
    '  configure set|get output|profile   store default preferences',
    '',
  ].join('\n');
}

export function operationHelp(op: Operation): string {
  const input = shapeOf(op.input);
  const lines = [`orgsim organizations ${op.cliName}`, '', op.summary, '', 'Options:'];
  if (input.type === 'structure') {
    for (const arg of argumentTable(op).members) {
      const ref = input.members[arg.member]!;
      const required = input.required?.includes(arg.member) ? ' (required)' : '';
      lines.push(`  ${arg.flag.padEnd(26)} ${ref.doc}${required}`);
    }
  }
  lines.push('  --cli-input-json | --cli-input-yaml   read the parameters from a document');
  lines.push('  --generate-cli-skeleton [input|yaml-input|output]');
  if (op.paginator) lines.push('  --starting-token, --page-size, --max-items   paging, as in the AWS CLI');
  return lines.join('\n') + '\n';
}
