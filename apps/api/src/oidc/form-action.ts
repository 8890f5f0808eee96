/**
 * The content security policy with the given origins added to form-action: a sign-in or sign-out form posts to
 * Gatehouse, whose answer redirects to the product, and browsers hold that redirect to form-action too.
 */
export function allowFormRedirectsTo(policy: string, urls: ReadonlyArray<string | undefined>): string {
  const origins = [
    ...new Set(
      urls.flatMap((url) => {
        try {
          return url ? [new URL(url).origin] : [];
        } catch {
          return [];
        }
      }),
    ),
  ].filter((origin) => origin !== 'null' && /^[a-z][a-z0-9+.-]*:\/\/[^\s;,']+$/i.test(origin));
  if (!origins.length) return policy;
  return policy.replace(
    /form-action ([^;]*)/,
    (_whole, sources: string) => `form-action ${sources} ${origins.join(' ')}`,
  );
}
