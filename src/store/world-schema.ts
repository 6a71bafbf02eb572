// The full check of a world that comes from outside (world import, doctor): zod, built from the
// world's shape (model/world-shape.ts), plus the references that must point at something.
import { z } from 'zod';
import { isPending } from '../model/enums.js';
import type { OrgState } from '../model/types.js';
import { WORLD_SHAPE, type Field } from '../model/world-shape.js';
import { FULL_AWS_ACCESS_ID } from '../model/ids.js';

function toZod(field: Field): z.ZodType {
  let schema: z.ZodType;
  switch (field.kind) {
    case 'string': {
      if (field.enum) schema = z.enum(field.enum as [string, ...string[]]);
      else {
        let s = z.string();
        if (field.pattern) s = s.regex(field.pattern);
        if (field.min !== undefined) s = s.min(field.min);
        schema = s;
      }
      break;
    }
    case 'number':
    case 'integer': {
      let n = field.kind === 'integer' ? z.number().int() : z.number().finite();
      if (field.min !== undefined) n = n.min(field.min);
      if (field.max !== undefined) n = n.max(field.max);
      schema = n;
      break;
    }
    case 'object': {
      const shape = z.object(Object.fromEntries(Object.entries(field.fields).map(([k, f]) => [k, toZod(f)])));
      schema = field.open ? shape.passthrough() : shape;
      break;
    }
    case 'array': {
      const item = field.of;
      schema = z.array(z.lazy(() => toZod(item())));
      break;
    }
  }
  return field.optional ? schema.optional() : schema;
}

/** The whole world; what it accepts is an OrgState (checked against every scenario by model/world-shape.test.ts). */
export const worldSchema = z.object(Object.fromEntries(Object.entries(WORLD_SHAPE).map(([k, f]) => [k, toZod(f)]))) as unknown as z.ZodType<OrgState>;

/** Problems beyond the shape: references that must point at something. */
export function referenceProblems(world: OrgState): string[] {
  const problems: string[] = [];
  const accounts = new Set(world.Accounts.map((a) => a.Id));
  const orgs = new Set(world.Organizations.map((o) => o.Id));
  for (const o of world.Organizations) if (!accounts.has(o.MasterAccountId)) problems.push(`organization ${o.Id}: management account ${o.MasterAccountId} is not in Accounts`);
  for (const a of world.Accounts) if (a.OrganizationId && !orgs.has(a.OrganizationId)) problems.push(`account ${a.Id}: organization ${a.OrganizationId} does not exist`);
  for (const p of world.Profiles) if (!accounts.has(p.AccountId)) problems.push(`profile ${p.Name}: account ${p.AccountId} is not in Accounts`);
  for (const r of world.Roles ?? []) if (!accounts.has(r.AccountId)) problems.push(`role ${r.RoleName}: account ${r.AccountId} is not in Accounts`);
  const roleNames = (world.Roles ?? []).map((r) => `${r.AccountId}:${r.RoleName.toLowerCase()}`);
  for (const name of new Set(roleNames.filter((n, i) => roleNames.indexOf(n) !== i))) problems.push(`role ${name} appears twice`);
  for (const o of world.Organizations) {
    const policies = new Set([FULL_AWS_ACCESS_ID, ...(o.Policies ?? []).map((p) => p.Id)]);
    for (const a of o.Attachments ?? []) if (!policies.has(a.PolicyId)) problems.push(`organization ${o.Id}: attachment of unknown policy ${a.PolicyId}`);
  }
  // An ended handshake outlives an organization that was deleted; one still waiting for an answer cannot.
  for (const h of world.Handshakes) {
    if (!orgs.has(h.OrganizationId) && isPending(h.Handshake.State)) problems.push(`handshake ${h.Handshake.Id}: organization ${h.OrganizationId} does not exist`);
  }
  problems.push(...treeProblems(world));
  // A list keyed by id must not hold an id twice: look-ups and page tokens would pick one at random.
  const twice = (ids: string[]) => {
    const seen = new Set<string>();
    const again = new Set<string>();
    for (const id of ids) (seen.has(id) ? again : seen).add(id);
    return [...again];
  };
  for (const id of twice(world.Handshakes.map((h) => h.Handshake.Id))) problems.push(`handshake ${id} appears twice`);
  for (const id of twice(world.Accounts.map((a) => a.Id))) problems.push(`account ${id} appears twice`);
  for (const id of twice(world.Organizations.map((o) => o.Id))) problems.push(`organization ${id} appears twice`);
  const names = world.Profiles.map((p) => p.Name);
  for (const name of new Set(names.filter((n, i) => names.indexOf(n) !== i))) problems.push(`profile ${name} appears twice`);
  const keys = world.Profiles.map((p) => p.AccessKeyId);
  for (const key of new Set(keys.filter((k, i) => keys.indexOf(k) !== i))) problems.push(`access key id ${key} appears twice`);
  return problems;
}

/** Each OU hangs from its organization's root through OUs of the same organization; accounts sit in their own organization's OUs. */
function treeProblems(world: OrgState): string[] {
  const problems: string[] = [];
  const unitsByOrg = new Map(world.Organizations.map((o) => [o.Id, new Map((o.OrganizationalUnits ?? []).map((u) => [u.Id, u]))]));
  const allUnits = world.Organizations.flatMap((o) => (o.OrganizationalUnits ?? []).map((u) => u.Id));
  for (const id of new Set(allUnits.filter((u, i) => allUnits.indexOf(u) !== i))) problems.push(`organizational unit ${id} appears twice`);
  for (const o of world.Organizations) {
    const units = unitsByOrg.get(o.Id)!;
    for (const u of units.values()) {
      const seen = new Set<string>();
      let at = u.ParentId;
      while (at !== o.RootId && units.has(at) && !seen.has(at)) {
        seen.add(at);
        at = units.get(at)!.ParentId;
      }
      if (at !== o.RootId) problems.push(`organizational unit ${u.Id}: parent ${u.ParentId} does not lead to root ${o.RootId} of ${o.Id}`);
    }
  }
  for (const a of world.Accounts) {
    if (a.ParentId === undefined) continue;
    if (!a.OrganizationId || !unitsByOrg.get(a.OrganizationId)?.has(a.ParentId)) problems.push(`account ${a.Id}: organizational unit ${a.ParentId} is not in its organization`);
  }
  return problems;
}
