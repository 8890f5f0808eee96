import { InvalidInput } from '../errors/invalid-input.error';

export const REASON_MAX_LENGTH = 500;

/** Every staff action that changes something says why; the reason goes into the audit log. */
export function requireReason(raw: string | undefined | null): string {
  const reason = (raw ?? '').trim();
  if (!reason) return fail('reason.required', 'Say why you are doing this; the reason is kept in the audit log.');
  if ([...reason].length > REASON_MAX_LENGTH) {
    return fail('reason.too_long', `Keep the reason to ${REASON_MAX_LENGTH} characters or fewer.`, {
      max: REASON_MAX_LENGTH,
    });
  }
  return reason;
}

function fail(rule: 'reason.required' | 'reason.too_long', message: string, params?: Record<string, number>): never {
  throw InvalidInput.of('reason', rule, message, params);
}
