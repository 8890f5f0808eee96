/** Turns a token secret into the only form that is stored (a keyed digest), so a leaked table confirms nothing. */
export abstract class TokenDigester {
  abstract digest(secret: string): string;
}
