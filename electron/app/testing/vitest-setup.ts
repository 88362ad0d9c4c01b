/** Runs before every test file (vitest.config.ts `setupFiles`). */
import { useShortKeyStretch } from './short-key-stretch.ts';

// Hundreds of databases are opened; the real 256,000-iteration stretch stays on in the
// tests that name it (db/key-stretch.test.ts, the command line's tests).
useShortKeyStretch();
