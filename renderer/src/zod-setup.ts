import { config } from 'zod/v4/core';

// The CSP forbids eval, so zod must not probe for its compiled fast path (which would log a
// CSP violation). Imported first, before any schema exists. From zod's core, not its \`z\`, so the
// first chunk carries this one setting and not the whole library.
config({ jitless: true });
