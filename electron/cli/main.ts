/**
 * `linkdesk`, the admin command line: the same dispatcher as the app, no Electron.
 * Passphrases come from LINKDESK_PASSPHRASE (and LINKDESK_NEW_PASSPHRASE) or a hidden
 * prompt, never from an argument. Exit 0 on success; 1 with one line on stderr on failure.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BackupOutcome, CheckReport, RestoreResult, SessionInfo } from '../../shared/api.ts';
import type { HistoryFinding } from '../../shared/domain/history.ts';
import { AppError, type Result } from '../../shared/errors.ts';
import { addDays, formatDateTime, localDay } from '../../shared/format.ts';
import { defaultConfigDir, MachineConfig } from '../app/config/machine-config.ts';
import { createDispatcher, type Dispatch } from '../app/dispatcher.ts';
import { AppSession } from '../app/session.ts';
import { startHttpServer } from '../http/server.ts';
import { clockFromEnvironment } from '../app/clock.ts';
import { apiCommand } from './api-command.ts';
import { parseCliArgs, type CliArgs } from './args.ts';
import { exportCommands } from './exports.ts';
import { hubCommands } from './hub-import.ts';
import { importCommands } from './imports.ts';
import { forgetPassphrases, newPassphraseFrom, passphraseFrom, takePassphrasesFromEnvironment } from './prompt.ts';
import { whereCommands, whereLines } from './where.ts';

const HELP = `linkdesk <command> [options]

Commands:
  create --db FILE --team NAME [--authority NAME]   create a new encrypted team database
  check --db FILE                                   integrity, cipher and history (audit log chain, append-only triggers) checks
  backup --db FILE [--out FILE.linkdesk]            verified encrypted copy: to a new FILE, or into the team's backup folder
  restore --db FILE --from BACKUP                   put a backup in place (the current file is kept aside); passphrase: the backup's
  rekey --db FILE                                   change the passphrase (new one from LINKDESK_NEW_PASSPHRASE or a prompt)
  demo --db FILE                                    create a demo team database with fictional data
  serve [--db FILE] [--port N]                      the app in your browser, on this computer only
  import-gias FILE --db FILE [--la CODE ...] [--dry-run]   import the DfE GIAS establishment CSV
  import-people FILE --db FILE [--dry-run]          import workers from .csv or .xlsx
  import-connections FILE --db FILE [--dry-run]     import declared connections from .csv or .xlsx
  import-allocations FILE --db FILE [--dry-run]     allocate link workers from a .csv or .xlsx (such as the SPOC list)
  import-hubs FILE --db FILE [--dry-run] [--apply-good-rows]   schools' hubs (and DSL name, DSL email) from a .csv or .xlsx of URN and Hub
  export-calendar --db FILE --out FILE.ics [--from DATE --to DATE] [--replace]   visits, pro forma deadlines and panel meetings for Outlook (default: the next year)
  export-spoc-list --db FILE --out FILE.xlsx [--valid-from DATE] [--replace]   the published SPOC contact list (schools with no SPOC: "to be allocated")
  export-record --db FILE --list                    the visit records and consultations a Word meeting record can be made from
  export-record --db FILE --visit ID|--consultation ID --out FILE.docx [--replace]   one meeting record
  api METHOD [--db FILE] [--input JSON]             call any API method; api --list lists them (passphrases are asked for, never in --input)
  where                                             where this computer's settings, log file and demo database are

The exports never write over an existing file unless you add --replace, and never over a team
database (.linkdesk) or the open database, its journal or its lock file.

Options: --json (machine-readable output), --user NAME (who you are; remembered per machine),
         --take-over-lock (open a database whose lock names another computer, after checking nobody is in it)
Passphrase: LINKDESK_PASSPHRASE, or you are asked for it.`;

export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface Cli {
  args: CliArgs;
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
  ...hubCommands({ call, unlock, requireOption }),
  ...whereCommands(),
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
    const port = cli.args.values.port ? Number(cli.args.values.port) : 0;
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new AppError('invalid_input', '--port must be a number from 0 to 65535.');
    const server = await startHttpServer({ dispatch: cli.dispatch, staticDir: path.join(PACKAGE_ROOT, 'dist', 'renderer'), port, transfers: cli.session.transfers });
    cli.session.startIdleLock();
    cli.session.log.info(`serve started on 127.0.0.1:${new URL(server.url).port}`);
    const open = `${server.url}#token=${server.token}`;
    // One JSON line, always: scripts and the e2e tests read it.
    process.stdout.write(`${JSON.stringify({ url: server.url, token: server.token, open })}\n`);
    if (!cli.args.values.json) process.stderr.write(`LinkDesk is serving on this computer only. Open ${open}\nPress Ctrl+C to stop.\n`);
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

export async function runCli(argv: string[]): Promise<number> {
  // First of all, so nothing this command starts inherits them; kept only until it ends.
  takePassphrasesFromEnvironment();
  try {
    return await runCommand(argv);
  } finally {
    forgetPassphrases();
  }
}

async function runCommand(argv: string[]): Promise<number> {
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    const passphraseOption = argv.some((a) => /^--?[\w-]*passphrase/i.test(a));
    const message = passphraseOption
      ? 'linkdesk never takes a passphrase as an argument (other programs can read a command line). Set LINKDESK_PASSPHRASE, or leave it out to be asked for it.'
      : (error as Error).message;
    process.stderr.write(`linkdesk: ${message}\n`);
    return 1;
  }
  if (args.values.help) {
    process.stdout.write(`${HELP}\n\n${whereLines(new MachineConfig(defaultConfigDir()))}\n`);
    return 0;
  }
  if (!args.command) {
    process.stderr.write('linkdesk: give a command, such as check or demo. Run linkdesk --help for the list.\n');
    return 1;
  }
  // The command line's files are relative to where it runs; the API takes full paths only.
  if (args.values.db) args.values.db = path.resolve(args.values.db);
  if (args.values.out) args.values.out = path.resolve(args.values.out);
  if (args.command.startsWith('import-') && args.rest[0]) args.rest[0] = path.resolve(args.rest[0]);
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
