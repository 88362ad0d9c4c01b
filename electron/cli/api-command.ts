/**
 * `linkdesk api METHOD [--input JSON]`: any method of the contract. Its input is on the
 * command line, which other programs on the computer can read (ps, /proc/<pid>/cmdline) and
 * shells keep in their history, so it must never carry a passphrase: the methods that need
 * one get it the way every other command does, from the environment or a hidden prompt.
 */
import { z } from 'zod';
import { api, METHOD_NAMES, type MethodName } from '../../shared/api.ts';
import { AppError } from '../../shared/errors.ts';
import type { Cli } from './commands.ts';
import { newPassphraseFrom, passphraseFrom } from './prompt.ts';

interface Tools {
  call: <T>(cli: Cli, method: string, input: unknown) => Promise<T>;
  /** Opens --db and says with which passphrase, for a method that needs it again. */
  unlock: (cli: Cli) => Promise<string>;
  requireOption: (value: string | undefined, flag: string) => string;
}

const PASSPHRASE_KEY = /passphrase/i;

interface Visit {
  value: unknown;
  key: string | null;
  parent: Visit | null;
}

function pathOf(visit: Visit): string {
  const keys: string[] = [];
  for (let v: Visit | null = visit; v?.key != null; v = v.parent) keys.unshift(v.key);
  return keys.join('.');
}

/** The path of the first key that looks like a passphrase, anywhere in the input; null if none. */
export function passphraseKeyIn(input: unknown): string | null {
  // A stack with links to parents, not recursion nor copied paths: the input is whatever was
  // typed, nested as deep as it likes, and each value is visited once.
  const stack: Visit[] = [{ value: input, key: null, parent: null }];
  for (let visit = stack.pop(); visit; visit = stack.pop()) {
    const { value } = visit;
    if (value === null || typeof value !== 'object') continue;
    for (const [key, child] of Object.entries(value)) {
      const next = { value: child, key, parent: visit };
      if (PASSPHRASE_KEY.test(key)) return pathOf(next);
      stack.push(next);
    }
  }
  return null;
}

type Asker = (unlockedWith: string | null) => Promise<Record<string, string>>;

/** The methods whose input holds a passphrase, and how the command line asks for it. */
export const PASSPHRASES_ASKED: Partial<Record<MethodName, Asker>> = {
  'db.unlock': async () => ({ passphrase: await passphraseFrom('LINKDESK_PASSPHRASE', 'Passphrase: ') }),
  'db.create': async () => ({ passphrase: await newPassphraseFrom('LINKDESK_PASSPHRASE') }),
  'db.createDemo': async () => ({ passphrase: await passphraseFrom('LINKDESK_PASSPHRASE', 'Passphrase for the demo database: ') }),
  'db.changePassphrase': async (unlockedWith) => ({
    currentPassphrase: unlockedWith ?? (await passphraseFrom('LINKDESK_PASSPHRASE', 'Current passphrase: ')),
    newPassphrase: await newPassphraseFrom('LINKDESK_NEW_PASSPHRASE'),
  }),
  'db.checkBackup': async () => ({ passphrase: await passphraseFrom('LINKDESK_PASSPHRASE', "The backup's passphrase: ") }),
  'db.restore': async () => ({ passphrase: await passphraseFrom('LINKDESK_PASSPHRASE', "The backup's passphrase: ") }),
  'access.enable': async (unlockedWith) => ({ passphrase: unlockedWith ?? (await passphraseFrom('LINKDESK_PASSPHRASE', 'The team passphrase: ')) }),
  'access.add': async () => ({ passphrase: await newPassphraseFrom('LINKDESK_NEW_PASSPHRASE') }),
};

function parsedInput(text: string | undefined): unknown {
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('invalid_input', '--input is not valid JSON.');
  }
}

export function apiCommand({ call, unlock, requireOption }: Tools): (cli: Cli) => Promise<void> {
  return async (cli) => {
    if (cli.args.values.list) {
      const list = METHOD_NAMES.map((name) => ({
        method: name,
        summary: api[name].summary,
        input: z.toJSONSchema(api[name].input, { unrepresentable: 'any', io: 'input' }),
      }));
      cli.out(list.map((m) => `${m.method.padEnd(24)} ${m.summary}`).join('\n'), list);
      return;
    }
    const method = requireOption(cli.args.rest[0], 'METHOD');
    const input = parsedInput(cli.args.values.input);
    const key = passphraseKeyIn(input);
    if (key !== null) {
      throw new AppError(
        'invalid_input',
        `--input must not hold a passphrase (it has "${key}"): a command line can be read by other programs on this computer. Leave it out: LinkDesk takes it from LINKDESK_PASSPHRASE (and LINKDESK_NEW_PASSPHRASE), or asks for it.`,
        { issues: [{ path: key, message: 'A passphrase cannot be given on the command line' }] },
      );
    }
    const unlockedWith = cli.args.values.db ? await unlock(cli) : null;
    const ask = PASSPHRASES_ASKED[method as MethodName];
    const withPassphrases = ask && input !== null && typeof input === 'object' && !Array.isArray(input) ? { ...input, ...(await ask(unlockedWith)) } : input;
    const value = await call(cli, method, withPassphrases);
    cli.out(JSON.stringify(value, null, 2), value);
  };
}
