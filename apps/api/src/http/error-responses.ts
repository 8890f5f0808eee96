import type { DomainError } from '@gatehouse/domain/errors/domain-error';
import type { AddressSuppressed } from '@gatehouse/domain/deliverability/deliverability.errors';
import type { ErrorCode } from '@gatehouse/domain/errors/error-code';
import { InvalidInput } from '@gatehouse/domain/errors/invalid-input.error';
import type { ResendNotYetAllowed, StaffSignInLocked } from '@gatehouse/domain/staff/staff.errors';
import type { UserSignInLocked } from '@gatehouse/domain/users/user.errors';

/** The two documented error bodies: field problems, or one machine-readable error with a sentence. */
/** What the JSON API says about one field: which, and what to do about it. */
export interface FieldError {
  field: string;
  message: string;
}

export type ErrorBody =
  { errors: FieldError[] } | { error: string; message: string; retryAfterSeconds?: number; retryAt?: string };

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  /** Extra response headers, such as Retry-After on a 429. */
  headers?: Record<string, string>;
}

const byCode = {
  'VALIDATION.INVALID_INPUT': (error) => ({
    status: 400,
    body: { errors: (error as InvalidInput).problems.map(({ field, message }) => ({ field, message })) },
  }),
  'CONFIRMATION.TOKEN_INVALID': (error) => ({ status: 400, body: { error: 'token_invalid', message: error.message } }),
  'CONFIRMATION.TOKEN_EXPIRED': (error) => ({ status: 410, body: { error: 'token_expired', message: error.message } }),
  'CONFIRMATION.CODE_INVALID': (error) => ({ status: 400, body: { error: 'code_invalid', message: error.message } }),
  'CONFIRMATION.CODE_LOCKED': (error) => ({ status: 400, body: { error: 'code_locked', message: error.message } }),
  'CONFIRMATION.PASSWORD_REQUIRED': (error) => ({
    status: 409,
    body: { error: 'password_required', message: error.message },
  }),
  'USER.DISABLED': (error) => ({ status: 403, body: { error: 'account_disabled', message: error.message } }),
  'USER.NOT_FOUND': (error) => ({ status: 404, body: { error: 'user_not_found', message: error.message } }),
  'USER.STATE_CONFLICT': (error) => ({ status: 409, body: { error: 'status_conflict', message: error.message } }),
  'USER.SIGN_IN_FAILED': (error) => ({ status: 401, body: { error: 'sign_in_failed', message: error.message } }),
  'USER.CONFIRMATION_PENDING': (error) => ({
    status: 403,
    body: { error: 'confirmation_pending', message: error.message },
  }),
  'USER.SIGN_IN_LOCKED': (error) => retryLater(error, 'sign_in_locked', (error as UserSignInLocked).retryAt),
  'USER.SIGN_IN_NOT_LOCKED': (error) => ({
    status: 404,
    body: { error: 'sign_in_not_locked', message: error.message },
  }),
  'STAFF.SIGN_IN_FAILED': (error) => ({ status: 401, body: { error: 'sign_in_failed', message: error.message } }),
  'STAFF.SIGN_IN_LOCKED': (error) => retryLater(error, 'sign_in_locked', (error as StaffSignInLocked).retryAt),
  'STAFF.SESSION_REQUIRED': (error) => ({ status: 401, body: { error: 'session_required', message: error.message } }),
  'STAFF.FORBIDDEN': (error) => ({ status: 403, body: { error: 'forbidden', message: error.message } }),
  'STAFF.CSRF_FAILED': (error) => ({ status: 403, body: { error: 'csrf_failed', message: error.message } }),
  'STAFF.ADDRESS_TAKEN': (error) => ({ status: 409, body: { error: 'staff_exists', message: error.message } }),
  'STAFF.NOT_FOUND': (error) => ({ status: 404, body: { error: 'staff_not_found', message: error.message } }),
  'STAFF.LAST_ADMIN': (error) => ({ status: 409, body: { error: 'last_admin', message: error.message } }),
  'STAFF.SETUP_LINK_INVALID': (error) => ({
    status: 410,
    body: { error: 'setup_link_invalid', message: error.message },
  }),
  'STAFF.RESEND_TOO_SOON': (error) =>
    retryLater(error, 'resend_too_soon', (error as ResendNotYetAllowed).nextAllowedAt),
  'DELIVERABILITY.UNVERIFIED': (error) => ({ status: 401, body: { error: 'unverified', message: error.message } }),
  'DELIVERABILITY.PAYLOAD_INVALID': (error) => ({
    status: 400,
    body: { errors: [{ field: 'body', message: error.message }] },
  }),
  'DELIVERABILITY.ADDRESS_SUPPRESSED': (error) => ({
    status: 409,
    body: { error: 'address_suppressed', message: error.message, reason: (error as AddressSuppressed).reason },
  }),
  'DELIVERABILITY.NOT_SUPPRESSED': (error) => ({
    status: 404,
    body: { error: 'not_suppressed', message: error.message },
  }),
} satisfies Record<ErrorCode, (error: DomainError) => ErrorResponse>;

/** 429 with when to come back, for people and for clients honouring Retry-After. */
function retryLater(error: DomainError, code: string, at: Date): ErrorResponse {
  const retryAfterSeconds = Math.max(1, Math.ceil((at.getTime() - Date.now()) / 1000));
  return {
    status: 429,
    headers: { 'Retry-After': String(retryAfterSeconds) },
    body: { error: code, message: error.message, retryAfterSeconds, retryAt: at.toISOString() },
  };
}

export function domainErrorResponse(error: DomainError): ErrorResponse {
  return byCode[error.code](error);
}

export const MALFORMED_JSON_MESSAGE =
  'The request body is not valid JSON. Send an object such as {"email": "...", "password": "..."}.';

/** Errors raised by Fastify before a route runs (body parsing, size, media type). */
export function transportErrorResponse(error: {
  statusCode?: number;
  code?: string;
  message?: string;
}): ErrorResponse | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        status: 400,
        body: {
          errors: [
            {
              field: 'body',
              message: MALFORMED_JSON_MESSAGE,
            },
          ],
        },
      };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, body: { error: 'payload_too_large', message: 'The request body is larger than 16 KiB.' } };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        body: {
          error: 'unsupported_media_type',
          message: 'Send JSON with Content-Type: application/json, or a form as application/x-www-form-urlencoded.',
        },
      };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return {
        status: 400,
        body: { error: 'bad_request', message: 'The Content-Length header does not match the body.' },
      };
    default:
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        return {
          status: error.statusCode,
          body: { error: 'bad_request', message: error.message ?? 'The request could not be read.' },
        };
      }
      return undefined;
  }
}

export const INTERNAL_ERROR: ErrorResponse = {
  status: 500,
  body: { error: 'internal_error', message: 'Something went wrong on our side. Please try again in a moment.' },
};
