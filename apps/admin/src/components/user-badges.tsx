import type { DeliveryState, UserStatus } from '../lib/api-enums';
import { Badge } from './ui/status';

const STATUS_TONE = { pending: 'warning', active: 'success', disabled: 'muted' } satisfies Record<UserStatus, string>;
const DELIVERY_TONE = {
  queued: 'info',
  sending: 'info',
  sent: 'success',
  failed: 'danger',
  suppressed: 'danger',
} satisfies Record<DeliveryState, string>;

export function StatusBadge({ status }: { status: UserStatus }) {
  return <Badge tone={STATUS_TONE[status]}>{status}</Badge>;
}

export function DeliveryBadge({ state }: { state: DeliveryState }) {
  return <Badge tone={DELIVERY_TONE[state]}>{state}</Badge>;
}
