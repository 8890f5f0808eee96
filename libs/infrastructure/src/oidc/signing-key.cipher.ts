import { AppSecretCipher } from '../security/app-secret.cipher';

/** Encrypts a signing key's private JWK at rest: whoever reads the database cannot sign tokens. */
export class SigningKeyCipher extends AppSecretCipher {
  constructor(appSecret: string) {
    super(appSecret, 'oidc-signing-key');
  }
}
