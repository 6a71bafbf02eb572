// The Organizations JSON 1.1 protocol: targets, errors as the service sends them.
import { OrganizationsError } from '../model/errors.js';

export const TARGET_PREFIX = 'AWSOrganizationsV20161128.';
export const CONTENT_TYPE = 'application/x-amz-json-1.1';
export const MAX_BODY_BYTES = 1024 * 1024;

export interface WireReply {
  status: number;
  body: Record<string, unknown>;
}

/** An error as AWS JSON services send it: {"__type": code, "Message": ..., "Reason": ...}. */
export function errorReply(error: OrganizationsError): WireReply {
  return { status: error.httpStatus, body: { __type: error.code, ...error.toFields() } };
}

/** Protocol-level errors (not modeled by Organizations) the front door of AWS answers with. */
export function protocolError(status: number, code: string, message: string): WireReply {
  return { status, body: { __type: code, Message: message } };
}

/** The access key id in a SigV4 Authorization header (Credential=AKID/date/region/service/aws4_request). */
export function accessKeyIdOf(authorization: string | undefined): string | undefined {
  return authorization ? /Credential=([^/,\s]+)\//.exec(authorization)?.[1] : undefined;
}
