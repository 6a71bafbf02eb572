// A problem with orgsim's own files (state, config, their directory): exit 253 at the CLI.
export class StoreError extends Error {
  readonly kind = 'StoreError';
  constructor(message: string) {
    super(message);
    this.name = 'StoreError';
  }
}
