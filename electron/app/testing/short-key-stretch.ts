/**
 * The key stretch in tests (see electron/app/db/key-stretch.ts): vitest's setup file puts
 * every test file on the short stretch; a file whose databases are also opened by a child
 * `linkdesk` process or the sqlcipher tool (which always use the real one) calls
 * `useRealKeyStretch()` at its top.
 */
import { keyStretchIterations, setKeyStretchForTests, SQLCIPHER_KDF_ITERATIONS } from '../db/key-stretch.ts';

export function useShortKeyStretch(): void {
  setKeyStretchForTests('short');
}

export function useRealKeyStretch(): void {
  setKeyStretchForTests('real');
}

/** The lines that key a file for the sqlcipher 4 tool, whichever stretch made it. */
export function sqlcipherKeyLines(passphrase: string): string {
  const key = `PRAGMA key='${passphrase.replace(/'/g, "''")}';`;
  const iterations = keyStretchIterations();
  return iterations === SQLCIPHER_KDF_ITERATIONS ? key : `${key}\nPRAGMA cipher_compatibility=4;\nPRAGMA kdf_iter=${iterations};`;
}
