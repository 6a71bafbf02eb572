// The operations orgsim simulates: the one hand-kept table of the model. What an operation takes,
// returns and may throw is the service's definition (generated/); here is only what orgsim adds.
import type { OperationModel } from './shape.js';

export interface Served {
  /** Whether it changes the world (one locked transaction) or only reads it. */
  mutates: boolean;
  /** orgsim's one-line summary, for help and the manual. */
  summary: string;
}

export const SERVED: Partial<Record<OperationModel['name'], Served>> = {
  AcceptHandshake: { mutates: true, summary: 'Accept a handshake sent to the calling account.' },
  DeclineHandshake: { mutates: true, summary: 'Decline a handshake sent to the calling account.' },
  CancelHandshake: { mutates: true, summary: 'Cancel a handshake the calling account sent.' },
  DescribeHandshake: { mutates: false, summary: 'Show one handshake to its sender or its recipient.' },
  ListHandshakesForOrganization: { mutates: false, summary: "List the handshakes the caller's organization sent (management account only)." },
  ListHandshakesForAccount: { mutates: false, summary: 'List the handshakes sent to the calling account.' },
  InviteAccountToOrganization: { mutates: true, summary: "Invite an account, by ID or e-mail address, to join the caller's organization." },
  DescribeOrganization: { mutates: false, summary: 'Show the organization the caller belongs to.' },
  ListAccounts: { mutates: false, summary: "List the accounts of the caller's organization (management account only)." },
  EnableAllFeatures: {
    mutates: true,
    summary: 'Start the migration of a consolidated-billing organization to all features (management account only).',
  },
  LeaveOrganization: { mutates: true, summary: 'The calling member account leaves its organization.' },
  RemoveAccountFromOrganization: { mutates: true, summary: 'Remove a member account from the organization (management account only).' },
  DescribeAccount: { mutates: false, summary: 'Show one account of the organization (management account only).' },
};
