import { roleMay } from '@gatehouse/domain/staff/staff-permissions';
import { CsrfCheckFailed, StaffForbidden } from '@gatehouse/domain/staff/staff.errors';
import { AuthenticateStaff } from '@gatehouse/domain/use-cases/authenticate-staff.use-case';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { attachStaff } from './current-staff.decorator';
import { STAFF_ACCESS, type StaffAccessRule } from './staff-access.decorator';
import { StaffCookies } from './staff-cookies';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Guards every back-office route, in this order: a live session (401), then for state-changing methods the
 * session's CSRF token and a same-site Origin (403), then the role (403). A route without a declared rule is
 * treated as admin-only, so forgetting the decorator never opens a route.
 */
@Injectable()
export class StaffAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticate: AuthenticateStaff,
    private readonly cookies: StaffCookies,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule =
      this.reflector.getAllAndOverride<StaffAccessRule | undefined>(STAFF_ACCESS, [
        context.getHandler(),
        context.getClass(),
      ]) ?? 'staff.manage';
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const changesState = !SAFE_METHODS.has(request.method);
    if (changesState && !this.cookies.originAllowed(request.headers.origin)) throw new CsrfCheckFailed();
    if (rule === 'public') return true;

    const secret = request.cookies?.[this.cookies.name];
    const { member, session } = await this.authenticate.execute(secret);
    if (changesState && !this.cookies.csrfTokenMatches(secret!, header(request, 'x-csrf-token'))) {
      throw new CsrfCheckFailed();
    }
    if (rule !== 'signed-in' && !roleMay(member.role, rule)) throw new StaffForbidden();
    attachStaff(request, { member, session, secret: secret!, actor: { id: member.id, email: member.email.value } });
    return true;
  }
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
