/** A timezone-less timestamp, as Python's datetime(1970, 1, 1) in the sample output of a skeleton. */
export class NaiveDatetime {
  constructor(readonly iso: string) {}
  toJSON(): string {
    return this.iso;
  }
}
