/** The same answer for every address, so the API reveals no accounts. */
export class AcceptedResponseDto {
  constructor(
    readonly status: 'pending_confirmation' | 'accepted',
    readonly message: string,
  ) {}

  static readonly registration = new AcceptedResponseDto(
    'pending_confirmation',
    'Check your inbox: if this address can be used, we have sent it a link to confirm the account.',
  );

  static readonly resend = new AcceptedResponseDto(
    'accepted',
    'If an account at this address is waiting for confirmation, a new link is on its way. Older links no longer work.',
  );
}
