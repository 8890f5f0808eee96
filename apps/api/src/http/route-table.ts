import type { FastifyInstance } from 'fastify';

export interface RegisteredRoute {
  method: string;
  url: string;
}

const tables = new WeakMap<FastifyInstance, RegisteredRoute[]>();

/**
 * Records every route as the router registers it, so a test can walk what the running application actually
 * serves (the back-office authorisation matrix covers a new route without being edited).
 */
export function recordRoutes(instance: FastifyInstance): void {
  const routes: RegisteredRoute[] = [];
  tables.set(instance, routes);
  instance.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
}

export function registeredRoutes(instance: FastifyInstance): readonly RegisteredRoute[] {
  return tables.get(instance) ?? [];
}
