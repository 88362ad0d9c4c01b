/**
 * The commands of `linkdesk` (main.ts parses the arguments and answers --help without loading
 * this): the same dispatcher as the app, no Electron. Passphrases come from LINKDESK_PASSPHRASE
 * (and LINKDESK_NEW_PASSPHRASE) or a hidden prompt, never from an argument.
 */
import os from 'node:os';
import path from 'node:path';
import type { BackupOutcome, CheckReport, RestoreResult, SessionInfo } from '../../shared/api.ts';
import type { HistoryFinding } from '../../shared/domain/history.ts';
import { AppError, type Result } from '../../shared/errors.ts';
import { addDays, formatDateTime, localDay } from '../../shared/format.ts';
import { defaultConfigDir, MachineConfig } from '../app/config/machine-config.ts';
import { createDispatcher, type Dispatch } from '../app/dispatcher.ts';
import { AppSession } from '../app/session.ts';
import { clockFromEnvironment } from '../app/clock.ts';
import { apiCommand } from './api-command.ts';
import type { CliArgs } from './args.ts';
import { exportCommands } from './exports.ts';
import { reportCommands } from './report.ts';
import { hubCommands } from './hub-import.ts';
import { importCommands } from './imports.ts';
import { planCommands } from './plan.ts';
import { listen, portOf, type Listening } from './serve.ts';
import { forgetPassphrases, newPassphraseFrom, passphraseFrom } from './prompt.ts';
import { whereCommands } from './where.ts';
import { dataProtectionCommands } from './data-protection.ts';
import { accessCommands } from './access.ts';

export interface Cli {
  args: CliArgs;
  /** `serve`'s server, when main.ts started it before loading this module. */
  listening?: Listening | undefined;
  session: AppSession;
  dispatch: Dispatch;
  out: (human: string, json: unknown) => void;
}

export async function call<T>(cli: Cli, method: string, input: unknown): Promise<T> {
  const result = (await cli.dispatch(method, input)) as Result<T>;
  if (!result.ok) throw AppError.fromShape(result.error);
  return result.value;
}

export function requireOption(value: string | undefined, flag: string): string {
  if (!value) throw new AppError('invalid_input', `Give ${flag}.`, { issues: [{ path: flag.replace(/^--/, '').split(' ')[0], message: 'required' }] });
  return value;
}

function userName(cli: Cli): string {
  return cli.args.values.user ?? process.env.LINKDESK_USER ?? cli.session.config.userName ?? os.userInfo().username;
}

export async function unlock(cli: Cli): Promise<void> {
  await unlockSaying(cli);
}

/** Opens --db; says with which passphrase, for a command that needs it again (`api db.changePassphrase`). */
async function unlockSaying(cli: Cli): Promise<string> {
  const db = requireOption(cli.args.values.db, '--db FILE');
  const passphrase = await passphraseFrom('LINKDESK_PASSPHRASE', 'Passphrase: ');
  const info = await call<SessionInfo>(cli, 'db.unlock', { path: db, passphrase, userName: userName(cli), takeOverLock: cli.args.values['take-over-lock'] });
  warnAboutHistory(info.integrityWarnings);
  return passphrase;
}

/** The database opens whatever its history shows (the team keeps its data); the damage is said. */
function warnAboutHistory(findings: HistoryFinding[]): void {
  if (findings.length === 0) return;
  const lines = findings.map((f) => `  ${f.message}`).join('\n');
  process.stderr.write(`linkdesk: warning: the database's history has been tampered with or damaged:\n${lines}\nRun linkdesk check, and compare with your latest backup.\n`);
}

