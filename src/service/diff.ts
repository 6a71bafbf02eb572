// Two worlds compared in the service's terms (orgsim world diff): organizations, accounts and
// where they are, handshakes and their states, billing transfers. Things are matched by what
// they are, not by their ids (two rehearsals make different ids), and times are left out,
// unless asked for.
import type { DiffOptions, WorldChange } from '../model/diff.js';
import type { AccountRecord, HandshakeRecord, OrgState } from '../model/types.js';
import { isoUtc } from './events.js';
import { recipientParty } from './world.js';

/** Each item keyed by `key`; the second and later items with one key get `#2`, `#3`... */
function keyed<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const base = key(item);
    let name = base;
    for (let n = 2; map.has(name); n++) name = `${base} #${n}`;
    map.set(name, item);
  }
  return map;
}

/** An account as people know it: its name and e-mail. */
const accountName = (a: AccountRecord) => `${a.Name} <${a.Email}>`;

class Namer {
  private readonly accounts: Map<string, AccountRecord>;
  constructor(
    private readonly state: OrgState,
    private readonly options: DiffOptions,
  ) {
    this.accounts = new Map(state.Accounts.map((a) => [a.Id, a]));
  }
  account(id: string | undefined): string {
    if (id === undefined) return '(none)';
    const account = this.accounts.get(id);
    const name = account ? accountName(account) : id;
    return this.options.ids && account ? `${name} (${id})` : name;
  }
  organization(id: string | undefined): string {
    const org = this.state.Organizations.find((o) => o.Id === id);
    if (!org) return id ?? '(none)';
    const name = `the organization of ${this.account(org.MasterAccountId)}`;
    return this.options.ids ? `${name} (${org.Id})` : name;
  }
  /** A place in an organization: `/` for the root, else the path of OU names. */
  path(organizationId: string, parentId: string | undefined): string {
    const org = this.state.Organizations.find((o) => o.Id === organizationId);
    const ous = org?.OrganizationalUnits ?? [];
    const path: string[] = [];
    for (let id = parentId; id; id = ous.find((o) => o.Id === id)?.ParentId) {
      const ou = ous.find((o) => o.Id === id);
      if (!ou) break;
      path.unshift(ou.Name);
    }
    return '/' + path.join('/');
  }
  handshake(record: HandshakeRecord): string {
    const h = record.Handshake;
    const party = recipientParty(record);
    const to = !party ? '' : party.Type === 'EMAIL' || !this.accounts.has(party.Id) ? party.Id : this.account(party.Id);
    return `${h.Action} from ${this.organization(record.OrganizationId)}${to ? ` to ${to}` : ''}`;
  }
}

const time = (t: number | undefined) => (t === undefined ? null : isoUtc(t));

