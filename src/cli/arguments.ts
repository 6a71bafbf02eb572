// The argument table of an operation, generated from its input shape like the AWS CLI's
// (one option per member), plus the options every command or every paged command has.
import { kebabCase, type Operation } from '../model/operations.js';
import { shapeOf } from '../model/shapes.js';
import type { OptionSpec } from './argv.js';

export interface MemberArgument {
  flag: string;
  member: string;
  shape: string;
}

export const CLI_INPUT_JSON = '--cli-input-json';
export const CLI_INPUT_YAML = '--cli-input-yaml';
export const SKELETON = '--generate-cli-skeleton';
export const SKELETON_CHOICES = ['input', 'output', 'yaml-input'] as const;
export const PAGING_FLAGS = ['--starting-token', '--page-size', '--max-items'] as const;

export interface ArgumentTable {
  members: MemberArgument[];
  specs: OptionSpec[];
}

export function argumentTable(op: Operation): ArgumentTable {
  const input = shapeOf(op.input);
  const members: MemberArgument[] = [];
  const specs: OptionSpec[] = [];
  if (input.type === 'structure') {
    for (const [member, ref] of Object.entries(input.members)) {
      const flag = `--${kebabCase(member)}`;
      members.push({ flag, member, shape: ref.shape });
      specs.push({ flag, nargs: shapeOf(ref.shape).type === 'list' ? '+' : 1, required: input.required?.includes(member) ?? false });
    }
  }
  specs.push({ flag: CLI_INPUT_JSON, nargs: 1 }, { flag: CLI_INPUT_YAML, nargs: 1 });
  specs.push({ flag: SKELETON, nargs: '?', constant: 'input', choices: SKELETON_CHOICES });
  if (op.paginator) {
    specs.push({ flag: '--starting-token', nargs: 1 }, { flag: '--page-size', nargs: 1, int: true }, { flag: '--max-items', nargs: 1, int: true });
  }
  return { members, specs };
}

/**
 * Required options stop being required when the values may come from elsewhere: the AWS CLI
 * looks for these exact words (an "--opt=value" form does not count), and a request for the
 * output skeleton still needs them.
 */
export function requiredOptionsApply(words: readonly string[]): boolean {
  if (words.includes(CLI_INPUT_JSON) || words.includes(CLI_INPUT_YAML)) return false;
  const at = words.indexOf(SKELETON);
  return at < 0 || words[at + 1] === 'output';
}
