// Shell completion: the scripts ask `orgsim __complete <line up to the cursor>` for candidates.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { operationByCliName, operationsOf, SERVICE, STS } from '../model/operations.js';
import { shapeOf } from '../model/shapes.js';
import { OUTPUT_FORMATS } from '../output/render.js';
import { STATE_FILE } from '../store/paths.js';
import { peekWorld } from '../store/peek.js';
import { argumentTable, SKELETON_CHOICES } from './arguments.js';
import { ERROR_FORMATS } from '../errors/chain.js';
import { GLOBAL_SPECS } from './global-options.js';
import { descend, flagOf, type OwnCommand } from './commands/command.js';
import { ownCommandNamed, topLevelWords } from './commands/registry.js';

const SAMPLE_PROFILES = ['default', 'bill', 'juan', 'anika', 'susan'];

function profileNames(home: string): string[] {
  const world = peekWorld(home);
  if (!world) return existsSync(join(home, STATE_FILE)) ? [] : SAMPLE_PROFILES;
  return (world.Profiles ?? []).map((p) => p.Name);
}

/** The world's ids of the kind a parameter's shape names: handshakes, accounts, transfers, OUs, policies. */
function worldIds(shapeName: string, home: string): string[] {
  const world = peekWorld(home);
  if (!world) return [];
  const handshakes = world.Handshakes ?? [];
  const accounts = world.Accounts ?? [];
  const organizations = world.Organizations ?? [];
  const containers = () => organizations.flatMap((o) => [o.RootId, ...(o.OrganizationalUnits ?? []).map((u) => u.Id)]);
  switch (shapeName) {
    case 'HandshakeId':
      return handshakes.map((r) => r.Handshake.Id);
    case 'AccountId':
      return accounts.map((a) => a.Id);
    case 'ResponsibilityTransferId':
      return (world.ResponsibilityTransfers ?? []).map((t) => t.Id);
    case 'OrganizationalUnitId':
      return organizations.flatMap((o) => (o.OrganizationalUnits ?? []).map((u) => u.Id));
    case 'PolicyId':
      return organizations.flatMap((o) => (o.Policies ?? []).map((p) => p.Id));
    case 'RootId':
      return organizations.map((o) => o.RootId);
    case 'ParentId':
      return containers();
    case 'ChildId':
    case 'PolicyTargetId':
    case 'TaggableResourceId':
      return containers().concat(accounts.filter((a) => a.OrganizationId).map((a) => a.Id));
    default:
      return [];
  }
}

/** Key=value completions for a structure option: member names, and enum values for enum members. */
function shorthandCandidates(shapeName: string, current: string): string[] {
  let shape = shapeOf(shapeName);
  if (shape.type === 'list') shape = shapeOf(shape.member);
  if (shape.type !== 'structure') return [];
  const head = current.slice(0, current.lastIndexOf(',') + 1);
  const out: string[] = [];
  for (const [member, ref] of Object.entries(shape.members)) {
    const memberShape = shapeOf(ref.shape);
    if (memberShape.type === 'string' && memberShape.enum) out.push(...memberShape.enum.map((v) => `${head}${member}=${v}`));
    else out.push(`${head}${member}=`);
  }
  return out;
}

function valueCandidates(option: string, words: string[], current: string, home: string): string[] | undefined {
  switch (option) {
    case '--profile':
      return profileNames(home);
    case '--output':
      return [...OUTPUT_FORMATS];
    case '--color':
      return ['on', 'off', 'auto'];
    case '--cli-error-format':
      return [...ERROR_FORMATS];
    case '--generate-cli-skeleton':
      return [...SKELETON_CHOICES];
  }
  const op = words.map((w) => operationByCliName(w)).find(Boolean);
  const arg = op ? argumentTable(op).members.find((m) => m.flag === option) : undefined;
  if (arg) {
    const shape = shapeOf(arg.shape);
    if (shape.type === 'structure' || shape.type === 'list') return shorthandCandidates(arg.shape, current);
    if (shape.type === 'string' && shape.enum) return [...shape.enum];
    return worldIds(arg.shape, home);
  }
  return undefined;
}

/** An own command's words: its subcommands, its options, the values of the option before the cursor, its arguments' values. */
function ownCandidates(command: OwnCommand, words: string[], positional: string[], current: string, home: string): string[] {
  const { target, consumed } = descend(command, positional);
  const previous = words[words.length - 1];
  const option = target.options?.find((o) => flagOf(o) === previous && o.flags.includes('<'));
  if (option) return [...(option.values ?? [])];
  const flags = (target.options ?? []).map(flagOf);
  if (current.startsWith('-')) return flags;
  const argument = target.arguments?.[positional.length - consumed];
  const values = argument?.complete?.(home) ?? [];
  return [...(target.subcommands ?? []).map((c) => c.name), ...values];
}

const takesValue = new Set(GLOBAL_SPECS.filter((s) => s.nargs === 1).map((s) => s.flag));

export function completions(line: string, home: string): string[] {
  const words = line.split(/\s+/).filter((w, i, all) => w !== '' || i === all.length - 1);
  words.shift(); // the program name
  const current = words.pop() ?? '';
  const previous = words[words.length - 1];
  const globals = GLOBAL_SPECS.map((s) => s.flag);
  let candidates: string[];
  const values = previous?.startsWith('--') ? valueCandidates(previous, words, current, home) : undefined;
  if (values) candidates = values;
  else {
    const positional = words.filter((w, i) => !w.startsWith('--') && !(i > 0 && takesValue.has(words[i - 1]!)));
    const service = positional[0] === STS ? STS : SERVICE;
    const opName = positional[0] === SERVICE || positional[0] === STS ? positional[1] : positional[0];
    const op = opName ? operationByCliName(opName, service) : undefined;
    if (op) candidates = [...argumentTable(op).specs.map((s) => s.flag), ...globals];
    else if (positional[0] === SERVICE || positional[0] === STS) candidates = [...operationsOf(service).map((o) => o.cliName), 'help'];
    else if (ownCommandNamed(positional[0])) candidates = ownCandidates(ownCommandNamed(positional[0])!, words, positional.slice(1), current, home);
    else candidates = current.startsWith('-') ? globals : topLevelWords();
  }
  return candidates.filter((c) => c.startsWith(current));
}
