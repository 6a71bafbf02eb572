// The full shape of a world, checked when a world comes from outside (world import, doctor).
import { z } from 'zod';
import { AccountJoinedMethod, AccountState, ActionType, HandshakePartyType, HandshakeResourceType, HandshakeState, OrganizationFeatureSet } from '../model/enums.js';
import { ACCOUNT_ID_PATTERN, HANDSHAKE_ID_PATTERN } from '../model/ids.js';

const values = <T extends Record<string, string>>(e: T) => Object.values(e) as [T[keyof T], ...T[keyof T][]];
const epoch = z.number().finite();
const accountId = z.string().regex(ACCOUNT_ID_PATTERN);
const orgId = z.string().regex(/^o-[a-z0-9]{10,32}$/);
const tag = z.object({ Key: z.string(), Value: z.string() });

type Resource = { Value: string; Type: string; Resources?: Resource[] };
const resource: z.ZodType<Resource> = z.lazy(() =>
  z.object({ Value: z.string(), Type: z.enum(values(HandshakeResourceType)), Resources: z.array(resource).optional() }),
);

export const worldSchema = z.object({
  SchemaVersion: z.number().int(),
  Organizations: z.array(
    z.object({
      Id: orgId,
      Arn: z.string(),
      FeatureSet: z.enum(values(OrganizationFeatureSet)),
      MasterAccountId: accountId,
      RootId: z.string().regex(/^r-[0-9a-z]{4,32}$/),
      CreatedTimestamp: epoch,
      Quotas: z.object({ Accounts: z.number().int().positive(), InvitationsPerDay: z.number().int().positive() }),
    }),
  ),
  Accounts: z.array(
    z.object({
      Id: accountId,
      Name: z.string().min(1),
      Email: z.string().min(6),
      State: z.enum(values(AccountState)),
      CreatedTimestamp: epoch,
      OrganizationId: orgId.optional(),
      JoinedMethod: z.enum(values(AccountJoinedMethod)).optional(),
      JoinedTimestamp: epoch.optional(),
      Tags: z.array(tag),
    }),
  ),
  Handshakes: z.array(
    z.object({
      Handshake: z.object({
        Id: z.string().regex(HANDSHAKE_ID_PATTERN),
        Arn: z.string(),
        Parties: z.array(z.object({ Id: z.string().min(1), Type: z.enum(values(HandshakePartyType)) })),
        State: z.enum(values(HandshakeState)),
        RequestedTimestamp: epoch,
        ExpirationTimestamp: epoch,
        Action: z.enum(values(ActionType)),
        Resources: z.array(resource),
      }),
      OrganizationId: orgId,
      Tags: z.array(tag),
      EndedTimestamp: epoch.optional(),
    }),
  ),
  Profiles: z.array(z.object({ Name: z.string().min(1), AccountId: accountId, AccessKeyId: z.string().min(16) })),
  Events: z.array(z.object({ eventName: z.string(), eventTime: z.string() }).passthrough()),
  ClockOffsetMs: z.number().finite(),
  IdSequence: z.number().int().nonnegative(),
});

/** Problems beyond the shape: references that must point at something. */
export function referenceProblems(world: z.infer<typeof worldSchema>): string[] {
  const problems: string[] = [];
  const accounts = new Set(world.Accounts.map((a) => a.Id));
  const orgs = new Set(world.Organizations.map((o) => o.Id));
  for (const o of world.Organizations) if (!accounts.has(o.MasterAccountId)) problems.push(`organization ${o.Id}: management account ${o.MasterAccountId} is not in Accounts`);
  for (const a of world.Accounts) if (a.OrganizationId && !orgs.has(a.OrganizationId)) problems.push(`account ${a.Id}: organization ${a.OrganizationId} does not exist`);
  for (const p of world.Profiles) if (!accounts.has(p.AccountId)) problems.push(`profile ${p.Name}: account ${p.AccountId} is not in Accounts`);
  for (const h of world.Handshakes) if (!orgs.has(h.OrganizationId)) problems.push(`handshake ${h.Handshake.Id}: organization ${h.OrganizationId} does not exist`);
  const names = world.Profiles.map((p) => p.Name);
  for (const name of new Set(names.filter((n, i) => names.indexOf(n) !== i))) problems.push(`profile ${name} appears twice`);
  const keys = world.Profiles.map((p) => p.AccessKeyId);
  for (const key of new Set(keys.filter((k, i) => keys.indexOf(k) !== i))) problems.push(`access key id ${key} appears twice`);
  return problems;
}
