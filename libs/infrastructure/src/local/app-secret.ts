import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The development secret: generated once into the data directory, so links in emails already sent keep
 * working across restarts. Production must set APP_SECRET instead (checked by the configuration).
 */
export async function loadOrCreateAppSecret(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'app-secret');
  try {
    const existing = (await readFile(file, 'utf8')).trim();
    if (existing.length >= 32) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(32).toString('base64url');
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
