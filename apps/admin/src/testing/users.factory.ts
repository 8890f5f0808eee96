import type { components } from '../lib/api-schema';

type UserDetail = components['schemas']['UserDetailResponseDto'];
type Delivery = components['schemas']['DeliveryResponseDto'];
type AuditEntry = components['schemas']['AuditEntryResponseDto'];

let sequence = 0;
const id = () => `00000000-0000-4000-8000-${String(++sequence).padStart(12, '0')}`;

export function aDelivery(overrides: Partial<Delivery> = {}): Delivery {
  return {
    id: id(),
    channel: 'email',
    template: 'confirmation',
    recipient: 'alice@example.com',
    state: 'sent',
    attempts: 1,
    lastError: null,
    createdAt: '2026-05-01T10:00:00.000Z',
    sentAt: '2026-05-01T10:00:05.000Z',
    nextAttemptAt: null,
    ...overrides,
  };
}

export function anAuditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: id(),
    staffId: '00000000-0000-4000-8000-000000000001',
    staffEmail: 'admin@example.com',
    action: 'user.resend_confirmation',
    targetType: 'user',
    targetId: null,
    reason: 'asked by phone',
    changes: {},
    createdAt: '2026-05-02T09:00:00.000Z',
    ...overrides,
  };
}

/** A person as GET /api/admin/users/{id} describes them. */
export function aUserDetail(overrides: Partial<UserDetail> = {}): UserDetail {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    email: 'alice@example.com',
    status: 'pending',
    locale: 'en',
    createdAt: '2026-05-01T10:00:00.000Z',
    confirmedAt: null,
    updatedAt: '2026-05-01T10:00:00.000Z',
    tokens: [],
    deliveries: [],
    deliveryEvents: [],
    suppression: null,
    signInLockedUntil: null,
    audit: [],
    ...overrides,
  };
}
