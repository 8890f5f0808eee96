/** The dashboard's pages, relative to its base (/admin). */
export const paths = {
  overview: '/',
  users: '/users',
  user: (id: string) => `/users/${encodeURIComponent(id)}`,
  audit: '/audit',
  staff: '/staff',
  signIn: '/sign-in',
  setup: '/setup',
} as const;

/** Where sign-in may send the person back to: a page of the dashboard, never another site. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : paths.overview;
}
