/** Gatehouse's own message type: what a transport needs, nothing of any mail library's. */
export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  /** The HTML part, by name: the transport renders it with `context` (templates and layout set up beside it). */
  template: string;
  context: Record<string, unknown>;
  text: string;
  /** Stable per outbox row, angle brackets included. */
  messageId: string;
  /** Extra headers, such as the ones naming the outbox row for providers that replace the Message-ID. */
  headers?: Record<string, string>;
}

export interface MailReceipt {
  /** The server's answer to the end of DATA, for the delivery history. */
  response: string;
}
