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
}

export interface MailReceipt {
  /** The server's answer to the end of DATA, for the delivery history. */
  response: string;
}
