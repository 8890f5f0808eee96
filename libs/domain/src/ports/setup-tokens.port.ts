/** One-time links that let the first admin in when Gatehouse starts without any staff. */
export abstract class SetupTokens {
  abstract add(digest: string, now: Date, expiresAt: Date): Promise<void>;
  /** Marks the token used if it is unused and unexpired; says whether it was. */
  abstract consume(digest: string, now: Date): Promise<boolean>;
}
