import type { ErrorCode } from '@gatehouse/domain/errors/error-code';
import type { LinkDescription } from '@gatehouse/domain/use-cases/describe-confirmation-link.use-case';

export interface LinkProblem {
  status: number;
  heading: string;
  message: string;
  offerResend: boolean;
}

type ProblemState = Exclude<LinkDescription['state'], 'usable' | 'already_confirmed'> | 'disabled';

export const LINK_PROBLEMS: Record<ProblemState, LinkProblem> = {
  expired: {
    status: 410,
    heading: 'This link has expired',
    message: 'Confirmation links work for a limited time. Enter your address and we will send you a new one.',
    offerResend: true,
  },
  superseded: {
    status: 400,
    heading: 'A newer link was sent',
    message:
      'A newer confirmation email was sent after this one, so this link no longer works. Use the link in the newest email, or ask for a new one.',
    offerResend: true,
  },
  unknown: {
    status: 400,
    heading: 'This link is not valid',
    message: 'The link may be incomplete: copy the whole link from the email. Or ask for a new one.',
    offerResend: true,
  },
  disabled: {
    status: 403,
    heading: 'This account is disabled',
    message: 'This account has been disabled. Contact support if you think this is a mistake.',
    offerResend: false,
  },
};

/** The page a failed confirmation shows, by the domain error's code; undefined for errors a page cannot explain. */
export function linkProblemFor(code: ErrorCode): LinkProblem | undefined {
  switch (code) {
    case 'CONFIRMATION.TOKEN_EXPIRED':
      return LINK_PROBLEMS.expired;
    case 'CONFIRMATION.TOKEN_INVALID':
      return LINK_PROBLEMS.unknown;
    case 'USER.DISABLED':
      return LINK_PROBLEMS.disabled;
    default:
      return undefined;
  }
}
