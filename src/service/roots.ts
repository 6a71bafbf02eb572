// ListRoots: the one root of the caller's organization, named Root.
import { rootArn } from '../model/ids.js';
import type { OrgState } from '../model/types.js';
import type { ServiceContext } from './context.js';
import type { Request } from './input.js';
import { Paging } from './pages.js';
import { managedOrganization } from './world.js';

export function listRoots(state: OrgState, input: Request, ctx: ServiceContext): Record<string, unknown> {
  const paging = new Paging('ListRoots', input);
  const cursor = paging.cursor(null);
  const org = managedOrganization(state, ctx.caller);
  // orgsim enables no policy types yet, so the root lists none.
  const root = { Id: org.RootId, Arn: rootArn(org.MasterAccountId, org.Id, org.RootId), Name: 'Root', PolicyTypes: [] };
  return paging.respond([root], (r) => [0, r.Id], cursor, null, (r) => r);
}
