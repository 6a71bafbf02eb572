// `orgsim quota` and `orgsim quota set --accounts N --invitations-per-day N --inbound-transfers N --transfer-chain-length N`.
import { accountOfProfile } from '../../app/local-client.js';
import { recordsTable } from '../../output/records.js';
import { MAX_QUOTA, TRANSFER_QUOTAS } from '../../model/limits.js';
import { quotaReport, setQuotas, type QuotaReport } from '../../service/quota.js';
import type { Answer, CommandContext, OwnCommand } from './command.js';

const wholeNumber = (min: number, max: number) => (value: string): number => {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new Error(`expected a whole number from ${min} to ${max}.`);
  return Number(value);
};
const positive = wholeNumber(1, MAX_QUOTA);

async function answer(report: QuotaReport): Promise<Answer> {
  const rows = [
    { Quota: 'Accounts', Limit: report.Accounts.Quota, Used: report.Accounts.Members + report.Accounts.PendingInvitations },
    { Quota: 'InvitationsPerDay', Limit: report.InvitationsPerDay.Quota, Used: report.InvitationsPerDay.SentInLast24Hours },
    { Quota: 'InboundResponsibilityTransfers', Limit: report.InboundResponsibilityTransfers.Quota, Used: report.InboundResponsibilityTransfers.Used },
    { Quota: 'OutboundResponsibilityTransfers', Limit: report.OutboundResponsibilityTransfers.Quota, Used: report.OutboundResponsibilityTransfers.Used },
    { Quota: 'TransferChainLength', Limit: report.TransferChainLength.Quota, Used: '' },
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
    {
      flags: '--inbound-transfers <n>',
      description: `billing transfers the organization may take over (AWS: 0 until raised, at most ${TRANSFER_QUOTAS.InboundResponsibilityTransfers.max})`,
      parse: wholeNumber(0, TRANSFER_QUOTAS.InboundResponsibilityTransfers.max),
    },
    { flags: '--transfer-chain-length <n>', description: 'how long a chain of billing transfers may be (1, or 2 for two-level transfers)', parse: wholeNumber(1, TRANSFER_QUOTAS.TransferChainLength.max) },
  ],
  run(ctx, _args, options: { accounts?: number; invitationsPerDay?: number; inboundTransfers?: number; transferChainLength?: number }) {
    const profile = ctx.session.profile();
    const change = { Accounts: options.accounts, InvitationsPerDay: options.invitationsPerDay, InboundResponsibilityTransfers: options.inboundTransfers, TransferChainLength: options.transferChainLength };
    const report = ctx.session.edit((state) => setQuotas(state, change, context(ctx, accountOfProfile(state, profile))));
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
