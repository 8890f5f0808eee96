import { SignInSessions } from '@gatehouse/domain/ports/sign-in-sessions.port';
import type { EntityManager } from 'typeorm';
import { END_ACCOUNT_PAYLOADS } from '../persistence/oidc-payload.record';

/**
 * The provider's records of one account, in oidc_payloads, ended in the caller's transaction: once the disable or
 * delete commits, no session resumes and no access or refresh token of the account is found (so it is refused).
 */
export class PostgresSignInSessions extends SignInSessions {
  constructor(private readonly manager: EntityManager) {
    super();
  }

  async endAllFor(userId: string): Promise<number> {
    const [, count] = (await this.manager.query(END_ACCOUNT_PAYLOADS, [userId])) as [unknown, number];
    return count;
  }
}
