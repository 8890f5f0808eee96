import { importDevelopmentPackage, MissingDevelopmentPackage, requireDevelopmentPackage } from './development-package';

// A production install lacks the development dependencies; a package name nobody publishes stands in for one.
const ABSENT = 'gatehouse-absent-development-package';

describe('development packages', () => {
  it('loads one that is installed', () => {
    const { SMTPServer } = requireDevelopmentPackage<typeof import('smtp-server')>('smtp-server', 'SMTP_URL', 'x');
    expect(typeof SMTPServer).toBe('function');
  });

  it('names the setting that avoids a missing one', () => {
    const load = () => requireDevelopmentPackage(ABSENT, 'SMTP_URL', 'the development inbox');
    expect(load).toThrow(MissingDevelopmentPackage);
    expect(load).toThrow(
      `SMTP_URL is not set, and the development inbox needs ${ABSENT}, a development dependency this installation ` +
        'does not have (installed without development dependencies, as in the Docker image). Set SMTP_URL, or run ' +
        'npm install to have the development dependencies.',
    );
  });

  it('passes on any other failure to load as it is', () => {
    const broken = new Error('boom');
    return expect(importDevelopmentPackage(() => Promise.reject(broken), ABSENT, 'DATABASE_URL', 'x')).rejects.toBe(
      broken,
    );
  });
});
