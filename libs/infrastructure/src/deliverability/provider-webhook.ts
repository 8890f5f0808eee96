import type { DeliveryEvent } from '@gatehouse/domain/deliverability/delivery-event';
import { timingSafeEqual } from 'node:crypto';

/** What an inbound webhook adapter sees of a request: its headers, its body as sent and as parsed. */
export interface ProviderRequest {
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer;
  body: unknown;
}

/**
 * One provider's event webhook: proves the request is the provider's (as that provider signs), then reads its
 * events into Gatehouse's one DeliveryEvent type. Events of kinds Gatehouse does not track (opens, clicks) are
 * left out, as are events about email that is not Gatehouse's.
 */
export interface ProviderWebhook {
  /** False when the signature or credentials fail, or the provider is not configured. Nothing is stored then. */
  verify(request: ProviderRequest): Promise<boolean>;
  /** The request's events; throws DeliveryEventPayloadInvalid when its shape is not the provider's. */
  parse(request: ProviderRequest): DeliveryEvent[];
}

/** Constant-time equality of two strings, whatever their lengths (a length difference is no shortcut). */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  // Compared at the expected length either way, so the time does not tell the length.
  const padded = Buffer.alloc(b.length);
  a.copy(padded, 0, 0, Math.min(a.length, b.length));
  return timingSafeEqual(padded, b) && a.length === b.length;
}

export function header(request: ProviderRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stringField(record: Record<string, unknown>, name: string): string | undefined {
  const value = record[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

export function dateOf(raw: unknown, fallback: Date): Date {
  const date = typeof raw === 'number' ? new Date(raw * 1000) : typeof raw === 'string' ? new Date(raw) : fallback;
  return Number.isNaN(date.getTime()) ? fallback : date;
}

/** "550 5.1.1 ..." or "5.1.1": the enhanced status code (RFC 3463) when the text has one. */
export function enhancedStatus(text: string | undefined): string | null {
  return text?.match(/\b[245]\.\d{1,3}\.\d{1,3}\b/)?.[0] ?? null;
}

/** Gatehouse's header naming the outbox id, on every email, for providers that replace the Message-ID. */
export const EMAIL_ID_METADATA = 'gatehouse-email-id';
