// `orgsim status` for people: each organization's rollout in a few lines, and a table of who has
// not answered, fitted to the terminal as `events` is.
import type { OrganizationStatus, RolloutStatus } from '../model/status.js';
import { fitLines, span } from './explain.js';
import { recordsTable } from './records.js';

const counts = (bucket: Record<string, number>) =>
  Object.entries(bucket)
    .map(([status, n]) => `${n} ${status}`)
    .join(', ') || 'none';

function summary(o: OrganizationStatus): string[] {
  const i = o.Invitations;
  const lines = [
    `Organization ${o.Id} (${o.FeatureSet}), managed by ${o.ManagementAccount}`,
    `  Members: ${o.Members}`,
    `  Invitations: ${i.Pending} pending, ${i.Accepted} accepted, ${i.Declined} declined, ${i.Expired} expired, ${i.Canceled} canceled`,
  ];
  const m = o.AllFeatures;
  if (m) {
    lines.push(`  All features: ${m.HandshakeId} ${m.State}, ${m.Approved} of ${m.Of} approvals accepted${m.Waiting.length ? `; waiting for ${m.Waiting.join(', ')}` : ''}`);
  }
  if (Object.keys(o.Transfers.Inbound).length || Object.keys(o.Transfers.Outbound).length) {
    lines.push(`  Billing transfers: inbound ${counts(o.Transfers.Inbound)}; outbound ${counts(o.Transfers.Outbound)}`);
  }
  return lines;
}

export async function statusText(s: RolloutStatus, width: number | undefined): Promise<string> {
  const out: string[] = [`World time ${s.WorldTime}`];
  if (!s.Organizations.length) out.push('', 'No organization yet: orgsim organizations create-organization makes one.');
  for (const o of s.Organizations) {
    out.push('', fitLines(summary(o).join('\n'), width));
    if (!o.Pending.length) continue;
    out.push(`  Not answered yet (${o.Pending.length}), longest waiting first:`);
    const rows = o.Pending.map((p) => ({
      Account: p.AccountName ? `${p.AccountName} (${p.AccountId})` : p.Invited,
      Email: p.Email ?? '',
      Waiting: span(p.AgeSeconds),
      'Time left': span(p.ExpiresInSeconds),
      Handshake: p.HandshakeId,
    }));
    out.push((await recordsTable(rows, ['Account', 'Email', 'Waiting', 'Time left', 'Handshake'], width)).trimEnd());
  }
  return out.join('\n') + '\n';
}
