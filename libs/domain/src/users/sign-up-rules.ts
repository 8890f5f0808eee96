import { InvalidInput, type FieldProblem } from '../errors/invalid-input.error';
import type { CommonPasswords } from '../ports/common-passwords.port';
import type { DisposableDomains } from '../ports/disposable-domains.port';
import type { AddressFolding } from './address-folding';
import { Email } from './email.value-object';
import { Password } from './password.value-object';
import { passwordProblem } from './password-policy';

/**
 * Who may sign up with what: a real address (folded as configured, not a throwaway mailbox) and a password
 * that is long enough, not common and not the address. Every problem is reported at once.
 */
export class SignUpRules {
  constructor(
    private readonly commonPasswords: CommonPasswords,
    private readonly disposableDomains: DisposableDomains,
    readonly folding: AddressFolding,
  ) {}

  parse(input: { email: string; password: string }): { email: Email; password: Password } {
    const problems: FieldProblem[] = [];
    const attempt = <T>(parse: () => T): T | undefined => {
      try {
        return parse();
      } catch (error) {
        if (error instanceof InvalidInput) problems.push(...error.problems);
        else throw error;
        return undefined;
      }
    };
    const email = attempt(() => Email.parse(input.email, this.folding));
    const password = attempt(() => Password.parse(input.password));
    if (email && this.disposableDomains.includes(email.domain)) {
      problems.push({
        field: 'email',
        rule: 'email.disposable',
        message: 'Use a permanent email address: addresses from throwaway mailbox services are not accepted.',
      });
    }
    const weakness = email && password ? passwordProblem(password, email, this.commonPasswords) : undefined;
    if (weakness) problems.push(weakness);
    if (!email || !password || problems.length) throw new InvalidInput(problems);
    return { email, password };
  }
}
