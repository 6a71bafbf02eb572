/** A timezone-less timestamp, as Python's datetime(1970, 1, 1) in the sample output of a skeleton. */
export class NaiveDatetime {
  readonly kind = 'NaiveDatetime';
  constructor(readonly iso: string) {}
  toJSON(): string {
    return this.iso;
  }
}

/** By kind, not instanceof: the formatters are a bundle of their own, with their own copy of the class. */
export function isNaiveDatetime(value: unknown): value is NaiveDatetime {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'NaiveDatetime';
}
