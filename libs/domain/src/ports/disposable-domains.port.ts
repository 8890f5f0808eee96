/** Domains of throwaway mailboxes, refused at sign-up: an account there is lost the moment the inbox expires. */
export abstract class DisposableDomains {
  /** `domain` is lowercase; a subdomain of a listed domain counts as listed. */
  abstract includes(domain: string): boolean;
}
