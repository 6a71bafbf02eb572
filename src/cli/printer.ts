// How a command's answer reaches stdout: --query (compiled before anything is called), then the
// output registry's formatter. AWS operations and orgsim's own commands print through here.
import { ArgParseError, ParamValidationError, QueryError } from '../errors/classes.js';
import { OUTPUT_FORMATS, render, renderPages, type OutputFormat, type PagedResponse, type RenderOptions } from '../output/render.js';
import type { CompiledQuery } from '../output/query.js';
import { jsonPages, type JsonPages } from '../output/json.js';
import type { Session } from '../app/session.js';
import { invalidChoiceMessage } from './argv.js';

export function outputFormat(session: Session): OutputFormat {
  const chosen = session.chosenOutput() ?? 'json';
  if (!(OUTPUT_FORMATS as readonly string[]).includes(chosen)) throw new ArgParseError(invalidChoiceMessage('--output', chosen, OUTPUT_FORMATS));
  return chosen as OutputFormat;
}

/** The query as the AWS CLI treats it: a syntax error is a parameter error before any call; a failure while searching exits 255. */
export async function compileQueryOption(expression: string): Promise<CompiledQuery> {
  const { compileQuery } = await import('../output/query.js');
  const compiled = compileQuery(expression);
  if ('syntaxError' in compiled) throw new ParamValidationError(`Bad value for --query ${expression}: ${compiled.syntaxError}`);
  return {
    search: (value) => {
      const found = compiled.search(value);
      if ('error' in found) throw new QueryError(found.error);
      return found.value;
    },
  };
}

export interface Printer {
  format: OutputFormat;
  /** Whether the user asked for a format or a query (own commands print their own view otherwise). */
  asked: boolean;
  print(value: unknown): Promise<void>;
  printPages(response: PagedResponse): Promise<void>;
  /**
   * JSON output without a query, printed a page at a time as the pages come (a listing of every
   * item need not hold them all), when stdout can take back what a failing listing began to print.
   */
  streamPages(resultKey: string, outputToken: string): (JsonPages & { abandon(): void }) | undefined;
  /** The AWS CLI makes its formatter here (a paginated call makes it before the first page is asked for). */
  open(): void;
  /**
   * Whether stderr now resets colours after every write: the AWS CLI's coloured table formatter
   * turns that on (colorama's autoreset) when it is made, for the rest of the command.
   */
  resetsAfterWrites(): boolean;
}

export async function printer(session: Session, query: string | undefined, title: string): Promise<Printer> {
  const compiled = query === undefined ? undefined : await compileQueryOption(query);
  const format = outputFormat(session);
  const options: RenderOptions = { format, title, query: compiled, color: session.color(), width: session.io.columns ?? 80 };
  let opened = false;
  const open = () => {
    opened = true;
  };
  return {
    format,
    asked: query !== undefined || session.chosenOutput() !== undefined,
    print: async (value) => {
      open();
      session.io.stdout(await render(value, options));
    },
    printPages: (response) => {
      open();
      return renderPages(response, options, (text) => session.io.stdout(text));
    },
    streamPages: (resultKey, outputToken) => {
      if (format !== 'json' || compiled || !session.io.mark) return undefined;
      const mark = session.io.mark();
      return { ...jsonPages(resultKey, outputToken, (text) => session.io.stdout(text)), abandon: () => mark.back() };
    },
    open,
    resetsAfterWrites: () => opened && format === 'table' && options.color,
  };
}
