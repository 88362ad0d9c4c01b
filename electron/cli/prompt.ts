import { AppError } from '../../shared/errors.ts';

/** Reads a secret from the terminal without echoing it. Never from an argument. */
export async function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    throw new AppError('invalid_input', 'No passphrase: set LINKDESK_PASSPHRASE, or run in a terminal to be asked for it.');
  }
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let value = '';
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          cleanup();
          process.stderr.write('\n');
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          cleanup();
          process.stderr.write('\n');
          reject(new AppError('invalid_input', 'Cancelled.'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    const cleanup = (): void => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
    };
    stdin.on('data', onData);
  });
}

export async function passphraseFrom(envName: string, question: string): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return promptHidden(question);
}

/** A new passphrase is asked twice when typed, since one unseen typo would lock the team out for good. */
export async function newPassphraseFrom(envName: string): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const first = await promptHidden('New passphrase: ');
  const second = await promptHidden('The new passphrase again: ');
  if (first !== second) throw new AppError('invalid_input', 'The two passphrases are different; nothing was changed.');
  return first;
}
