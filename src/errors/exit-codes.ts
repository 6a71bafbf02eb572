// The AWS CLI v2's return codes, named once (awscli/constants.py has the same table).
export const EXIT = {
  OK: 0,
  /** Usage, syntax and client-side parameter errors. */
  USAGE: 252,
  /** orgsim's own files or environment are unusable. */
  CONFIG: 253,
  /** The service answered with an error. */
  SERVICE: 254,
  /** Anything else. */
  GENERAL: 255,
} as const;
