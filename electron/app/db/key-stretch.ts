/**
 * How many PBKDF2-HMAC-SHA512 iterations turn a passphrase into the database key: SQLCipher
 * 4's 256,000, always, in the app, the command line and browser mode.
 *
 * Tests open hundreds of databases, and at two key stretches per open (SQLCipher's, and the
 * page-check key of cipher-integrity.ts) the suite spent most of its CPU on them. So tests,
 * and only tests, may ask for a short stretch:
 * - the setter is called from electron/app/testing/ (vitest's setup file) and nowhere else:
 *   eslint refuses to let any other file import it, and no environment variable or argument
 *   reaches it, so no user and no packaged build can turn it on;
 * - a file keyed with the short stretch does not open with the real one (a different key:
 *   "wrong passphrase"), so it can never pass for a real team database, nor a real one be
 *   read as a test file;
 * - child processes (the `linkdesk` command run by tests) and the sqlcipher tool always use
 *   the real stretch; the tests that share files with them stay on it.
 */
export const SQLCIPHER_KDF_ITERATIONS = 256_000;

let iterations = SQLCIPHER_KDF_ITERATIONS;

export function keyStretchIterations(): number {
  return iterations;
}

/** FOR TESTS ONLY (lint-enforced): a short key stretch, or back to the real one. */
export function setKeyStretchForTests(stretch: 'short' | 'real'): void {
  iterations = stretch === 'short' ? TEST_KDF_ITERATIONS : SQLCIPHER_KDF_ITERATIONS;
}

/** Short but not zero, so the key is still derived the same way, only cheaper. */
export const TEST_KDF_ITERATIONS = 4;
