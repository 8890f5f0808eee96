import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from './app-config';
import { readOidcClientsFile } from './oidc-clients';

const directory = mkdtempSync(path.join(tmpdir(), 'gatehouse-clients-'));
function file(content: unknown): string {
  const name = path.join(directory, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(name, typeof content === 'string' ? content : JSON.stringify(content));
  return name;
}
const SECRET = 'x'.repeat(32);
const web = { client_id: 'web', client_secret: SECRET, redirect_uris: ['https://app.example/cb'] };

describe('OIDC_CLIENTS_FILE', () => {
  it('reads RFC 7591 client metadata with its defaults', () => {
    expect(
      readOidcClientsFile(
        file([
          web,
          { client_id: 'spa', token_endpoint_auth_method: 'none', redirect_uris: ['https://app.example/spa'] },
        ]),
      ),
    ).toEqual({
      value: [
        {
          ...web,
          post_logout_redirect_uris: [],
          token_endpoint_auth_method: 'client_secret_basic',
          grant_types: ['authorization_code'],
        },
        {
          client_id: 'spa',
          redirect_uris: ['https://app.example/spa'],
          post_logout_redirect_uris: [],
          token_endpoint_auth_method: 'none',
          grant_types: ['authorization_code'],
        },
      ],
    });
  });

  it.each([
    [{ ...web, redirect_uris: [] }, '[0] ("web").redirect_uris must be an array of at least one URL'],
    [{ ...web, redirect_uris: ['https://app.example/cb#x'] }, '[0] ("web").redirect_uris[0] must be an absolute URL'],
    [{ ...web, client_secret: 'short' }, '[0] ("web").client_secret must be a string of at least 32 characters'],
    [{ ...web, token_endpoint_auth_method: 'none' }, '[0] ("web").client_secret must be left out for a public client'],
    [{ ...web, grant_types: ['implicit'] }, '[0] ("web").grant_types must list authorization_code'],
    [{ ...web, scope: 'admin' }, '[0].scope is not a field Gatehouse reads'],
    [{ ...web, client_id: '' }, '[0].client_id must be a non-empty string'],
  ])('names the file, the client and the field of a bad entry (%#)', (client, problem) => {
    const name = file([client]);
    const result = readOidcClientsFile(name);
    expect('problem' in result && result.problem).toContain(`${name}: ${problem}`);
  });

  it('refuses a client listed twice, a file that is not JSON and one that cannot be read', () => {
    expect(readOidcClientsFile(file([web, web]))).toEqual({
      problem: expect.stringContaining('[1].client_id "web" is listed twice'),
    });
    expect(readOidcClientsFile(file('{ not json'))).toEqual({ problem: expect.stringContaining('is not valid JSON') });
    expect(readOidcClientsFile(path.join(directory, 'missing.json'))).toEqual({
      problem: 'names a file that cannot be read (ENOENT)',
    });
  });

  it('stops the start like any other bad setting', () => {
    const name = file({ client_id: 'web' });
    expect(() => loadConfig({ OIDC_CLIENTS_FILE: name })).toThrow(ConfigError);
    expect(() => loadConfig({ OIDC_CLIENTS_FILE: name })).toThrow(
      `OIDC_CLIENTS_FILE must name a valid clients file: ${name}: must hold a JSON array`,
    );
  });
});
