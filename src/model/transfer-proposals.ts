// The billing-transfer rules no source settles (transfer-and-delegation.md §16, marked UNKNOWN),
// each decided once here, so that a capture that settles one changes one line.
import { HandshakeResourceType, HandshakeState, ResponsibilityTransferStatus as Status } from './enums.js';
import type { HandshakeParty, HandshakeResource } from './types.js';

export const TRANSFER_PROPOSALS = {
  /** the invitation's handshake is OPEN while the transfer is REQUESTED. */
  handshakeState: HandshakeState.OPEN,
  /** only an all-features organization may take over another's bill. */
  senderNeedsAllFeatures: true,
  /** the bill-source sees the transfer's Name too, as the API example shows. */
  nameShownToSource: true,
  /** ActiveHandshakeId is shown while the invitation waits, not after. */
  activeHandshakeWhile: [Status.REQUESTED] as readonly Status[],
  /** declined, canceled and expired transfers are deleted with their handshake; accepted ones stay. */
  deletedWithHandshake: [Status.DECLINED, Status.CANCELED, Status.EXPIRED] as readonly Status[],
  /** the statuses that hold a place in the sender's inbound quota and the source's outbound one. */
  inboundSlotWhile: [Status.REQUESTED, Status.ACCEPTED] as readonly Status[],
  outboundSlotWhile: [Status.ACCEPTED] as readonly Status[],
  /** what counts as a transfer still linking two organizations (WITHDRAWN does not). */
  liveWhile: [Status.REQUESTED, Status.ACCEPTED] as readonly Status[],
  /** only the bill-transfer side renames; the bill-source is told the action is unsupported. */
  sourceMayRename: false,
  /**
   * a transfer's tags (the invitation's, staged until then) are its own once it is
   * accepted, and the paying side's to read and change; to the other side, and before, it is no target.
   */
  taggedWhile: [Status.ACCEPTED, Status.WITHDRAWN] as readonly Status[],
  taggedBy: 'inbound' as 'inbound' | 'outbound',
  /** any account the invitation names may decline it; only a management account accepts. */
  anyRecipientMayDecline: true,
} as const;

/**
 * The handshake's resources (R-122, a proposal modelled on INVITE's): the transfer with its type
 * and start (epoch milliseconds, as the only AWS-written transfer times are), the sender's
 * management account, the party, then the notes.
 */
export function transferHandshakeResources(facts: {
  transferId: string;
  type: string;
  startSeconds: number;
  management: { Id: string; Email: string; Name: string };
  target: HandshakeParty;
  notes?: string;
}): HandshakeResource[] {
  const resources: HandshakeResource[] = [
    {
      Value: facts.transferId,
      Type: HandshakeResourceType.RESPONSIBILITY_TRANSFER,
      Resources: [
        { Value: facts.type, Type: HandshakeResourceType.TRANSFER_TYPE },
        { Value: String(Math.round(facts.startSeconds * 1000)), Type: HandshakeResourceType.TRANSFER_START_TIMESTAMP },
      ],
    },
    {
      Value: facts.management.Id,
      Type: HandshakeResourceType.MANAGEMENT_ACCOUNT,
      Resources: [
        { Value: facts.management.Email, Type: HandshakeResourceType.MANAGEMENT_EMAIL },
        { Value: facts.management.Name, Type: HandshakeResourceType.MANAGEMENT_NAME },
      ],
    },
    { Value: facts.target.Id, Type: facts.target.Type },
  ];
  if (facts.notes !== undefined) resources.push({ Value: facts.notes, Type: HandshakeResourceType.NOTES });
  return resources;
}

/** The transfer a TRANSFER_RESPONSIBILITY handshake carries. */
export const transferIdOf = (resources: readonly HandshakeResource[]) => resources.find((r) => r.Type === HandshakeResourceType.RESPONSIBILITY_TRANSFER)?.Value;
