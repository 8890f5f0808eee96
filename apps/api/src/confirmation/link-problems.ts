import type { LinkDescription } from '@gatehouse/domain/use-cases/describe-confirmation-link.use-case';
import type { PageMessageKey } from '../views/page-messages';

export interface LinkProblem {
  status: number;
  heading: PageMessageKey;
  message: PageMessageKey;
  offerResend: boolean;
}

type ProblemState = Exclude<LinkDescription['state'], 'usable' | 'already_confirmed'> | 'disabled';

export const LINK_PROBLEMS: Record<ProblemState, LinkProblem> = {
  expired: { status: 410, heading: 'link.expired.heading', message: 'link.expired.message', offerResend: true },
  superseded: {
    status: 400,
    heading: 'link.superseded.heading',
    message: 'link.superseded.message',
    offerResend: true,
  },
  unknown: { status: 400, heading: 'link.unknown.heading', message: 'link.unknown.message', offerResend: true },
  disabled: { status: 403, heading: 'link.disabled.heading', message: 'link.disabled.message', offerResend: false },
};

/** The page a failed confirmation shows, by the API's error code; undefined for a refusal the form itself shows. */
export function linkProblemFor(code: string | undefined): LinkProblem | undefined {
  switch (code) {
    case 'token_expired':
      return LINK_PROBLEMS.expired;
    case 'token_invalid':
      return LINK_PROBLEMS.unknown;
    case 'account_disabled':
      return LINK_PROBLEMS.disabled;
    default:
      return undefined;
  }
}
