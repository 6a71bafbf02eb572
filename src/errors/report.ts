// Turns any error into the bytes the AWS CLI writes on stderr.
import type { OrganizationsError } from '../model/errors.js';
import { isKind } from './kind.js';

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

/** The error as fields, for the structured error formats (§1.1): Message, Code, then modeled fields. */
export function errorFields(error: unknown): Record<string, string> {
  if (isKind(error, 'OrganizationsError')) {
    const fields = error.toFields();
    return { Message: error.message, Code: error.code, ...(fields.Reason !== undefined ? { Reason: fields.Reason } : {}) };
  }
  if (isKind(error, 'ArgParseError')) return { Code: 'ParamValidation', Message: `${error.message}\n\n${usageBanner()}` };
  if (isKind(error, 'ParamValidationError') || isKind(error, 'UnknownOptionsError')) return { Code: 'ParamValidation', Message: error.message };
  return { Message: error instanceof Error ? error.message : String(error) };
}

/** The structured formats print the fields themselves, without prefix or blank line. */
async function structuredError(fields: Record<string, string>, format: 'json' | 'yaml' | 'text' | 'table'): Promise<string> {
  const sorted = Object.keys(fields).sort();
  switch (format) {
    case 'json':
      return JSON.stringify(fields, null, 4) + '\n';
    case 'yaml':
      return (await import('../output/formats.js')).formatYaml(fields);
    case 'text':
      return sorted.map((k) => fields[k]).join('\t') + '\n';
    case 'table':
      return (await import('../output/formats.js')).formatTable(fields, 'error', { width: 80, color: false });
  }
}

export async function renderError(error: unknown, ctx: ReportContext): Promise<string> {
  if (ctx.format === 'json' || ctx.format === 'yaml' || ctx.format === 'text' || ctx.format === 'table') {
    return structuredError(errorFields(error), ctx.format);
  }
  if (isKind(error, 'OrganizationsError')) return serviceErrorText(error, ctx);
  if (isKind(error, 'ArgParseError')) return `\n${prefix}An error occurred (ParamValidation): ${error.message}\n\n${usageBanner()}`;
  if (isKind(error, 'UnknownOptionsError')) return `\n${usageBanner()}\n\n${prefix}${error.message}\n`;
  if (isKind(error, 'ParamValidationError')) return `\n${prefix}An error occurred (ParamValidation): ${error.message}\n`;
  if (isKind(error, 'ProfileNotFoundError') || isKind(error, 'StoreError') || isKind(error, 'ClientError')) {
    return `\n${prefix}${error.message}\n`;
  }
  const err = error instanceof Error ? error : new Error(String(error));
  if (ctx.debug) return `\n${err.stack ?? err.message}\n\n${prefix}${err.message}\n`;
  return `\n${prefix}${err.message}\nRun the command again with --debug to see where it failed.\n`;
}
