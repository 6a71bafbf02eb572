// The teaching view of one handshake, as the service works it out and output/explain.ts draws it.
import type { Handshake } from './types.js';

import type { Response } from './transitions.js';

export type { Response } from './transitions.js';

export interface NextStep {
  response: Response;
  allowed: boolean;
  /** What it would do, or why it may not be done. */
  text: string;
}

export interface Explanation {
  handshake: Handshake;
  sender: string;
  recipient: string;
  history: { time: string; actor: string; what: string }[];
  now: number;
  /** When a pending handshake expires, or when an ended one is deleted (epoch seconds). */
  deadline: { kind: 'expires' | 'deleted'; at: number };
  steps: NextStep[];
  caller: string;
}
