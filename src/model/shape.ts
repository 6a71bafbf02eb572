// How the generated model describes the APIs (scripts/generate-model.mjs writes generated/).

export interface MemberRef {
  shape: string;
}

export type Shape =
  | { type: 'string'; enum?: readonly string[]; min?: number; max?: number; pattern?: string }
  | { type: 'integer'; min?: number; max?: number }
  | { type: 'boolean' }
  | { type: 'timestamp' }
  | { type: 'structure'; members: Record<string, MemberRef>; required?: readonly string[] }
  | { type: 'list'; member: string; min?: number; max?: number }
  | { type: 'map'; key: string; value: string };

export interface Paginator {
  inputToken: string;
  outputToken: string;
  /** Absent when the operation takes no page size. */
  limitKey?: string;
  resultKey: string;
}

/** An operation as the service's definition states it. */
export interface OperationModel {
  name: string;
  input: string;
  output: string;
  errors: readonly string[];
  paginator?: Paginator;
  /** orgsim simulates it (src/model/served.json). */
  served?: boolean;
}
