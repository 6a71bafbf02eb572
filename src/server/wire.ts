// What goes back on the wire: the Organizations JSON 1.1 protocol's bodies and errors, and the
// reply every protocol shares (a status, a content type, the bytes, the error code for the log).
import type { ServiceError } from '../model/errors.js';

export const TARGET_PREFIX = 'AWSOrganizationsV20161128.';
export const CONTENT_TYPE = 'application/x-amz-json-1.1';
export const MAX_BODY_BYTES = 1024 * 1024;

export interface WireReply {
  status: number;
  contentType: string;
  text: string;
  /** The error's code, for the request log. */
  code?: string;
}

export function jsonReply(status: number, body: Record<string, unknown>): WireReply {
  return { status, contentType: CONTENT_TYPE, text: JSON.stringify(body), ...(typeof body.__type === 'string' ? { code: body.__type } : {}) };
}

/** An error as AWS JSON services send it: {"__type": code, "Message": ..., "Reason": ...}. */
export function errorReply(error: ServiceError): WireReply {
  return jsonReply(error.httpStatus, { __type: error.code, ...error.toFields() });
}

/** Protocol-level errors (not modeled by Organizations) the front door of AWS answers with. */
export function protocolError(status: number, code: string, message: string): WireReply {
  return jsonReply(status, { __type: code, Message: message });
}

/** The access key id in a SigV4 Authorization header (Credential=AKID/date/region/service/aws4_request). */
export function accessKeyIdOf(authorization: string | undefined): string | undefined {
  return authorization ? /Credential=([^/,\s]+)\//.exec(authorization)?.[1] : undefined;
}
