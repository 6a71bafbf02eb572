import { InvalidArgumentError } from 'commander';
import { quotaReport, setQuotas, type QuotaReport } from '../../service/quota.js';
import type { Session } from '../main.js';
import { ownCommand } from './command.js';
import { printRecords } from './print.js';

function positive(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('expected a whole number of at least 1.');
  return Number(value);
}

async function show(session: Session, report: QuotaReport): Promise<void> {
  const rows = [
    { Quota: 'Accounts', Limit: report.Accounts.Quota, Used: report.Accounts.Members + report.Accounts.PendingInvitations },
    { Quota: 'InvitationsPerDay', Limit: report.InvitationsPerDay.Quota, Used: report.InvitationsPerDay.SentInLast24Hours },
  ];
  await printRecords(session, report, rows, ['Quota', 'Limit', 'Used']);
}


export function quotaCommand(session: Session) {
  const quota = ownCommand(session, 'quota', "show the current profile's organization quotas").action(async () => {
    const client = session.client();
    const caller = client.callerAccount();
    await show(session, quotaReport(session.fileStore().read(), session.serviceContext(caller)));
  });
  quota.addCommand(
    ownCommand(session, 'set', 'raise (or lower) the quotas, as a Service Quotas increase would')
      .option('--accounts <n>', 'maximum accounts in the organization', positive)
      .option('--invitations-per-day <n>', 'invitations that may be sent in 24 hours', positive)
      .action(async (options: { accounts?: number; invitationsPerDay?: number }) => {
        const caller = session.client().callerAccount();
        const report = session
          .fileStore()
          .transact((state) => ({ write: true, result: setQuotas(state, { Accounts: options.accounts, InvitationsPerDay: options.invitationsPerDay }, session.serviceContext(caller)) }));
        await show(session, report);
      }),
  );
  return quota;
}
