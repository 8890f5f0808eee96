import { AppSecretCipher } from '../security/app-secret.cipher';

/**
 * Encrypts an outbox row's template data, because until the email leaves it holds the confirmation secret,
 * which must never sit readable in the database.
 */
export class OutboxPayloadCipher extends AppSecretCipher {
  constructor(appSecret: string) {
    super(appSecret, 'email-outbox-payload');
  }
}
