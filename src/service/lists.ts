// ListHandshakesForOrganization and ListHandshakesForAccount.
import { ActionType } from '../model/enums.js';
import { invalidInput, OrganizationsError } from '../model/errors.js';
import { HANDSHAKE_ID_PATTERN } from '../model/ids.js';
import type { Handshake, HandshakeRecord, OrgState } from '../model/types.js';
import type { ServiceContext } from './context.js';
import type { Request } from './input.js';
import { compareNewestFirst, Paging } from './pages.js';
import { isManagementAccount, isRecipient, organizationOf, parentHandshakeId } from './world.js';

export interface ListHandshakesOutput {
  Handshakes: Handshake[];
  NextToken?: string;
}

type Filter = { ActionType?: string; ParentHandshakeId?: string } | undefined;

const ACTION_TYPES: readonly string[] = Object.values(ActionType);

function checkFilter(filter: unknown): Filter {
  if (filter === undefined || filter === null) return undefined;
  if (typeof filter !== 'object' || Array.isArray(filter)) throw invalidInput('INVALID_PATTERN', 'FILTER');
  const { ActionType: action, ParentHandshakeId: parent } = filter as Record<string, unknown>;
  if (action !== undefined && parent !== undefined) throw invalidInput('MAX_LIMIT_EXCEEDED_FILTER');
  if (action !== undefined && (typeof action !== 'string' || !ACTION_TYPES.includes(action))) {
    throw invalidInput('INVALID_ENUM', 'FILTER_ACTION_TYPE');
  }
  if (parent !== undefined && (typeof parent !== 'string' || !HANDSHAKE_ID_PATTERN.test(parent))) {
    throw invalidInput('INVALID_PATTERN', 'FILTER_PARENT_HANDSHAKE_ID');
  }
  const checked: Filter = {};
  if (action !== undefined) checked.ActionType = action as string;
  if (parent !== undefined) checked.ParentHandshakeId = parent as string;
  return checked;
}

function matches(record: HandshakeRecord, filter: Filter): boolean {
  if (filter?.ActionType !== undefined && record.Handshake.Action !== filter.ActionType) return false;
  if (filter?.ParentHandshakeId !== undefined && parentHandshakeId(record) !== filter.ParentHandshakeId) return false;
  return true;
}

const handshakeKey = (r: HandshakeRecord): [number, string] => [r.Handshake.RequestedTimestamp, r.Handshake.Id];

function listHandshakes(
  state: OrgState,
  input: Request,
  op: string,
  visible: (record: HandshakeRecord) => boolean,
  checkCaller: () => void,
): ListHandshakesOutput {
  const paging = new Paging(op, input);
  const filter = checkFilter(input.Filter);
  const cursor = paging.cursor(filter);
  checkCaller();
  const selected = state.Handshakes.filter((r) => visible(r) && matches(r, filter));
  selected.sort((a, b) => compareNewestFirst(handshakeKey(a), handshakeKey(b)));
  return paging.respond(selected, handshakeKey, cursor, filter, (r) => structuredClone(r.Handshake)) as unknown as ListHandshakesOutput;
}

export function listHandshakesForOrganization(state: OrgState, input: Request, ctx: ServiceContext): ListHandshakesOutput {
  const org = organizationOf(state, ctx.caller);
  return listHandshakes(
    state,
    input,
    'ListHandshakesForOrganization',
    (r) => r.OrganizationId === org?.Id,
    () => {
      if (!org) throw new OrganizationsError('AWSOrganizationsNotInUseException');
      if (org.MasterAccountId !== ctx.caller) throw new OrganizationsError('AccessDeniedException');
    },
  );
}

export function listHandshakesForAccount(state: OrgState, input: Request, ctx: ServiceContext): ListHandshakesOutput {
  // A management account sees no received handshakes, not even one sent to its own e-mail address.
  const management = isManagementAccount(state, ctx.caller);
  return listHandshakes(
    state,
    input,
    'ListHandshakesForAccount',
    (r) => !management && isRecipient(state, r, ctx.caller),
    () => {},
  );
}
