// How the AWS CLI v2 retries a call the service refused, as botocore's standard mode does it
// (its retries/standard.py, read from the botocore on this machine, and checked against
// /usr/bin/aws over orgsim serve): the mode (AWS_RETRY_MODE: standard, or adaptive, which orgsim
// retries as standard), the attempts (AWS_MAX_ATTEMPTS, counting the first), which errors are
// retried and how long it waits.
import { GeneralError } from '../errors/classes.js';
import type { ServiceError } from '../model/errors.js';
import { floatRepr } from '../output/python-float.js';

// CLI v2 knows no legacy mode: it refuses AWS_RETRY_MODE=legacy as it refuses any other word.
export type RetryMode = 'standard' | 'adaptive';
const MODES: readonly RetryMode[] = ['standard', 'adaptive'];

/** Attempts, counting the first, when AWS_MAX_ATTEMPTS does not say (standard.py's DEFAULT_MAX_ATTEMPTS). */
export const DEFAULT_ATTEMPTS = 3;

// standard.py: ThrottledRetryableChecker and TransientRetryableChecker.
const THROTTLING = [
  'Throttling', 'ThrottlingException', 'ThrottledException', 'RequestThrottledException', 'TooManyRequestsException',
  'ProvisionedThroughputExceededException', 'TransactionInProgressException', 'RequestLimitExceeded', 'BandwidthLimitExceeded',
  'LimitExceededException', 'RequestThrottled', 'SlowDown', 'PriorRequestNotComplete', 'EC2ThrottledException',
];
const TRANSIENT_CODES = ['RequestTimeout', 'RequestTimeoutException', 'PriorRequestNotComplete'];
const TRANSIENT_STATUS = [500, 502, 503, 504];

/** standard.py's ExponentialBackoff: rand × min(2^(attempt − 1), 20) seconds. */
const MAX_BACKOFF_SECONDS = 20;
/** standard.py's RetryQuota: a process starts with 500; a retry costs 5; a first-try success gives 1 back. */
export const RETRY_QUOTA = { initial: 500, retryCost: 5, noRetryIncrement: 1 };

export interface RetryPolicy {
  mode: RetryMode;
  maxAttempts: number;
}

export function retryPolicy(env: NodeJS.ProcessEnv): RetryPolicy {
  const mode = (env.AWS_RETRY_MODE || 'standard') as RetryMode;
  if (!MODES.includes(mode)) throw new GeneralError(`Invalid value provided to "mode": "${mode}" must be one of: "standard" or "adaptive"`);
  const raw = env.AWS_MAX_ATTEMPTS;
  if (raw === undefined || raw === '') return { mode, maxAttempts: DEFAULT_ATTEMPTS };
  // Python's int(): blanks around the digits are allowed.
  const attempts = /^\s*[+-]?\d+\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(attempts)) throw new GeneralError(`invalid literal for int() with base 10: '${raw}'`);
  if (attempts < 1) throw new GeneralError(`Value provided to "max_attempts": ${attempts} must be an integer greater than or equal to one.`);
  return { mode, maxAttempts: attempts };
}

export function retryable(error: ServiceError): boolean {
  return THROTTLING.includes(error.code) || TRANSIENT_CODES.includes(error.code) || TRANSIENT_STATUS.includes(error.httpStatus);
}

/** Seconds to wait after failed attempt `attempt` (1 for the first), given a draw in [0, 1). */
export const backoffSeconds = (attempt: number, random: number) => random * Math.min(2 ** (attempt - 1), MAX_BACKOFF_SECONDS);

/** The logger botocore's retries write to, and its lines, as --debug shows them. */
export const RETRY_LOGGER = 'botocore.retries.standard';

export const retryLines = {
  retrying: (seconds: number) => `Retry needed, retrying request after delay of: ${floatRepr(seconds)}`,
  notRetrying: 'Not retrying request.',
  maxAttempts: (attempts: number) => `Max attempts of ${attempts} reached.`,
  quotaReached: 'Retry needed but retry quota reached, not retrying request.',
};

/** A line of the AWS CLI's --debug log: `2026-12-02 14:55:00,123 - MainThread - <logger> - DEBUG - <message>`. */
export function debugLine(logger: string, message: string, at = new Date()): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const time = `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())} ${p(at.getHours())}:${p(at.getMinutes())}:${p(at.getSeconds())},${p(at.getMilliseconds(), 3)}`;
  return `${time} - MainThread - ${logger} - DEBUG - ${message}\n`;
}
