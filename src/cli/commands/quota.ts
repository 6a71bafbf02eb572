// `orgsim quota` and `orgsim quota set --accounts N --invitations-per-day N`.
import { accountOfProfile } from '../../app/local-client.js';
import { recordsTable } from '../../output/records.js';
import { MAX_QUOTA } from '../../model/limits.js';
import { quotaReport, setQuotas, type QuotaReport } from '../../service/quota.js';
import type { Answer, CommandContext, OwnCommand } from './command.js';

function positive(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_QUOTA) throw new Error(`expected a whole number from 1 to ${MAX_QUOTA}.`);
  return Number(value);
}

async function answer(report: QuotaReport): Promise<Answer> {
  const rows = [
    { Quota: 'Accounts', Limit: report.Accounts.Quota, Used: report.Accounts.Members + report.Accounts.PendingInvitations },
    { Quota: 'InvitationsPerDay', Limit: report.InvitationsPerDay.Quota, Used: report.InvitationsPerDay.SentInLast24Hours },
  ];
  return { value: report, human: () => recordsTable(rows, ['Quota', 'Limit', 'Used']) };
}

const context = ({ session }: CommandContext, caller: string) => ({ caller, clock: session.clock(), ids: session.ids() });

const set: OwnCommand = {
  name: 'set',
  summary: 'raise (or lower) the quotas, as a Service Quotas increase would',
  options: [
    { flags: '--accounts <n>', description: 'maximum accounts in the organization', parse: positive },
    { flags: '--invitations-per-day <n>', description: 'invitations that may be sent in 24 hours', parse: positive },
  ],
  run(ctx, _args, options: { accounts?: number; invitationsPerDay?: number }) {
    const profile = ctx.session.profile();
    const report = ctx.session.edit((state) =>
      setQuotas(state, { Accounts: options.accounts, InvitationsPerDay: options.invitationsPerDay }, context(ctx, accountOfProfile(state, profile))),
    );
    return answer(report);
  },
};

export const quota: OwnCommand = {
  name: 'quota',
  summary: "show the current profile's organization quotas",
  subcommands: [set],
  run(ctx) {
    const client = ctx.session.client();
    return answer(quotaReport(client.world(), context(ctx, client.callerAccount())));
  },
};
