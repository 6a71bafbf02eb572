// Ids a test can predict: each is its sequence number, padded to the id's shape.
import type { IdGenerator } from '../context.js';

export const countingIds: IdGenerator = {
  handshakeId: (n) => `h-${n.toString(16).padStart(32, '0')}`,
  eventId: (n) => `event-${n}`,
  organizationalUnitId: (n, rootId) => `ou-${rootId.slice(2)}-${n.toString(36).padStart(8, '0')}`,
  organizationId: (n) => ({ organizationId: `o-${n.toString(36).padStart(10, '0')}`, rootId: `r-${n.toString(36).padStart(4, '0')}` }),
  credentials: (n) => ({
    AccessKeyId: `ASIA${String(n).padStart(16, '0')}`,
    SecretAccessKey: `secret${String(n).padStart(34, '0')}`,
    SessionToken: `token-${n}`,
  }),
  policyId: (n) => `p-${n.toString(36).padStart(8, '0')}`,
  accountId: (n) => `9${String(n).padStart(11, '0')}`,
  createAccountRequestId: (n) => `car-${n.toString(16).padStart(32, '0')}`,
  responsibilityTransferId: (n) => `rt-${n.toString(16).padStart(32, '0')}`,
};
