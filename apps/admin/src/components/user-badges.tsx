import { Badge } from './ui/status';

const STATUS_TONE = { pending: 'warning', active: 'success', disabled: 'muted' } as const;
const DELIVERY_TONE = { queued: 'info', sending: 'info', sent: 'success', failed: 'danger' } as const;

export function StatusBadge({ status }: { status: keyof typeof STATUS_TONE }) {
  return <Badge tone={STATUS_TONE[status]}>{status}</Badge>;
}

export function DeliveryBadge({ state }: { state: keyof typeof DELIVERY_TONE }) {
  return <Badge tone={DELIVERY_TONE[state]}>{state}</Badge>;
}