export function diffWorlds(before: OrgState, after: OrgState, options: DiffOptions = {}): WorldChange[] {
  const changes: WorldChange[] = [];
  const was = new Namer(before, options);
  const now = new Namer(after, options);
  const add = (Change: WorldChange['Change'], Subject: string, Before: string | null, After: string | null) => {
    if (Before !== After) changes.push({ Change, Subject, Before, After });
  };
  const pair = <T>(a: Map<string, T>, b: Map<string, T>, added: (key: string, item: T) => void, removed: (key: string, item: T) => void, both: (key: string, x: T, y: T) => void) => {
    for (const [key, x] of a) {
      const y = b.get(key);
      if (y === undefined) removed(key, x);
      else both(key, x, y);
    }
    for (const [key, y] of b) if (!a.has(key)) added(key, y);
  };

  // Organizations, by their management account.
  pair(
    keyed(before.Organizations, (o) => was.account(o.MasterAccountId)),
    keyed(after.Organizations, (o) => now.account(o.MasterAccountId)),
    (key, o) => add('OrganizationCreated', `the organization of ${key}`, null, o.FeatureSet),
    (key, o) => add('OrganizationDeleted', `the organization of ${key}`, o.FeatureSet, null),
    (key, x, y) => {
      add('FeatureSetChanged', `the organization of ${key}`, x.FeatureSet, y.FeatureSet);
      if (options.ids) add('IdChanged', `the organization of ${key}`, x.Id, y.Id);
      if (options.times) add('TimeChanged', `the organization of ${key}: CreatedTimestamp`, time(x.CreatedTimestamp), time(y.CreatedTimestamp));
      const ous = (n: Namer, org: typeof x) => new Set((org.OrganizationalUnits ?? []).map((ou) => n.path(org.Id, ou.Id)));
      const a = ous(was, x);
      const b = ous(now, y);
      for (const path of b) if (!a.has(path)) add('OrganizationalUnitAdded', `${path} in the organization of ${key}`, null, path);
      for (const path of a) if (!b.has(path)) add('OrganizationalUnitRemoved', `${path} in the organization of ${key}`, path, null);
    },
  );

  // Accounts, by name and e-mail; where they are.
  pair(
    keyed(before.Accounts, accountName),
    keyed(after.Accounts, accountName),
    (key, a) => add('AccountAdded', key, null, a.State),
    (key, a) => add('AccountRemoved', key, a.State, null),
    (key, x, y) => {
      add('AccountStateChanged', key, x.State, y.State);
      const orgX = x.OrganizationId ? was.organization(x.OrganizationId) : null;
      const orgY = y.OrganizationId ? now.organization(y.OrganizationId) : null;
      if (orgX !== orgY) {
        if (orgX) add('AccountLeft', key, orgX, orgY);
        if (orgY) add('AccountJoined', key, orgX, orgY);
      } else if (x.OrganizationId && y.OrganizationId) add('AccountMoved', key, was.path(x.OrganizationId, x.ParentId), now.path(y.OrganizationId, y.ParentId));
      if (options.ids) add('IdChanged', key, x.Id, y.Id);
      if (options.times) add('TimeChanged', `${key}: JoinedTimestamp`, time(x.JoinedTimestamp), time(y.JoinedTimestamp));
    },
  );

  // Handshakes, by what they ask of whom (their order of sending tells repeats apart).
  const sent = (s: OrgState) => [...s.Handshakes].sort((a, b) => a.Handshake.RequestedTimestamp - b.Handshake.RequestedTimestamp || (a.Handshake.Id < b.Handshake.Id ? -1 : 1));
  pair(
    keyed(sent(before), (h) => was.handshake(h)),
    keyed(sent(after), (h) => now.handshake(h)),
    (key, h) => add('HandshakeAdded', key, null, h.Handshake.State),
    (key, h) => add('HandshakeRemoved', key, h.Handshake.State, null),
    (key, x, y) => {
      add('HandshakeStateChanged', key, x.Handshake.State, y.Handshake.State);
      if (options.ids) add('IdChanged', key, x.Handshake.Id, y.Handshake.Id);
      if (options.times) {
        add('TimeChanged', `${key}: RequestedTimestamp`, time(x.Handshake.RequestedTimestamp), time(y.Handshake.RequestedTimestamp));
        add('TimeChanged', `${key}: EndedTimestamp`, time(x.EndedTimestamp), time(y.EndedTimestamp));
      }
    },
  );

  // Billing transfers, by their sides.
  const transfer = (n: Namer) => (t: NonNullable<OrgState['ResponsibilityTransfers']>[number]) => `${t.Type} from ${n.organization(t.TargetOrganizationId)} to ${t.Invited.Type === 'EMAIL' ? t.Invited.Id : n.account(t.Invited.Id)}`;
  pair(
    keyed(before.ResponsibilityTransfers ?? [], transfer(was)),
    keyed(after.ResponsibilityTransfers ?? [], transfer(now)),
    (key, t) => add('TransferAdded', key, null, t.Status),
    (key, t) => add('TransferRemoved', key, t.Status, null),
    (key, x, y) => add('TransferStatusChanged', key, x.Status, y.Status),
  );
  return changes;
}
