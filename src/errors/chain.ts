// The one ordered chain from an error to its exit code and its text on stderr, as the AWS CLI's
// error handlers are one ordered list: the first entry that matches decides both.
import { ServiceError } from '../model/errors.js';
import { render, type OutputFormat } from '../output/render.js';
import { ArgParseError, ConfigurationError, GeneralError, NotSimulatedError, ParamValidationError, ProfileNotFoundError, QueryError, UnknownOptionsError } from './classes.js';
import { EXIT } from './exit-codes.js';
import { programName } from './program.js';

export function usageBanner(prog = programName()): string {
  return (
    `usage: ${prog} [options] <command> <subcommand> [<subcommand> ...] [parameters]\n` +
    `To see help text, you can run:\n\n  ${prog} help\n  ${prog} <command> help\n  ${prog} <command> <subcommand> help\n`
  );
}

export const ERROR_FORMATS = ['enhanced', 'legacy', 'json', 'yaml', 'text', 'table'] as const;
export type ErrorFormat = (typeof ERROR_FORMATS)[number];

export interface ReportContext {
  /** The operation being called, for service errors. */
  operation?: string;
  format: ErrorFormat;
  debug: boolean;
  /** stderr resets colours after each write (the AWS CLI's coloured table formatter exists). */
  resetAfterWrites?: boolean;
}

const RESET = '\x1b[0m';

/** The AWS CLI writes an error as three writes (a newline, the message, a newline); colorama's autoreset follows each with a reset. */
function resetEachWrite(text: string): string {
  if (!text.startsWith('\n') || !text.endsWith('\n')) return text + RESET;
  return `\n${RESET}${text.slice(1, -1)}${RESET}\n${RESET}`;
}

const prefix = () => `${programName()}: [ERROR]: `;

interface Handler {
  matches(error: unknown): boolean;
  exitCode: number;
  /** The enhanced and legacy text. */
  text(error: never, ctx: ReportContext): string;
  /** The fields the structured formats print (Message, Code, then modeled fields). */
  fields(error: never): Record<string, string>;
  /** Printed as the text in every error format. */
  plain?: boolean;
}

function handler<E>(type: abstract new (...args: never[]) => E, exitCode: number, text: (error: E, ctx: ReportContext) => string, fields?: (error: E) => Record<string, string>): Handler {
  return {
    matches: (error) => error instanceof type,
    exitCode,
    text: text as Handler['text'],
    fields: (fields ?? ((error: E) => ({ Message: (error as Error).message }))) as Handler['fields'],
  };
}

function serviceErrorText(error: ServiceError, ctx: ReportContext): string {
  const retries = error.retriesReached !== undefined ? ` (reached max retries: ${error.retriesReached})` : '';
  let text = `\n${prefix()}An error occurred (${error.code}) when calling the ${ctx.operation} operation${retries}: ${error.message}\n`;
  const details = error.toFields();
  delete details.Message;
  const keys = Object.keys(details);
  if (ctx.format !== 'legacy' && keys.length > 0) {
    text += '\nAdditional error details:\n' + keys.map((k) => `${k}: ${details[k]}\n`).join('');
  }
  return text;
}

function unexpectedText(error: unknown, ctx: ReportContext): string {
  const err = error instanceof Error ? error : new Error(String(error));
  if (ctx.debug) return `\n${err.stack ?? err.message}\n\n${prefix()}${err.message}\n`;
  return `\n${prefix()}${err.message}\nRun the command again with --debug to see where it failed.\n`;
}

const bare = (error: Error) => `\n${prefix()}${error.message}\n`;

/** First match wins; the last entry matches anything. */
export const ERROR_CHAIN: readonly Handler[] = [
  handler(ServiceError, EXIT.SERVICE, serviceErrorText, (error) => {
    const fields = error.toFields();
    const { Message: _, ...details } = fields;
    return { Message: error.message, Code: error.code, ...details };
  }),
  handler(
    ArgParseError,
    EXIT.USAGE,
    (error) => `\n${prefix()}An error occurred (ParamValidation): ${error.message}\n\n${usageBanner()}`,
    (error) => ({ Code: 'ParamValidation', Message: `${error.message}\n\n${usageBanner()}` }),
  ),
  handler(UnknownOptionsError, EXIT.USAGE, (error) => `\n${usageBanner()}\n\n${prefix()}${error.message}\n`, (error) => ({ Code: 'ParamValidation', Message: error.message })),
  handler(ParamValidationError, EXIT.USAGE, (error) => `\n${prefix()}An error occurred (ParamValidation): ${error.message}\n`, (error) => ({ Code: 'ParamValidation', Message: error.message })),
  handler(ConfigurationError, EXIT.CONFIG, bare),
  handler(ProfileNotFoundError, EXIT.GENERAL, bare),
  handler(NotSimulatedError, EXIT.GENERAL, bare, (error) => ({ Code: 'NotSimulated', Message: error.message })),
  // The search runs while the response is printed, past the point where the error format applies.
  { ...handler(QueryError, EXIT.GENERAL, bare), plain: true },
  handler(GeneralError, EXIT.GENERAL, bare),
  { matches: () => true, exitCode: EXIT.GENERAL, text: unexpectedText as Handler['text'], fields: ((error: unknown) => ({ Message: error instanceof Error ? error.message : String(error) })) as Handler['fields'] },
];

function handlerFor(error: unknown): Handler {
  return ERROR_CHAIN.find((h) => h.matches(error))!;
}

export function exitCodeFor(error: unknown): number {
  return handlerFor(error).exitCode;
}

/** The bytes the AWS CLI writes on stderr for this error. */
export async function renderError(error: unknown, ctx: ReportContext): Promise<string> {
  const h = handlerFor(error);
  if (ctx.format === 'enhanced' || ctx.format === 'legacy' || h.plain) {
    const text = h.text(error as never, ctx);
    return ctx.resetAfterWrites ? resetEachWrite(text) : text;
  }
  // The structured formats print the fields through the output registry, without prefix or blank line.
  const format: OutputFormat = ctx.format;
  return render(h.fields(error as never), { format, title: 'error', color: false, width: 80 });
}
