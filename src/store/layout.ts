// Where the world's members lie in the state file, and how a list was written: what the state
// file's layout (store/world-file.ts) and its index (store/world-index.ts) tell each other.
import type { Cell, LinesKnown } from './lazy-list.js';

/** A list as an index gives it: its line starts and its columns, decoded when asked for. */
export interface ListIndex {
  /** Where each line starts; undefined when the index's lengths do not fill the list. */
  lineStarts(): number[] | undefined;
  column(key: string): Cell[] | undefined;
  /** The lines whose `key` may be `value`, found without decoding the column; undefined when it is not kept. */
  linesHolding(key: string, value: string | number): number[] | undefined;
  keys(): readonly string[];
  /** The numbers worked out from the list's lines (Table.note) that the index kept. */
  notes(): Readonly<Record<string, number>> | undefined;
}

/**
 * Where one member of the world lies in the file, in bytes: a list's lines (between its "[\n" and
 * "\n]"), or a value's JSON text. An index of the file (store/world-index.ts) keeps these.
 */
export interface MemberAt {
  key: string;
  start: number;
  end: number;
  list: boolean;
  /** How a list was written (or, for a list read, what it found out), for its index. */
  layout?: LinesLayout;
  /** A list's lines as an index gives them, its columns decoded when asked for. */
  known?: ListIndex;
  /** Where a list's lines start, found by a scan of the file (store/world-file.ts scanLayout): nothing else is known of them. */
  starts?: number[];
}

/**
 * How a list was written, for its index: runs of the stored lines it had (as `before` knows them,
 * and its index, when it came from one), items written anew, and lines copied without being
 * located (`lengths` only); and the columns to keep.
 */
export interface LinesLayout {
  segments: Segment[];
  keys: readonly string[];
  before?: LinesKnown;
  /** The list's notes (Table.note) that hold for the lines written. */
  notes?: Readonly<Record<string, number>>;
}
export type Segment = { from: number; to: number } | { item: unknown; length: number } | { lengths: number[] };
