import { readFileSync } from 'node:fs';
import type { Parsed } from './setting';

/** A product registered with the OpenID provider, in RFC 7591 client metadata as OIDC_CLIENTS_FILE holds it. */
export interface OidcClient {
  client_id: string;
  /** Absent for a public client (token_endpoint_auth_method none), which must use PKCE S256. */
  client_secret?: string;
  redirect_uris: string[];
  post_logout_redirect_uris: string[];
  client_name?: string;
  token_endpoint_auth_method: 'client_secret_basic' | 'client_secret_post' | 'none';
  grant_types: Array<'authorization_code' | 'refresh_token'>;
}

const AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'none'] as const;
const GRANT_TYPES = ['authorization_code', 'refresh_token'] as const;
const FIELDS = new Set([
  'client_id',
  'client_secret',
  'redirect_uris',
  'post_logout_redirect_uris',
  'client_name',
  'token_endpoint_auth_method',
  'grant_types',
]);
/** A client secret is a password nobody types: long and random, like APP_SECRET. */
const MIN_SECRET_LENGTH = 32;

class ClientProblem extends Error {}

/** Reads and checks OIDC_CLIENTS_FILE: the first problem names the file, the client and the field. */
export function readOidcClientsFile(file: string): Parsed<OidcClient[]> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { problem: `names a file that cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { problem: `must name a JSON file: ${file} is not valid JSON` };
  }
  try {
    return { value: oidcClients(parsed) };
  } catch (error) {
    if (error instanceof ClientProblem) return { problem: `must name a valid clients file: ${file}: ${error.message}` };
    throw error;
  }
}

export function oidcClients(parsed: unknown): OidcClient[] {
  if (!Array.isArray(parsed)) throw new ClientProblem('must hold a JSON array of client metadata objects');
  const seen = new Set<string>();
  return parsed.map((entry, index) => {
    const client = oidcClient(entry, `[${index}]`);
    if (seen.has(client.client_id))
      throw new ClientProblem(`[${index}].client_id "${client.client_id}" is listed twice`);
    seen.add(client.client_id);
    return client;
  });
}

function oidcClient(entry: unknown, at: string): OidcClient {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    throw new ClientProblem(`${at} must be an object of client metadata`);
  }
  const fields = entry as Record<string, unknown>;
  const unknown = Object.keys(fields).find((key) => !FIELDS.has(key));
  if (unknown) throw new ClientProblem(`${at}.${unknown} is not a field Gatehouse reads (${[...FIELDS].join(', ')})`);
  const clientId = fields.client_id;
  if (typeof clientId !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(clientId)) {
    throw new ClientProblem(`${at}.client_id must be a non-empty string of visible ASCII characters`);
  }
  const named = `${at} ("${clientId}")`;
  const method = fields.token_endpoint_auth_method ?? 'client_secret_basic';
  if (!AUTH_METHODS.includes(method as OidcClient['token_endpoint_auth_method'])) {
    throw new ClientProblem(`${named}.token_endpoint_auth_method must be ${AUTH_METHODS.join(', ')}`);
  }
  const secret = fields.client_secret;
  if (method === 'none' && secret !== undefined) {
    throw new ClientProblem(
      `${named}.client_secret must be left out for a public client (token_endpoint_auth_method none)`,
    );
  }
  if (method !== 'none' && (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH)) {
    throw new ClientProblem(`${named}.client_secret must be a string of at least ${MIN_SECRET_LENGTH} characters`);
  }
  const redirectUris = uris(fields.redirect_uris, `${named}.redirect_uris`, true);
  const postLogout =
    fields.post_logout_redirect_uris === undefined
      ? []
      : uris(fields.post_logout_redirect_uris, `${named}.post_logout_redirect_uris`, false);
  const name = fields.client_name;
  if (name !== undefined && (typeof name !== 'string' || !name.trim())) {
    throw new ClientProblem(`${named}.client_name must be a non-empty string`);
  }
  const grants = fields.grant_types ?? ['authorization_code'];
  if (
    !Array.isArray(grants) ||
    !grants.includes('authorization_code') ||
    grants.some((grant) => !GRANT_TYPES.includes(grant as OidcClient['grant_types'][number]))
  ) {
    throw new ClientProblem(`${named}.grant_types must list authorization_code, and refresh_token or nothing else`);
  }
  return {
    client_id: clientId,
    ...(typeof secret === 'string' ? { client_secret: secret } : {}),
    redirect_uris: redirectUris,
    post_logout_redirect_uris: postLogout,
    ...(typeof name === 'string' ? { client_name: name.trim() } : {}),
    token_endpoint_auth_method: method as OidcClient['token_endpoint_auth_method'],
    grant_types: [...new Set(grants as OidcClient['grant_types'])],
  };
}

function uris(value: unknown, at: string, required: boolean): string[] {
  if (!Array.isArray(value) || (required && value.length === 0)) {
    throw new ClientProblem(`${at} must be an array of at least one URL`);
  }
  return value.map((item, index) => {
    let url: URL | undefined;
    try {
      url = typeof item === 'string' ? new URL(item) : undefined;
    } catch {
      url = undefined;
    }
    if (!url || url.hash || !/^(https?:|[a-z][a-z0-9+.-]*:)$/.test(url.protocol)) {
      throw new ClientProblem(`${at}[${index}] must be an absolute URL without a #fragment`);
    }
    return item as string;
  });
}
