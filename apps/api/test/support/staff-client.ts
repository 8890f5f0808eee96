import { CreateStaffMember } from '@gatehouse/domain/use-cases/create-staff-member.use-case';
import type { StaffRole } from '@gatehouse/domain/staff/staff-role';
import type { TestApp } from './test-app';

export const STAFF_PASSWORD = 'staff password that is long';

export interface StaffResponse {
  status: number;
  headers: Headers;
  text: string;
  json: Record<string, unknown> & { [key: string]: unknown };
}

/** A browser's worth of back-office state: the session cookie and the CSRF token, sent as a real client would. */
export class StaffClient {
  constructor(
    readonly baseUrl: string,
    public cookie: string | undefined,
    public csrfToken: string | undefined,
  ) {}

  static anonymous(baseUrl: string): StaffClient {
    return new StaffClient(baseUrl, undefined, undefined);
  }

  static async signIn(baseUrl: string, email: string, password = STAFF_PASSWORD): Promise<StaffClient> {
    const client = StaffClient.anonymous(baseUrl);
    const response = await client.signIn(email, password);
    if (response.status !== 200) throw new Error(`sign-in as ${email} failed: ${response.status} ${response.text}`);
    return client;
  }

  async signIn(email: string, password: string): Promise<StaffResponse> {
    const response = await this.request('POST', '/api/admin/session', { email, password });
    const setCookie = response.headers.get('set-cookie');
    if (response.status === 200 && setCookie) {
      this.cookie = setCookie.split(';')[0];
      this.csrfToken = String(response.json.csrfToken);
    }
    return response;
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    options: { csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<StaffResponse> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (options.csrf !== false && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // CSV and empty bodies are not JSON.
    }
    return { status: response.status, headers: response.headers, text, json };
  }

  get(path: string) {
    return this.request('GET', path);
  }

  post(path: string, body: unknown = {}) {
    return this.request('POST', path, body);
  }
}

/** Adds a staff member straight through the use case, as `npm run staff -- create` does. */
export async function addStaff(gatehouse: TestApp, email: string, role: StaffRole): Promise<string> {
  const member = await gatehouse.app
    .get(CreateStaffMember)
    .execute({ email, password: STAFF_PASSWORD, role, actor: { id: null, email: 'test' }, reason: 'test staff' });
  return member.id;
}
