// The name orgsim answers to: `aws` when it is run under that name (a link first on PATH, so that
// scripts written for the AWS CLI run unchanged), in usage, errors and help; `orgsim` otherwise.
let program = 'orgsim';

export function programName(): string {
  return program;
}

/** Set once, as the command line starts. */
export function setProgramName(name: string): void {
  program = name;
}
