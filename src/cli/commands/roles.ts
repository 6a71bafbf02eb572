// `orgsim roles`, `roles put` and `roles remove`: the accounts' roles that AssumeRole looks up
// (organization.md R-248). Accounts CreateAccount makes have theirs; a rehearsal adds the role
// names its own scripts assume.
import { recordsTable } from '../../output/records.js';
import { worldNow } from '../../service/context.js';
import { listRoles, putRole, removeRole, roleView } from '../../service/roles.js';
import { editCast } from './cast-edit.js';
import type { OwnCommand } from './command.js';

const integer = (value: string) => {
  if (!/^\d+$/.test(value)) throw new Error(`'${value}' is not a whole number of seconds.`);
  return Number(value);
};

const put: OwnCommand = {
  name: 'put',
  summary: 'make a role in an account, or change whom it trusts',
  options: [
    { flags: '--account <account-id>', description: 'the account the role is in', required: true },
    { flags: '--name <role-name>', description: 'the role name, as in arn:aws:iam::<account>:role/<name>', required: true },
    { flags: '--trust <principal...>', description: "account ids or principal ARNs that may assume it (default: the account's management account)" },
    { flags: '--max-session-duration <seconds>', description: 'the longest session AssumeRole may ask for (900 to 43200; default 3600)', parse: integer },
  ],
  run({ session }, _args, options: { account: string; name: string; trust?: string[]; maxSessionDuration?: number }) {
    const role = editCast(session, (state) =>
      putRole(state, { AccountId: options.account, RoleName: options.name, Trust: options.trust, MaxSessionDuration: options.maxSessionDuration }, worldNow(state, session.clock()) / 1000),
    );
    const view = roleView(role);
    return { value: { Role: view }, human: () => `Role ${view.Arn} trusts ${view.Trust.join(', ')}.\n` };
  },
};

const remove: OwnCommand = {
  name: 'remove',
  summary: 'remove a role (its sessions end with it)',
  options: [
    { flags: '--account <account-id>', description: 'the account the role is in', required: true },
    { flags: '--name <role-name>', description: 'the role name', required: true },
  ],
  run({ session }, _args, options: { account: string; name: string }) {
    const role = editCast(session, (state) => removeRole(state, options.account, options.name));
    return { value: { Removed: { AccountId: role.AccountId, RoleName: role.RoleName } }, human: () => `Removed role ${role.RoleName} of account ${role.AccountId}.\n` };
  },
};

export const roles: OwnCommand = {
  name: 'roles',
  summary: "list the accounts' roles that sts assume-role can take on",
  subcommands: [put, remove],
  run({ session }) {
    const found = listRoles(session.world());
    const rows = found.map((r) => ({ ...r, Trust: r.Trust.join(', ') }));
    return { value: { Roles: found }, human: () => recordsTable(rows, ['AccountId', 'RoleName', 'Trust', 'MaxSessionDuration'], session.width()) };
  },
};
