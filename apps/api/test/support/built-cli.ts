import { spawn } from 'node:child_process';
import path from 'node:path';
import { TEST_APP_SECRET } from './test-app';

const ROOT = path.resolve(__dirname, '../../../..');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs one of the built command-line programs (dist/apps/api/src/<name>.js) as an operator or a script would,
 * against the given database, with `input` on standard input.
 */
export function runBuiltCli(name: string, args: string[], databaseUrl: string, input = ''): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, `dist/apps/api/src/${name}.js`), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl, APP_SECRET: TEST_APP_SECRET, NODE_ENV: 'test' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}
