import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { API_TYPES_FILE, generateApiTypes } from '../../admin/scripts/api-types.mjs';
import { useTestApp } from './support/test-app';

const running = useTestApp();

/** Where two texts part, as a line number and both lines, for a readable failure. */
function firstDifference(committed: string, expected: string): string {
  const a = committed.split('\n');
  const b = expected.split('\n');
  const line = a.findIndex((text, index) => text !== b[index]);
  const at = line === -1 ? a.length : line;
  return `line ${at + 1}:\n  committed: ${a[at] ?? '(end of file)'}\n  the API:   ${b[at] ?? '(end of file)'}`;
}

describe("the dashboard's typed API client", () => {
  it("was generated from the running API's OpenAPI document, so the two cannot drift apart", async () => {
    const response = await fetch(`${running.gatehouse.baseUrl}/api/docs-json`);
    expect(response.status).toBe(200);
    const expected = await generateApiTypes((await response.json()) as object);
    const committed = await readFile(API_TYPES_FILE, 'utf8');
    if (committed !== expected) {
      throw new Error(
        `${path.relative(process.cwd(), API_TYPES_FILE)} no longer matches the API's OpenAPI document: ` +
          `run npm run admin:api-types (with npm start running), check that the dashboard still type-checks ` +
          `(npm run check), and commit the result. First difference at ${firstDifference(committed, expected)}`,
      );
    }
  });
});
