// TagResource, UntagResource and ListTagsForResource on the root, an OU or a member account
// the organization's own policies (organization.md) and its billing transfers
// (transfer-and-delegation.md R-113).
import { invalidInput, OrganizationsError } from '../model/errors.js';
import { TAGGABLE_ID_PATTERN } from '../model/ids.js';
import type { OrganizationRecord, OrgState, Tag } from '../model/types.js';
import type { ServiceContext } from './context.js';
import { requireMatching, type Request } from './input.js';
import { Paging } from './pages.js';
import { checkTagList, mergeTags } from './tags.js';
import { findUnit } from './tree.js';
import { findAccount, managedOrganization, readableOrganization } from './world.js';
import { findPolicy } from './policies.js';
import { findTransfer, sideOf } from './transfer-records.js';
import { TRANSFER_PROPOSALS } from '../model/transfer-proposals.js';

/** Where a resource's tags are kept: read them, and replace them. */
interface Tagged {
  tags: Tag[];
  set(tags: Tag[]): void;
}

function taggedResource(state: OrgState, org: OrganizationRecord, id: string): Tagged {
  if (id === org.RootId) return { tags: org.RootTags ?? [], set: (tags) => void (org.RootTags = tags) };
  const unit = findUnit(org, id);
  if (unit) return { tags: unit.Tags, set: (tags) => void (unit.Tags = tags) };
  const account = findAccount(state, id);
  if (account && account.OrganizationId === org.Id) return { tags: account.Tags, set: (tags) => void (account.Tags = tags) };
  const transfer = id.startsWith('rt-') ? findTransfer(state, id) : undefined;
  if (transfer && TRANSFER_PROPOSALS.taggedWhile.includes(transfer.Status) && sideOf(state, transfer, org) === TRANSFER_PROPOSALS.taggedBy) {
    return { tags: transfer.Tags, set: (tags) => void (transfer.Tags = tags) };
  }
  const policy = findPolicy(org, id);
  // An AWS-managed policy cannot be tagged (R-205: proposed as the reason AWS gives for changing it).
  if (policy?.managed) throw invalidInput('IMMUTABLE_POLICY');
  if (policy) return { tags: policy.record.Tags, set: (tags) => void (policy.record.Tags = tags) };
  throw new OrganizationsError('TargetNotFoundException');
}

const requireResource = (input: Request) => requireMatching(input, 'ResourceId', 'RESOURCE_ID', TAGGABLE_ID_PATTERN);

export function tagResource(state: OrgState, input: Request, ctx: ServiceContext): object {
  const id = requireResource(input);
  const tags = checkTagList(input.Tags);
  const org = managedOrganization(state, ctx.caller);
  const resource = taggedResource(state, org, id);
  // All or nothing: the merge is checked against the limit before anything is kept.
  resource.set(mergeTags(resource.tags, tags));
  return {};
}

export function untagResource(state: OrgState, input: Request, ctx: ServiceContext): object {
  const id = requireResource(input);
  const keys = input.TagKeys;
  if (keys === undefined || keys === null) throw invalidInput('INPUT_REQUIRED', 'TAG_KEYS');
  if (!Array.isArray(keys) || keys.some((k) => typeof k !== 'string')) throw invalidInput('INVALID_PATTERN', 'TAG_KEYS');
  const org = managedOrganization(state, ctx.caller);
  const resource = taggedResource(state, org, id);
  // A key the resource does not have is ignored.
  resource.set(resource.tags.filter((t) => !keys.includes(t.Key)));
  return {};
}

/** Every tag in one page (there are at most 50), in the order they were added. */
export function listTagsForResource(state: OrgState, input: Request, ctx: ServiceContext): Record<string, unknown> {
  const id = requireResource(input);
  const paging = new Paging('ListTagsForResource', input);
  const cursor = paging.cursor(id);
  const org = readableOrganization(state, ctx.caller);
  const tags = taggedResource(state, org, id).tags;
  return paging.respond(
    tags.map((tag, i) => ({ tag, i })),
    ({ i }) => [-i, ''],
    cursor,
    id,
    ({ tag }) => ({ Key: tag.Key, Value: tag.Value }),
  );
}
