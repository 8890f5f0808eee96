import { testServerUrl } from '@gatehouse/infrastructure/testing/test-database';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '../../..');

/** Every row `npm run bench` prints, by the start of its first cell. */
const ROWS = [
  'Sign-up (POST /api/registrations), new addresses, saturated',
  'Sign-up latency at 80% of saturation',
  'Event-loop delay in the API during saturated sign-up',
  'GET /health/live during saturated sign-up',
  'Sign-up, saturated, with the in-process worker sending every email',
  'Confirmation (POST /api/confirmations), new tokens',
  'Back office: first page of users',
  'Back office: page by cursor',
  'Back office: search',
  'Email drain',
  'Start-up to ready, embedded PostgreSQL, empty DATA_DIR',
  'Start-up to ready, embedded PostgreSQL, existing DATA_DIR',
  'Idle resident memory (RSS) of the API process',
];

/** The table's body rows as cells: what, measured, limit, ratio, target, result. */
function tableRows(output: string): string[][] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| what ') && !line.startsWith('| ---'))
    .map((line) =>
      line
        .slice(2, -2)
        .split(' | ')
        .map((cell) => cell.trim()),
    );
}

// The quick mode proves the benchmark scripts still run end to end; its figures are too small to mean
// anything, so nothing here looks at a timing, a rate or a pass/FAIL verdict.
describe('npm run bench -- --quick', () => {
  it('prints one table with every row measured', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['dist/bench/main.js', '--quick'], {
      cwd: ROOT,
      // The run's own PostgreSQL server, so the benchmark does not start another one.
      env: { ...process.env, TEST_DATABASE_URL: testServerUrl() },
      maxBuffer: 10 * 1024 * 1024,
    });
    const rows = tableRows(stdout);
    for (const what of ROWS) {
      const row = rows.find(([first]) => first.startsWith(what));
      expect({ what, row }).toEqual({ what, row: expect.any(Array) });
      const [, measured, , , , result] = row!;
      expect({ what, measured }).toEqual({ what, measured: expect.stringMatching(/\d/) });
      expect(['pass', 'FAIL', 'info']).toContain(result);
    }
    expect(rows).toHaveLength(ROWS.length);
  }, 120_000);
});
