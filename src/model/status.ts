// A rollout at a glance (`orgsim status`): what service/status.ts works out and output/status.ts draws.

/** An invitation nobody has answered yet. */
export interface PendingInvitation {
  HandshakeId: string;
  /** The invited account, where the world knows it (an e-mail invitation names only an address). */
  AccountId?: string;
  AccountName?: string;
  Email?: string;
  /** The party as the invitation names it: an account id or an e-mail address. */
  Invited: string;
  Sent: string;
  AgeSeconds: number;
  ExpiresInSeconds: number;
}

export interface MigrationStatus {
  HandshakeId: string;
  State: string;
  /** Approvals accepted, of all still asked for (canceled ones are no longer asked). */
  Approved: number;
  Of: number;
  /** The members whose approval is still pending. */
  Waiting: string[];
}

export interface OrganizationStatus {
  Id: string;
  FeatureSet: string;
  ManagementAccount: string;
  Members: number;
  Invitations: { Pending: number; Accepted: number; Declined: number; Expired: number; Canceled: number };
  /** Oldest first: whoever has waited longest leads. */
  Pending: PendingInvitation[];
  /** The last all-features migration, if one was ever started and is still remembered. */
  AllFeatures?: MigrationStatus;
  Transfers: { Inbound: Record<string, number>; Outbound: Record<string, number> };
}

export interface RolloutStatus {
  WorldTime: string;
  Organizations: OrganizationStatus[];
}
