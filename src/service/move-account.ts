// MoveAccount (organization.md ): an account goes from the root or OU it is
// directly in to another; its own tags go with it.
import { OrganizationsError } from '../model/errors.js';
import { ACCOUNT_ID_PATTERN, PARENT_ID_PATTERN } from '../model/ids.js';
import type { OrgState } from '../model/types.js';
import type { ServiceContext } from './context.js';
import { requireMatching, type Request } from './input.js';
import { isContainer, parentOf } from './tree.js';
import { findAccount, managedOrganization } from './world.js';

export function moveAccount(state: OrgState, input: Request, ctx: ServiceContext): object {
  const accountId = requireMatching(input, 'AccountId', 'ACCOUNT_ID', ACCOUNT_ID_PATTERN);
  const sourceId = requireMatching(input, 'SourceParentId', 'SOURCE_PARENT_ID', PARENT_ID_PATTERN);
  const destinationId = requireMatching(input, 'DestinationParentId', 'DESTINATION_PARENT_ID', PARENT_ID_PATTERN);
  const org = managedOrganization(state, ctx.caller);
  const account = findAccount(state, accountId);
  if (!account || account.OrganizationId !== org.Id) throw new OrganizationsError('AccountNotFoundException');
  if (!isContainer(org, sourceId)) throw new OrganizationsError('SourceParentNotFoundException');
  if (!isContainer(org, destinationId)) throw new OrganizationsError('DestinationParentNotFoundException');
  const current = parentOf(org, account);
  if (current === destinationId) throw new OrganizationsError('DuplicateAccountException');
  // The source must be where the account is; nothing documents this case (a proposal, as a peer does).
  if (current !== sourceId) throw new OrganizationsError('AccountNotFoundException');
  if (destinationId === org.RootId) delete account.ParentId;
  else account.ParentId = destinationId;
  return {};
}
