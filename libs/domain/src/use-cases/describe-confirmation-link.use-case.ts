import type { TokenState } from '../confirmation/confirmation-token';
import { looksLikeTokenSecret } from '../confirmation/token-secret';
import type { Clock } from '../ports/clock.port';
import type { Confirmations } from '../ports/confirmations.port';
import type { TokenDigester } from '../ports/token-digester.port';

export type LinkDescription =
  | { state: 'usable'; maskedEmail: string }
  | { state: 'already_confirmed'; maskedEmail: string }
  | { state: Exclude<TokenState, 'usable' | 'used'> | 'unknown' | 'disabled' };

/**
 * What the page behind a confirmation link shows before anyone presses the button. It changes nothing,
 * because mail scanners open links with GET and HEAD.
 */
export class DescribeConfirmationLink {
  constructor(
    private readonly confirmations: Confirmations,
    private readonly digester: TokenDigester,
    private readonly clock: Clock,
  ) {}

  async execute(input: { token: string }): Promise<LinkDescription> {
    if (!looksLikeTokenSecret(input.token)) return { state: 'unknown' };
    const found = await this.confirmations.findByDigest(this.digester.digest(input.token));
    if (!found) return { state: 'unknown' };
    const { token, user } = found;
    // Disabling kills the account's links; whoever holds one learns why it no longer works, and whom to ask.
    if (user.status === 'disabled') return { state: 'disabled' };
    const state = token.state(this.clock.now());
    if (state === 'used')
      return user.isActive ? { state: 'already_confirmed', maskedEmail: user.email.masked() } : { state: 'unknown' };
    if (state === 'usable') {
      return token.email === user.email.normalized ? { state, maskedEmail: user.email.masked() } : { state: 'unknown' };
    }
    return { state };
  }
}
