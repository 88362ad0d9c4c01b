/**
 * `linkdesk access list|add|remove|enable|reencrypt --db FILE [--person NAME]`: who has
 * access, each with their own passphrase. You open the database as yourself (--user, and
 * LINKDESK_PASSPHRASE or a prompt); the new person's passphrase comes from
 * LINKDESK_NEW_PASSPHRASE or is typed twice at a prompt, never from an argument.
 */
import type { AccessState } from '../../shared/domain/access.ts';
import { AppError } from '../../shared/errors.ts';
import { formatDateTime } from '../../shared/format.ts';
import type { Cli } from './commands.ts';
import { newPassphraseFrom, passphraseFrom } from './prompt.ts';

interface Tools {
  call: <T>(cli: Cli, method: string, input: unknown) => Promise<T>;
  unlock: (cli: Cli) => Promise<void>;
  requireOption: (value: string | undefined, flag: string) => string;
}

function describe(state: AccessState): string {
  if (!state.perPerson) return 'The team shares one passphrase. Run linkdesk access enable to give each person their own.';
  const lines = state.people.map((p) => {
    const opened = p.lastOpenedAt ? `last opened ${formatDateTime(p.lastOpenedAt)}` : 'not opened yet';
    return `  ${p.name}${p.you ? ' (you)' : ''}: added by ${p.addedBy} on ${formatDateTime(p.addedAt)}, ${opened}`;
  });
  const warning = state.keyIsNewest ? [] : ['The database is under an older key than the newest (an interrupted re-encryption, or a restored backup). Run linkdesk access reencrypt.'];
  return [`${state.people.length} ${state.people.length === 1 ? 'person has' : 'people have'} access:`, ...lines, ...warning].join('\n');
}

export function accessCommands({ call, unlock, requireOption }: Tools): Record<string, (cli: Cli) => Promise<void>> {
  return {
    async access(cli) {
      const action = cli.args.rest[0];
      const person = (): string => requireOption(cli.args.values.person, '--person NAME');
      switch (action) {
        case 'list': {
          await unlock(cli);
          const state = await call<AccessState>(cli, 'access.list', {});
          cli.out(describe(state), state);
          return;
        }
        case 'add': {
          const name = person();
          await unlock(cli);
          process.stderr.write(`The passphrase for ${name}:\n`);
          const passphrase = await newPassphraseFrom('LINKDESK_NEW_PASSPHRASE');
          const state = await call<AccessState>(cli, 'access.add', { name, passphrase });
          cli.out(`${name} has access now, with their own passphrase.\n${describe(state)}`, state);
          return;
        }
        case 'remove': {
          const name = person();
          await unlock(cli);
          const reencrypt = cli.args.values.reencrypt;
          const state = await call<AccessState>(cli, 'access.remove', { name, reencrypt });
          const advice = reencrypt
            ? ' The database has a new key, sealed to everyone left.'
            : ` If ${name} may have kept a copy of the key, run linkdesk access reencrypt (or remove with --reencrypt next time).`;
          cli.out(`${name} no longer has access.${advice}\n${describe(state)}`, state);
          return;
        }
        case 'enable': {
          await unlock(cli);
          // The passphrase that opened it, asked for again would be the same: reuse it.
          const passphrase = await passphraseFrom('LINKDESK_PASSPHRASE', 'The team passphrase, again: ');
          const state = await call<AccessState>(cli, 'access.enable', { passphrase });
          cli.out(`Each person now has their own passphrase; the team passphrase is yours. Add the others with linkdesk access add.\n${describe(state)}`, state);
          return;
        }
        case 'reencrypt': {
          await unlock(cli);
          const state = await call<AccessState>(cli, 'access.reencrypt', {});
          cli.out(`The database has a new key, sealed to everyone with access.\n${describe(state)}`, state);
          return;
        }
        default:
          throw new AppError('invalid_input', 'Say what to do: linkdesk access list, add, remove, enable or reencrypt.', { issues: [{ path: 'action', message: 'list, add, remove, enable or reencrypt' }] });
      }
    },
  };
}
