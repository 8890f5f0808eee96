import type { DomainError } from '@gatehouse/domain/errors/domain-error';
import type { ErrorCode } from '@gatehouse/domain/errors/error-code';
import { InvalidInput } from '@gatehouse/domain/errors/invalid-input.error';

/** The two documented error bodies: field problems, or one machine-readable error with a sentence. */
/** What the JSON API says about one field: which, and what to do about it. */
export interface FieldError {
  field: string;
  message: string;
}

export type ErrorBody = { errors: FieldError[] } | { error: string; message: string; retryAfterSeconds?: number };

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
  'USER.DISABLED': (error) => ({ status: 403, body: { error: 'account_disabled', message: error.message } }),
} satisfies Record<ErrorCode, (error: DomainError) => ErrorResponse>;

export function domainErrorResponse(error: DomainError): ErrorResponse {
  return byCode[error.code](error);
}

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
              message:
                'The request body is not valid JSON. Send an object such as {"email": "...", "password": "..."}.',
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
