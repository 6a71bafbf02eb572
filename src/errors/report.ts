// Turns any error into the bytes the AWS CLI writes on stderr.
import { OrganizationsError } from '../model/errors.js';
import { StoreError } from '../store/store-error.js';
import { ArgParseError, ClientError, ParamValidationError, ProfileNotFoundError, UnknownOptionsError } from './cli-errors.js';

export const PROG = 'orgsim';

export function usageBanner(prog = PROG): string {
  return (
    `usage: ${prog} [options] <command> <subcommand> [<subcommand> ...] [parameters]\n` +
    `To see help text, you can run:\n\n  ${prog} help\n  ${prog} <command> help\n  ${prog} <command> <subcommand> help\n`
  );
}

export type ErrorFormat = 'enhanced' | 'legacy' | 'json' | 'yaml' | 'text' | 'table';

export interface ReportContext {
  /** The operation being called, for service errors. */
  operation?: string;
  format: ErrorFormat;
  debug: boolean;
}

const prefix = `${PROG}: [ERROR]: `;

function serviceErrorText(error: OrganizationsError, ctx: ReportContext): string {
  let text = `\n${prefix}An error occurred (${error.code}) when calling the ${ctx.operation} operation: ${error.message}\n`;
  const details = error.toFields();
  delete details.Message;
  const keys = Object.keys(details);
  if (ctx.format !== 'legacy' && keys.length > 0) {
    text += '\nAdditional error details:\n' + keys.map((k) => `${k}: ${details[k]}\n`).join('');
  }
  return text;
}

/** Structured error fields (for the json and yaml error formats). */
export function errorFields(error: unknown): Record<string, string> {
  if (error instanceof OrganizationsError) return { Message: error.message, Code: error.code, ...reasonLast(error) };
  if (error instanceof ArgParseError) return { Code: 'ParamValidation', Message: `${error.message}\n\n${usageBanner()}` };
  if (error instanceof ParamValidationError) return { Code: 'ParamValidation', Message: error.message };
  return { Message: (error as Error).message };
}

function reasonLast(error: OrganizationsError): Record<string, string> {
  const fields = error.toFields();
  return fields.Reason !== undefined ? { Reason: fields.Reason } : {};
}

export function renderError(error: unknown, ctx: ReportContext): string {
  if (ctx.format === 'json' && !(error instanceof UnknownOptionsError)) {
    return JSON.stringify(errorFields(error), null, 4) + '\n';
  }
  if (error instanceof OrganizationsError) return serviceErrorText(error, ctx);
  if (error instanceof ArgParseError) return `\n${prefix}An error occurred (ParamValidation): ${error.message}\n\n${usageBanner()}`;
  if (error instanceof UnknownOptionsError) return `\n${usageBanner()}\n\n${prefix}${error.message}\n`;
  if (error instanceof ParamValidationError) return `\n${prefix}An error occurred (ParamValidation): ${error.message}\n`;
  if (error instanceof ProfileNotFoundError || error instanceof StoreError || error instanceof ClientError) {
    return `\n${prefix}${error.message}\n`;
  }
  const err = error instanceof Error ? error : new Error(String(error));
  if (ctx.debug) return `\n${err.stack ?? err.message}\n\n${prefix}${err.message}\n`;
  return `\n${prefix}${err.message}\nRun the command again with --debug to see where it failed.\n`;
}
