// orgsim's own errors (the service's modeled exceptions are model/errors.ts), each with the
// wording the AWS CLI uses. The error chain (chain.ts) maps each class to its exit code and text.
import { programName } from './program.js';

/** argparse-style errors: the message, then the usage banner. */
export class ArgParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArgParseError';
  }
}

/** Words the parser did not recognise: the banner, then the list. */
export class UnknownOptionsError extends Error {
  constructor(readonly words: string[]) {
    super(`Unknown options: ${words.join(', ')}`);
    this.name = 'UnknownOptionsError';
  }
}

/** Client-side parameter problems ("Parameter validation failed:", "Error parsing parameter ..."). */
export class ParamValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ParamValidationError';
  }
}

export class ProfileNotFoundError extends Error {
  constructor(readonly profile: string) {
    super(`The config profile (${profile}) could not be found`);
    this.name = 'ProfileNotFoundError';
  }
}

/** An error the AWS CLI reports with exit 255 and its bare message (e.g. a bad starting token). */
export class GeneralError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GeneralError';
  }
}

/** A --query that failed while searching a response: printed as its bare message whatever the error format. */
export class QueryError extends GeneralError {
  constructor(message: string) {
    super(message);
    this.name = 'QueryError';
  }
}

/** orgsim's own files or settings are unusable (state, config, their directory, ORGSIM_*): exit 253. */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigurationError';
  }
}

export function paramError(parameter: string, detail: string): ParamValidationError {
  return new ParamValidationError(`Error parsing parameter '${parameter}': ${detail}`);
}

/** A real AWS operation that orgsim does not simulate (not a usage error: the command is right). */
export class NotSimulatedError extends Error {
  /** Without an operation: a whole AWS service orgsim does not simulate. */
  constructor(readonly service: string, readonly operation?: string) {
    super(
      operation === undefined
        ? `orgsim does not simulate the AWS service ${service}; it simulates organizations and sts. The operations it simulates are listed by '${programName()} organizations help' and in the README.`
        : `orgsim does not simulate ${service} ${operation}. The operations it simulates are listed by '${programName()} ${service} help' and in the README.`,
    );
    this.name = 'NotSimulatedError';
  }
}
