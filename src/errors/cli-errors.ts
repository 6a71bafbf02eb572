// Errors raised on the client side, each with the wording the AWS CLI uses. Each carries a
// `kind`: commands loaded from a separate bundle have their own copies of these classes, so the
// one place that reports errors tells them apart by kind, not by instanceof.

/** argparse-style errors: the message, then the usage banner. */
export class ArgParseError extends Error {
  readonly kind = 'ArgParseError';
  constructor(message: string) {
    super(message);
    this.name = 'ArgParseError';
  }
}

/** Words the parser did not recognise: the banner, then the list. */
export class UnknownOptionsError extends Error {
  readonly kind = 'UnknownOptionsError';
  constructor(readonly words: string[]) {
    super(`Unknown options: ${words.join(', ')}`);
    this.name = 'UnknownOptionsError';
  }
}

/** Client-side parameter problems ("Parameter validation failed:", "Error parsing parameter ..."). */
export class ParamValidationError extends Error {
  readonly kind = 'ParamValidationError';
  constructor(message: string) {
    super(message);
    this.name = 'ParamValidationError';
  }
}

export class ProfileNotFoundError extends Error {
  readonly kind = 'ProfileNotFoundError';
  constructor(readonly profile: string) {
    super(`The config profile (${profile}) could not be found`);
    this.name = 'ProfileNotFoundError';
  }
}

/** An error the AWS CLI reports with exit 255 and its bare message (e.g. a bad starting token). */
export class ClientError extends Error {
  readonly kind = 'ClientError';
  constructor(message: string) {
    super(message);
    this.name = 'ClientError';
  }
}

export function paramError(parameter: string, detail: string): ParamValidationError {
  return new ParamValidationError(`Error parsing parameter '${parameter}': ${detail}`);
}
