import createClient, { type Middleware } from 'openapi-fetch';
import { ApiError } from './api-error';
import type { paths } from './api-schema';

let csrfToken: string | undefined;
let onUnauthorized: () => void = () => undefined;

/** The session's CSRF token, sent as X-CSRF-Token on every POST, PATCH and DELETE. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** What happens when the API says the session is gone (the app sends the person to sign-in). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

// A 401 from these means "not signed in" or "wrong password", which their own screens explain.
const ANSWERS_401_ITSELF = new Set(['/api/admin/session', '/api/admin/setup']);
const SAFE_METHODS = new Set(['GET', 'HEAD']);

const session: Middleware = {
  onRequest({ request }) {
    if (!SAFE_METHODS.has(request.method) && csrfToken) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
  onResponse({ response, schemaPath }) {
    if (response.status === 401 && !ANSWERS_401_ITSELF.has(schemaPath)) onUnauthorized();
    return undefined;
  },
};

/** The one client of the back office API, typed from its OpenAPI document (api-schema.d.ts). */
export const api = createClient<paths>({
  // Same origin: the API serves the dashboard, so the session cookie goes along without CORS.
  baseUrl: globalThis.location?.origin ?? '',
  credentials: 'same-origin',
  // Looked up on each call, so tests can stand in for the network.
  fetch: (request) => globalThis.fetch(request),
});
api.use(session);

interface ApiResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a successful call; otherwise an ApiError carrying the API's message (status 0: no answer). */
export async function unwrap<T>(call: Promise<ApiResult<T>>): Promise<T> {
  let result: ApiResult<T>;
  try {
    result = await call;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(0, undefined);
  }
  if (!result.response.ok) throw new ApiError(result.response.status, result.error);
  return result.data as T;
}
