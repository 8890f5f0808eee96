import { CommonPasswords } from '@gatehouse/domain/ports/common-passwords.port';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@gatehouse/domain/users/password.value-object';
import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * The common-password list that ships with @zxcvbn-ts/language-common (about 49,000 leaked passwords, ranked),
 * kept to the ones long enough to pass the length rule: about 18,000. No network call, ever.
 */
export class ZxcvbnCommonPasswords extends CommonPasswords {
  readonly list: readonly string[] = dictionary['passwords-common'].filter((candidate) => {
    const length = [...candidate].length;
    return length >= PASSWORD_MIN_LENGTH && length <= PASSWORD_MAX_LENGTH;
  });
  private readonly set = new Set(this.list);

  includes(password: string): boolean {
    return this.set.has(password.toLowerCase());
  }
}
