// One AWS operation, end to end: parse its options, build and merge the request, answer
// skeleton requests, call the service (paging as asked), print the response.
import { ParamValidationError, UnknownOptionsError } from '../errors/classes.js';
import type { Operation } from '../model/operations.js';
import { argumentTable, CLI_INPUT_JSON, CLI_INPUT_YAML, PAGING_FLAGS, requiredOptionsApply, SKELETON } from './arguments.js';
import { parseOptions, type OptionValue } from './argv.js';
import { loadCliInput, mergeCliInput } from './cli-input.js';
import type { SessionIO } from '../app/session.js';
import type { Printer } from './printer.js';
import type { LocalClient } from '../app/local-client.js';
import { mergePages, paginate as fetchPages } from './paginate.js';
import { unpackParameter } from './param-values.js';
import { inputSkeleton, outputSkeleton, yamlInputSkeleton } from './skeleton.js';
import { validateParams } from '../app/validate.js';

export interface RunContext {
  io: SessionIO;
  noPaginate: boolean;
  /** Prints a response (query, then format). */
  out: Printer;
  client(): LocalClient;
}

function toInt(value: OptionValue | undefined): number | undefined {
  return typeof value === 'string' ? Number(value.trim()) : undefined;
}

/** Python truthiness of a parsed paging option (0 and '' do not count as given). */
function given(value: OptionValue | undefined): boolean {
  if (typeof value !== 'string') return false;
  return value !== '' && !/^\s*[+-]?0+\s*$/.test(value);
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export async function runAwsOperation(op: Operation, words: string[], run: RunContext): Promise<void> {
  const table = argumentTable(op);
  const parsed = parseOptions(words, table.specs, requiredOptionsApply(words));
  if (parsed.extras.length) throw new UnknownOptionsError(parsed.extras);
  const values = parsed.values;

  const paginator = op.paginator;
  let autoPaging = paginator !== undefined && !run.noPaginate;
  if (paginator && (values.has(`--next-token`) || values.has(`--max-results`))) autoPaging = false;
  const pagingUsed = PAGING_FLAGS.filter((flag) => given(values.get(flag)));
  if (paginator && !autoPaging && pagingUsed.length) {
    throw new ParamValidationError(`Cannot specify --no-paginate along with pagination arguments: ${pagingUsed.join(', ')}`);
  }
  const maxItems = toInt(values.get('--max-items'));
  if (maxItems !== undefined && maxItems <= 0) {
    run.io.stderr('warning: Non-positive values for --max-items may result in undefined behavior.\n');
  }

  const params: Record<string, unknown> = {};
  for (const arg of table.members) {
    const value = values.get(arg.flag);
    if (value !== undefined && value !== true) setOwn(params, arg.member, unpackParameter(arg.flag, value, arg.shape, run.io.cwd));
  }
  const document = await loadCliInput(
    { json: values.get(CLI_INPUT_JSON) as string | undefined, yaml: values.get(CLI_INPUT_YAML) as string | undefined },
    run.io.cwd,
  );
  if (document) {
    mergeCliInput(params, document);
    // Paging members in the input document switch automatic paging off, like --no-paginate.
    if (paginator && (paginator.inputToken in document || (paginator.limitKey !== undefined && paginator.limitKey in document))) autoPaging = false;
  }

  const skeleton = values.get(SKELETON);
  if (skeleton === 'input') return run.io.stdout(JSON.stringify(inputSkeleton(op.input), null, 4) + '\n');
  if (skeleton === 'yaml-input') {
    const { memberDoc } = await import('../model/documentation.js');
    return run.io.stdout(yamlInputSkeleton(op.input, memberDoc));
  }
  if (skeleton === 'output') {
    const sample = outputSkeleton(op.output);
    validateParams(sample, op.output);
    return run.out.print(sample);
  }

  if (paginator && !autoPaging && PAGING_FLAGS.some((f) => values.has(f))) {
    // With paging off, the paging options reach the request as PaginationConfig, which the
    // operation does not take: validation then reports it, as the AWS CLI does.
    const config: Record<string, unknown> = {};
    if (values.has('--starting-token')) config.StartingToken = values.get('--starting-token');
    if (values.has('--page-size')) config.PageSize = toInt(values.get('--page-size'));
    if (values.has('--max-items')) config.MaxItems = maxItems;
    params.PaginationConfig = config;
  }

  const client = run.client();
  if (paginator && autoPaging) {
    run.out.open();
    const stream = run.out.streamPages(paginator.resultKey, paginator.outputToken);
    const options = { startingToken: values.get('--starting-token') as string | undefined, maxItems, pageSize: toInt(values.get('--page-size')), onPage: stream?.page };
    let pages;
    try {
      pages = await fetchPages((request) => client.call(op, request), params, paginator, options);
    } catch (error) {
      stream?.abandon();
      throw error;
    }
    if (stream) return stream.end(pages.resumeToken);
    return run.out.printPages({ ...pages, resultKey: paginator.resultKey, merged: mergePages(pages, paginator) });
  }
  return run.out.print(await client.call(op, params));
}
