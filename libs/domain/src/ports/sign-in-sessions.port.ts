/**
 * What the sign-in provider keeps for a person: their sessions, grants and the tokens issued to products
 * (access, refresh, codes). Ended together when staff disable or delete the account.
 */
export abstract class SignInSessions {
  /** Ends every session of the account and revokes every token issued for it; says how many records went. */
  abstract endAllFor(userId: string): Promise<number>;
}