const commands: Record<string, (cli: Cli) => Promise<void>> = {
  ...importCommands({ call, unlock, requireOption }),
  ...exportCommands({ call, unlock, requireOption }),
  ...reportCommands({ call, unlock, requireOption }),
  ...hubCommands({ call, unlock, requireOption }),
  ...planCommands({ call, unlock, requireOption }),
  ...whereCommands(),
  ...dataProtectionCommands({ call, unlock, requireOption }),
  ...accessCommands({ call, unlock, requireOption }),
  api: apiCommand({ call, unlock: unlockSaying, requireOption }),
  async create(cli) {
    const db = requireOption(cli.args.values.db, '--db FILE');
    const teamName = requireOption(cli.args.values.team, '--team NAME');
    const passphrase = await newPassphraseFrom('LINKDESK_PASSPHRASE');
    const info = await call(cli, 'db.create', {
      path: db, passphrase, teamName, localAuthority: cli.args.values.authority ?? 'Not set', userName: userName(cli),
    });
    cli.out(`Created ${path.resolve(db)} for ${teamName}.`, info);
  },
  async check(cli) {
    await unlock(cli);
    const report = await call<CheckReport>(cli, 'db.check', {});
    if (!report.ok) {
      const damage = [...report.integrity.filter((line) => line !== 'ok'), ...report.cipherIntegrity];
      const history = report.history.map((f) => f.message);
      // Every history finding on its own line (each names a row or trigger); the error line sums up.
      cli.out(history.map((line) => `  ${line}`).join('\n'), report);
      const summary = [damage.length > 0 ? `damage: ${damage.slice(0, 3).join('; ')}` : '', history.length > 0 ? `${history.length} ${history.length === 1 ? 'problem' : 'problems'} with the audit or escalation log's history (listed above)` : '']
        .filter(Boolean)
        .join('; ');
      throw new AppError('corrupt_database', `The check found problems: ${summary}`);
    }
    cli.out(`OK: integrity, cipher and history checks passed (schema ${report.schemaVersion}).`, report);
  },
  async backup(cli) {
    const outFile = cli.args.values.out;
    await unlock(cli);
    if (!outFile) {
      const outcome = await call<BackupOutcome>(cli, 'db.backupNow', {});
      cli.out(`Backed up to ${outcome.path ?? 'the backup folder'} (checked, encrypted with the same passphrase).`, outcome);
      return;
    }
    const result = await call<{ path: string; bytes: number }>(cli, 'db.backup', { path: outFile });
    cli.out(`Backed up to ${result.path} (${result.bytes} bytes, checked, encrypted with the same passphrase).`, result);
  },
  async restore(cli) {
    const db = requireOption(cli.args.values.db, '--db FILE');
    const from = path.resolve(requireOption(cli.args.values.from, '--from BACKUP'));
    const passphrase = await passphraseFrom('LINKDESK_PASSPHRASE', 'Passphrase of the backup: ');
    const result = await call<RestoreResult>(cli, 'db.restore', {
      path: db, from, passphrase, userName: userName(cli), takeOverLock: cli.args.values['take-over-lock'],
    });
    const when = result.returnsTo ? `as it was on ${formatDateTime(result.returnsTo)}` : 'as the backup holds it';
    const kept = result.keptAt ? ` The database as it was before is kept at ${result.keptAt}.` : '';
    cli.out(`Restored ${db} from ${from}: the team's data is back ${when}.${kept}`, result);
  },
  async rekey(cli) {
    const db = requireOption(cli.args.values.db, '--db FILE');
    const current = await passphraseFrom('LINKDESK_PASSPHRASE', 'Current passphrase: ');
    const next = await newPassphraseFrom('LINKDESK_NEW_PASSPHRASE');
    const info = await call<SessionInfo>(cli, 'db.unlock', { path: db, passphrase: current, userName: userName(cli), takeOverLock: cli.args.values['take-over-lock'] });
    warnAboutHistory(info.integrityWarnings);
    await call(cli, 'db.changePassphrase', { currentPassphrase: current, newPassphrase: next });
    cli.out('Passphrase changed.', { changed: true });
  },
  async 'export-calendar'(cli) {
    const out = requireOption(cli.args.values.out, '--out FILE.ics');
    await unlock(cli);
    const from = cli.args.values.from ?? localDay(cli.session.now());
    const to = cli.args.values.to ?? addDays(from, 365);
    const result = await call<{ path: string; events: number }>(cli, 'visits.exportCalendar', { path: out, from, to, replace: cli.args.values.replace });
    cli.out(`Wrote ${result.events} events to ${result.path}.`, result);
  },
  async demo(cli) {
    const db = requireOption(cli.args.values.db, '--db FILE');
    const passphrase = await passphraseFrom('LINKDESK_PASSPHRASE', 'Passphrase for the demo database: ');
    const info = await call(cli, 'db.createDemo', { path: db, passphrase, userName: userName(cli) });
    cli.out(`Created the demo team database at ${path.resolve(db)}.`, info);
  },
  async serve(cli) {
    if (cli.args.values.db) await unlock(cli);
    // Serving lasts; unlocking again is done on screen.
    forgetPassphrases();
    const { server, connect } = cli.listening ?? (await listen(portOf(cli.args.values.port), cli.args.values.json));
    connect(cli.dispatch, cli.session.transfers);
    cli.session.startIdleLock();
    cli.session.log.info(`serve started on 127.0.0.1:${server.port}`);
    const stop = (): void => {
      cli.session.lock();
      void server.close().then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    await new Promise(() => undefined);
  },
};

/** The app's words for a choice on screen, as the command line offers it. */
function cliMessage(error: AppError): string {
  return error.code === 'file_exists' && error.details?.canReplace ? error.message.replace('or tick Replace', 'or add --replace') : error.message;
}

/** Runs a parsed command: exit code 0, or 1 with one line on stderr. */
export async function runCommand(args: CliArgs & { command: string }, listening?: Listening): Promise<number> {
  const command = commands[args.command];
  if (!command) {
    process.stderr.write(`linkdesk: unknown command "${args.command}". Run linkdesk --help.\n`);
    return 1;
  }
  const session = new AppSession({ config: new MachineConfig(defaultConfigDir()), mode: 'cli', now: clockFromEnvironment() });
  // A crash (an uncaught exception, or a rejection nobody handled) is logged, then goes on as before.
  process.on('uncaughtExceptionMonitor', (error) => session.log.internalError(`command ${args.command}`, error));
  const cli: Cli = {
    args,
    listening,
    session,
    dispatch: createDispatcher(session),
    out: (human, json) => {
      const text = args.values.json ? JSON.stringify(json) : human;
      if (text) process.stdout.write(`${text}\n`);
    },
  };
  try {
    await command(cli);
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) session.log.internalError(`command ${args.command}`, error);
    const message = error instanceof AppError ? cliMessage(error) : `Something went wrong inside LinkDesk; nothing was changed. Details (no personal data) are in ${session.log.file}.`;
    process.stderr.write(`linkdesk: ${message.replace(/\s+/g, ' ')}\n`);
    return 1;
  } finally {
    if (args.command !== 'serve') session.lock();
  }
}
