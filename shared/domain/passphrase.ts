/**
 * Passphrase strength, shared so the form shows exactly the rule the main process enforces.
 * The database key is the only thing between a lost laptop and children's records, so the
 * rule favours length (a few words) over symbol-juggling.
 */
export const MIN_PASSPHRASE_LENGTH = 12;

const COMMON = new Set([
  'password1234', 'passwordpassword', 'qwertyuiop12', '123456789012', 'letmein12345',
  'linkdeskteam', 'earlyhelp123', 'welcome12345', 'changeme1234', 'administrator',
]);

export interface PassphraseVerdict {
  ok: boolean;
  /** Plain-words reasons it is refused; empty when ok. */
  problems: string[];
}

export function checkPassphraseStrength(passphrase: string, context: string[] = []): PassphraseVerdict {
  const problems: string[] = [];
  const lower = passphrase.toLowerCase();
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    problems.push(`Use at least ${MIN_PASSPHRASE_LENGTH} characters (a few words together work well).`);
  }
  if (new Set(passphrase).size < 6) {
    problems.push('Use more different characters: it repeats too few.');
  }
  if (COMMON.has(lower.replace(/\s+/g, ''))) {
    problems.push('This is a commonly used passphrase.');
  }
  const words = context.map((w) => w.trim().toLowerCase()).filter((w) => w.length >= 4);
  if (words.some((w) => lower.replace(/\s+/g, '') === w.replace(/\s+/g, ''))) {
    problems.push('Do not use the team or council name as the passphrase.');
  }
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(passphrase)).length;
  const wordCount = passphrase.trim().split(/[\s\-_.]+/).filter(Boolean).length;
  if (passphrase.length >= MIN_PASSPHRASE_LENGTH && passphrase.length < 20 && classes < 2 && wordCount < 3) {
    problems.push('Mix letters with numbers or symbols, or use three or more words.');
  }
  return { ok: problems.length === 0, problems };
}
