import type { StaffMember } from '@gatehouse/domain/staff/staff-member.entity';
import type { AuditActor } from '@gatehouse/domain/staff/audit-entry';
import type { StaffSession } from '@gatehouse/domain/staff/staff-session';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

export interface SignedInStaff {
  member: StaffMember;
  session: StaffSession;
  /** The cookie's secret, from which the CSRF token is derived. */
  secret: string;
  actor: AuditActor;
}

const KEY = Symbol('gatehouse:staff');

export function attachStaff(request: FastifyRequest, staff: SignedInStaff): void {
  (request as FastifyRequest & { [KEY]?: SignedInStaff })[KEY] = staff;
}

/** The signed-in member, put on the request by StaffAuthGuard. */
export const CurrentStaff = createParamDecorator((_data: unknown, context: ExecutionContext): SignedInStaff => {
  const request = context.switchToHttp().getRequest<FastifyRequest & { [KEY]?: SignedInStaff }>();
  const staff = request[KEY];
  if (!staff) throw new Error('CurrentStaff used on a route that StaffAuthGuard does not protect.');
  return staff;
});
