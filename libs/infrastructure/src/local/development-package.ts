/**
 * A development dependency that only the zero-config path needs (the embedded PostgreSQL without DATABASE_URL, the
 * development inbox without SMTP_URL). A production install (`npm prune --omit=dev`, as in the Docker image) has
 * none of them, so they are loaded when that path is taken, and their absence names the setting that avoids them.
 */
export class MissingDevelopmentPackage extends Error {
  constructor(packageName: string, setting: string, purpose: string) {
    super(
      `${setting} is not set, and ${purpose} needs ${packageName}, a development dependency this installation ` +
        `does not have (installed without development dependencies, as in the Docker image). Set ${setting}, or ` +
        'run npm install to have the development dependencies.',
    );
    this.name = 'MissingDevelopmentPackage';
  }
}

/** Loads a CommonJS-capable package with `require`, which jest's module registry follows too. */
export function requireDevelopmentPackage<T>(packageName: string, setting: string, purpose: string): T {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on use: production installs lack it
    return require(packageName) as T;
  } catch (error) {
    throw isMissing(error, packageName) ? new MissingDevelopmentPackage(packageName, setting, purpose) : error;
  }
}

/** Loads an ES-module-only package with a native import(). */
export async function importDevelopmentPackage<T>(
  load: () => Promise<T>,
  packageName: string,
  setting: string,
  purpose: string,
): Promise<T> {
  try {
    return await load();
  } catch (error) {
    throw isMissing(error, packageName) ? new MissingDevelopmentPackage(packageName, setting, purpose) : error;
  }
}

/** The package itself is not installed, as opposed to one of its own files or dependencies failing to load. */
// Read by shape, not instanceof: under jest the resolver's error comes from another realm.
function isMissing(error: unknown, packageName: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return (
    (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') &&
    typeof message === 'string' &&
    (message.includes(`'${packageName}'`) || message.includes(`"${packageName}"`))
  );
}
