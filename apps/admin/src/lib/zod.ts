import { z } from 'zod';

// Zod compiles object parsers with `new Function` unless told not to. The API's Content-Security-Policy
// (script-src 'self', no 'unsafe-eval') refuses that, and reports even zod's caught probe for it as a violation.
// Every schema imports `z` from here, so this runs before the first one is made.
z.config({ jitless: true });

export { z };
