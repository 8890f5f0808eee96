import { TEST_SERVER_URL_VARIABLE } from './test-database';

// The unit project runs without the integration project's global setup: no build, no PostgreSQL. Hiding the URLs
// makes a spec that reaches for a database fail with testServerUrl()'s message rather than use the machine's.
delete process.env.TEST_DATABASE_URL;
delete process.env[TEST_SERVER_URL_VARIABLE];
