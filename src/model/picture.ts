// The world as the page draws it (service/picture.ts works it out, output/page.ts draws it).
import type { WorldEvent } from './types.js';
import type { Edge } from './transitions.js';

export interface AccountPicture {
  id: string;
  name: string;
  email: string;
  state: string;
  /** The profiles that act as this account: what a student passes to --profile. */
  profiles: string[];
  management?: boolean;
}

export interface UnitPicture {
  id: string;
  name: string;
  accounts: AccountPicture[];
  units: UnitPicture[];
}

export interface OrganizationPicture {
  id: string;
  featureSet: string;
  management: string;
  root: UnitPicture;
}

export interface HandshakePicture {
  id: string;
  action: string;
  state: string;
  organizationId: string;
  sender: string;
  recipient: string;
  requested: number;
  /** When a pending handshake expires, or when an ended one is deleted (epoch seconds). */
  deadline: { kind: 'expires' | 'deleted'; at: number };
  machine: { start: string; edges: Edge[] };
  /** The moves out of the current state: who makes each (a name), or what time does. */
  next: { to: string; label: string; who?: string }[];
}

export interface TransferPicture {
  id: string;
  name: string;
  status: string;
  payer: string;
  source: string;
  handshakeId: string;
}

export interface WorldPicture {
  /** World time, epoch seconds. */
  now: number;
  offsetMs: number;
  organizations: OrganizationPicture[];
  standalone: AccountPicture[];
  /** Pending first, then the newest; at most PICTURE_LIMITS.handshakes. */
  handshakes: HandshakePicture[];
  moreHandshakes: number;
  transfers: TransferPicture[];
  /** The newest events first; at most PICTURE_LIMITS.events. */
  events: WorldEvent[];
  moreEvents: number;
}

/** How much of a large world one page shows: a rehearsal of thousands stays readable and quick. */
export const PICTURE_LIMITS = { handshakes: 200, events: 100 } as const;
