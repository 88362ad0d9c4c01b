import { z } from 'zod';

// The CSP forbids eval, so zod must not probe for its compiled fast path (which would log a
// CSP violation). Imported first, before any schema exists.
z.config({ jitless: true });
