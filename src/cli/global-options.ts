// The AWS CLI's global options, recognised anywhere on the command line.
import { OUTPUT_FORMATS, type OutputFormat } from '../output/render.js';
import { ERROR_FORMATS, type ErrorFormat } from '../errors/chain.js';
import type { OptionSpec, OptionValue } from './argv.js';

export const GLOBAL_SPECS: readonly OptionSpec[] = [
  { flag: '--debug', nargs: 0 },
  { flag: '--endpoint-url', nargs: 1 },
  { flag: '--no-verify-ssl', nargs: 0 },
  { flag: '--no-paginate', nargs: 0 },
  { flag: '--output', nargs: 1, choices: OUTPUT_FORMATS },
  { flag: '--query', nargs: 1 },
  { flag: '--profile', nargs: 1 },
  { flag: '--region', nargs: 1 },
  { flag: '--version', nargs: 0 },
  { flag: '--color', nargs: 1, choices: ['on', 'off', 'auto'] },
  { flag: '--no-sign-request', nargs: 0 },
  { flag: '--ca-bundle', nargs: 1 },
  { flag: '--cli-read-timeout', nargs: 1, int: true },
  { flag: '--cli-connect-timeout', nargs: 1, int: true },
  { flag: '--cli-binary-format', nargs: 1, choices: ['base64', 'raw-in-base64-out'] },
  { flag: '--no-cli-pager', nargs: 0 },
  { flag: '--cli-auto-prompt', nargs: 0 },
  { flag: '--no-cli-auto-prompt', nargs: 0 },
  { flag: '--cli-error-format', nargs: 1, choices: ERROR_FORMATS },
];

export interface GlobalOptions {
  debug: boolean;
  noPaginate: boolean;
  output?: OutputFormat;
  query?: string;
  profile?: string;
  color: 'on' | 'off' | 'auto';
  errorFormat?: ErrorFormat;
  version: boolean;
}

export function readGlobals(values: Map<string, OptionValue>): GlobalOptions {
  const str = (flag: string) => values.get(flag) as string | undefined;
  return {
    debug: values.has('--debug'),
    noPaginate: values.has('--no-paginate'),
    output: str('--output') as OutputFormat | undefined,
    query: str('--query'),
    profile: str('--profile'),
    color: (str('--color') as GlobalOptions['color'] | undefined) ?? 'auto',
    errorFormat: str('--cli-error-format') as ErrorFormat | undefined,
    version: values.has('--version'),
  };
}
