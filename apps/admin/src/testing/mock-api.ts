import { vi } from 'vitest';

export interface RecordedRequest {
  method: string;
  path: string;
  search: string;
  headers: Headers;
  body: unknown;
}

type Answer = { status?: number; body?: unknown; headers?: Record<string, string> };
type Handler = (request: RecordedRequest) => Answer | Promise<Answer>;

/**
 * Stands in for the network: each "METHOD /path" answers with a status and a JSON body; anything else fails the
 * test loudly. Returns the requests made, in order.
 */
export function mockApi(handlers: Record<string, Handler | Answer>): RecordedRequest[] {
  const requests: RecordedRequest[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: Request) => {
      const url = new URL(input.url);
      const text = await input.text();
      const request: RecordedRequest = {
        method: input.method,
        path: url.pathname,
        search: url.search,
        headers: input.headers,
        body: text ? JSON.parse(text) : undefined,
      };
      requests.push(request);
      const handler = handlers[`${request.method} ${request.path}`];
      if (!handler) throw new Error(`Unexpected request in a test: ${request.method} ${request.path}${request.search}`);
      const answer = typeof handler === 'function' ? await handler(request) : handler;
      const status = answer.status ?? 200;
      const body = answer.body === undefined || status === 204 ? null : JSON.stringify(answer.body);
      return new Response(body, {
        status,
        headers: { 'content-type': 'application/json', ...answer.headers },
      });
    }),
  );
  return requests;
}
