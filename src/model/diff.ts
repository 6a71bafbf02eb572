// What `orgsim world diff` tells of two worlds: changes in the service's terms.
export const CHANGE_KINDS = ['OrganizationCreated', 'OrganizationDeleted', 'FeatureSetChanged', 'AccountAdded', 'AccountRemoved', 'AccountStateChanged', 'AccountJoined', 'AccountLeft', 'AccountMoved', 'OrganizationalUnitAdded', 'OrganizationalUnitRemoved', 'HandshakeAdded', 'HandshakeRemoved', 'HandshakeStateChanged', 'TransferAdded', 'TransferRemoved', 'TransferStatusChanged', 'TimeChanged', 'IdChanged'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface WorldChange {
  Change: ChangeKind;
  /** What changed, named as people know it (account names and e-mails; ids only when asked). */
  Subject: string;
  Before: string | null;
  After: string | null;
}

export interface DiffOptions {
  /** Compare ids too (by default a rerun's new ids are no change). */
  ids?: boolean;
  /** Compare times too (by default a rerun at another time is no change). */
  times?: boolean;
}
