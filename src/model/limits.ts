// The numbers the service lives by and orgsim's own, each once. The API's value limits (page
// sizes, lengths) are the model's shapes; these are the ones no shape carries.

export const DAY_SECONDS = 86_400;

/** An invitation expires 15 days after it is sent. */
export const INVITATION_LIFETIME_SECONDS = 15 * DAY_SECONDS;
/** An all-features migration (and its approvals) lapses after 90 days. */
export const MIGRATION_LIFETIME_SECONDS = 90 * DAY_SECONDS;
/** An ended handshake is deleted 30 days after it ended. */
export const RETENTION_SECONDS = 30 * DAY_SECONDS;
/** An account the organization created must wait 4 days before it leaves or moves. */
export const CREATED_ACCOUNT_WAIT_SECONDS = 4 * DAY_SECONDS;
/** An organization must be 7 days old before it can receive an account from another. */
export const NEW_ORGANIZATION_WAIT_SECONDS = 7 * DAY_SECONDS;
/** The daily invitation limit counts the last 24 hours. */
export const INVITATION_WINDOW_SECONDS = DAY_SECONDS;

/** The service's default quotas (raised by a Service Quotas request, `orgsim quota set`). */
export const DEFAULT_QUOTAS = { Accounts: 10, InvitationsPerDay: 20 } as const;

/**
 * Billing-transfer quotas (transfer-and-delegation.md R-133): the defaults, and how far Service
 * Quotas raises the adjustable ones. The outbound quota and the aggregate are fixed.
 */
export const TRANSFER_QUOTAS = {
  InboundResponsibilityTransfers: { default: 0, max: 1000 },
  TransferChainLength: { default: 1, max: 2 },
  OutboundResponsibilityTransfers: 1,
  AggregateInboundTransfers: 1000,
} as const;
/** A transfer invitation must be accepted a day before the transfer starts. */
export const TRANSFER_ACCEPTANCE_LEAD_SECONDS = DAY_SECONDS;
/** A transfer starts on the 1st of next month or of the month after. */
export const TRANSFER_START_MONTHS_AHEAD = 2;

/** The version of the state file's layout this orgsim writes (store/schema.ts migrates older ones). */
export const SCHEMA_VERSION = 3;

/** The latest world time orgsim keeps (9999-12-31T23:59:59.999Z): later times have no ISO-8601 form. */
export const MAX_WORLD_TIME_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** The largest quota `orgsim quota set` takes: the service's own quotas are 32-bit integers. */
export const MAX_QUOTA = 2 ** 31 - 1;

/** Tags one resource may carry (organization.md §29.2). */
export const MAX_TAGS = 50;

/** How deep OUs nest under the root: an OU directly under it is level 1 (organization.md R-177). */
export const MAX_OU_DEPTH = 5;

/** OUs one organization may have (organization.md R-177, the current quotas page). */
export const MAX_ORGANIZATIONAL_UNITS = 2000;

/** A role session lasts 900 to 43,200 seconds, an hour unless asked (organization.md R-247). */
export const MIN_SESSION_SECONDS = 900;
export const MAX_SESSION_SECONDS = 43_200;
export const DEFAULT_SESSION_SECONDS = 3600;
/** A session assumed from a session lasts an hour at most, as does OrganizationAccountAccessRole's. */
export const CHAINED_SESSION_SECONDS = 3600;

/** The role CreateAccount makes in a new account unless told another name. */
export const DEFAULT_ACCESS_ROLE = 'OrganizationAccountAccessRole';
/** CreateAccount requests in progress at once, closures in progress at once. */
export const MAX_CREATE_ACCOUNT_IN_PROGRESS = 5;
export const MAX_CLOSE_ACCOUNT_IN_PROGRESS = 3;
/** The longest delay a world may give account creation or closure: a day is more than AWS ever takes. */
export const MAX_DELAY_SECONDS = 86_400;
/** A closed account stays in its organization 90 days. */
export const CLOSED_ACCOUNT_RETENTION_SECONDS = 90 * DAY_SECONDS;

/** Policies, per type (organization.md §29.2): content size in characters as sent, policies per organization, direct attachments per target. */
export const POLICY_LIMITS: Readonly<Record<string, { size: number; count: number; maxAttached: number; minAttached: number }>> = {
  SERVICE_CONTROL_POLICY: { size: 10_240, count: 10_000, maxAttached: 10, minAttached: 1 },
  RESOURCE_CONTROL_POLICY: { size: 5120, count: 1000, maxAttached: 10, minAttached: 0 },
  TAG_POLICY: { size: 10_000, count: 1000, maxAttached: 10, minAttached: 0 },
  BACKUP_POLICY: { size: 10_000, count: 1000, maxAttached: 10, minAttached: 0 },
  AISERVICES_OPT_OUT_POLICY: { size: 2500, count: 1000, maxAttached: 5, minAttached: 0 },
};
/** The types no source gives numbers for (R-221, R-227: proposals). */
export const OTHER_POLICY_LIMITS = { size: 10_000, count: 1000, maxAttached: 10, minAttached: 0 } as const;

/** The longest step world time may take with each call, and the longest a responder may wait: a year. */
export const MAX_REHEARSAL_SECONDS = 366 * 86_400;

/** The longest orgsim serve may be told to wait before it answers. */
export const MAX_LATENCY_MS = 60_000;
