// The operations orgsim simulates: the one hand-kept table of the model (served.json, which the
// generator reads too: it writes the shapes these operations reach), by service. What an operation
// takes, returns and may throw is the service's definition (generated/); here is only what orgsim adds.
import table from './served.json' with { type: 'json' };

export interface Served {
  /** Whether it changes the world (one locked transaction) or only reads it. */
  mutates: boolean;
  /** orgsim's one-line summary, for help and the manual. */
  summary: string;
}

export const SERVED: Readonly<Record<string, Served>> = table.organizations;
export const SERVED_STS: Readonly<Record<string, Served>> = table.sts;
