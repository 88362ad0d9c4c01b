import { AppError } from '../../shared/errors.ts';
import { takeSecretsFromEnvironment, type SecretVariable } from '../app/environment.ts';

/**
 * The passphrases from the environment, taken out of it when the command starts and kept
 * here only until it ends, so later steps of one command (rekey, `api db.changePassphrase`)
 * still find them and no program the command starts inherits them.
 */
let fromEnvironment = new Map<SecretVariable, string>();

export function takePassphrasesFromEnvironment(): void {
  for (const [name, value] of takeSecretsFromEnvironment()) fromEnvironment.set(name, value);
}

export function forgetPassphrases(): void {
  fromEnvironment = new Map();
}

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

export async function passphraseFrom(envName: SecretVariable, question: string): Promise<string> {
  takePassphrasesFromEnvironment();
  return fromEnvironment.get(envName) ?? promptHidden(question);
}

/** A new passphrase is asked twice when typed, since one unseen typo would lock the team out for good. */
export async function newPassphraseFrom(envName: SecretVariable): Promise<string> {
  takePassphrasesFromEnvironment();
  const fromEnv = fromEnvironment.get(envName);
  if (fromEnv !== undefined) return fromEnv;
  const first = await promptHidden('New passphrase: ');
  const second = await promptHidden('The new passphrase again: ');
  if (first !== second) throw new AppError('invalid_input', 'The two passphrases are different; nothing was changed.');
  return first;
}
