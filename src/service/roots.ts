// ListRoots: the one root of the caller's organization, named Root.
import type { OrgState } from '../model/types.js';
import type { ServiceContext } from './context.js';
import type { Request } from './input.js';
import { Paging } from './pages.js';
import { readableOrganization } from './world.js';
import { rootView } from './policy-attachments.js';

export function listRoots(state: OrgState, input: Request, ctx: ServiceContext): Record<string, unknown> {
  const paging = new Paging('ListRoots', input);
  const cursor = paging.cursor(null);
  const org = readableOrganization(state, ctx.caller);
  const root = rootView(org);
  return paging.respond([root], (r) => [0, r.Id!], cursor, null, (r) => r);
}
