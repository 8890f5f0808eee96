/** A list of passwords too common to allow (NIST SP 800-63B's "commonly used" passwords), checked offline. */
export abstract class CommonPasswords {
  /** Case-insensitive. */
  abstract includes(password: string): boolean;
}
