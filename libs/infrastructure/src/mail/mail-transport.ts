import type { MailMessage, MailReceipt } from './mail-message';

export abstract class MailTransport {
  abstract send(message: MailMessage): Promise<MailReceipt>;
}

/** Why a send failed, and whether trying again could help. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}
