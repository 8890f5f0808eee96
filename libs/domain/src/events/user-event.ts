export const USER_EVENT_TYPES = ['user.registered', 'user.confirmed', 'user.disabled', 'user.deleted'] as const;
export type UserEventType = (typeof USER_EVENT_TYPES)[number];

/** Something that happened to an account, told to the systems Gatehouse runs beside (webhooks). */
export interface UserEvent {
  type: UserEventType;
  userId: string;
  email: string;
  occurredAt: Date;
}
