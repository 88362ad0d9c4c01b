/**
 * `linkdesk`, the admin command line. This module parses the arguments and answers --help;
 * the commands, and with them the database driver, every schema of the API and the HTTP
 * server, load (commands.ts) only once a command is given, so --help and a mistyped option
 * answer at once. Exit 0 on success; 1 with one line on stderr on failure.
 */
import path from 'node:path';
import { defaultConfigDir, MachineConfig } from '../app/config/machine-config.ts';
import { parseCliArgs, type CliArgs } from './args.ts';
import type { Listening } from './serve.ts';
import { forgetPassphrases, takePassphrasesFromEnvironment } from './prompt.ts';
import { whereLines } from './where.ts';

const HELP = `linkdesk <command> [options]

Commands:
  create --db FILE --team NAME [--authority NAME]   create a new encrypted team database
  check --db FILE                                   integrity, cipher and history (audit log chain, append-only triggers) checks
  backup --db FILE [--out FILE.linkdesk]            verified encrypted copy: to a new FILE, or into the team's backup folder
  restore --db FILE --from BACKUP                   put a backup in place (the current file is kept aside); passphrase: the backup's
  rekey --db FILE                                   change the passphrase (new one from LINKDESK_NEW_PASSPHRASE or a prompt)
  access list|add|remove|enable|reencrypt --db FILE [--person NAME] [--reencrypt]   who has access, each with their own passphrase (the new person's from LINKDESK_NEW_PASSPHRASE or a prompt)
  demo --db FILE                                    create a demo team database with fictional data
  serve [--db FILE] [--port N]                      the app in your browser, on this computer only
  import-gias FILE --db FILE [--la CODE ...] [--dry-run]   import the DfE GIAS establishment CSV
  import-people FILE --db FILE [--dry-run]          import workers from .csv or .xlsx
  import-connections FILE --db FILE [--dry-run]     import declared connections from .csv or .xlsx
  import-allocations FILE --db FILE [--dry-run]     allocate link workers from a .csv or .xlsx (such as the SPOC list)
  import-hubs FILE --db FILE [--dry-run] [--apply-good-rows]   schools' hubs (and DSL name, DSL email) from a .csv or .xlsx of URN and Hub
  plan-allocations --db FILE [--from DATE] [--hub NAME] [--time-limit S] [--apply --reason TEXT]   the best allocation by the team's weights (all open schools in scope, or one hub), explained; --apply applies it through the rules
  export-calendar --db FILE --out FILE.ics [--from DATE --to DATE] [--replace]   visits, pro forma deadlines and panel meetings for Outlook (default: the next year)
  export-spoc-list --db FILE --out FILE.xlsx [--valid-from DATE] [--replace]   the published SPOC contact list (schools with no SPOC: "to be allocated")
  report --db FILE --year 2026-27 [--term autumn|spring|summer] [--hub NAME] [--share] --out FILE.docx|FILE.xlsx [--replace] [--json]
                                                    the termly (or, without --term, annual) report as Word or Excel; --share shows counts of 1-4
                                                    as "fewer than 5"; --json prints the headline figures (--out may then be left out)
  export-escalation-log --db FILE --from DATE --to DATE [--hub NAME] --out FILE.docx [--replace]   the escalation log of a period, for audit (OFFICIAL-SENSITIVE)
  export-record --db FILE --list                    the visit records and consultations a Word meeting record can be made from
  export-record --db FILE --visit ID|--consultation ID --out FILE.docx [--replace]   one meeting record
  retention --db FILE --review [--json]             what is past the team's retention period, kind by kind
  retention --db FILE --purge --confirm             remove children's references and notes past their period (counts kept)
  subject-access --db FILE (--case-id ID | --initials AB --year-group N [--urn URN]) --out FILE.docx [--replace]
                                                    everything held about one child, others redacted (--json: [{kind, id, date, school}])
  api METHOD [--db FILE] [--input JSON]             call any API method; api --list lists them (passphrases are asked for, never in --input)
  where                                             where this computer's settings, log file and demo database are

The exports never write over an existing file unless you add --replace, and never over a team
database (.linkdesk) or the open database, its journal or its lock file.

Options: --json (machine-readable output), --user NAME (who you are; remembered per machine),
         --take-over-lock (open a database whose lock names another computer, after checking nobody is in it)
Passphrase: LINKDESK_PASSPHRASE, or you are asked for it.`;

export async function runCli(argv: string[]): Promise<number> {
  // First of all, so nothing this command starts inherits them; kept only until it ends.
  takePassphrasesFromEnvironment();
  try {
    return await parseAndRun(argv);
  } finally {
    forgetPassphrases();
  }
}

async function parseAndRun(argv: string[]): Promise<number> {
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
  const command = args.command;
  if (!command) {
    process.stderr.write('linkdesk: give a command, such as check or demo. Run linkdesk --help for the list.\n');
    return 1;
  }
  // The command line's files are relative to where it runs; the API takes full paths only.
  if (args.values.db) args.values.db = path.resolve(args.values.db);
  if (args.values.out) args.values.out = path.resolve(args.values.out);
  if (command.startsWith('import-') && args.rest[0]) args.rest[0] = path.resolve(args.rest[0]);
  const listening = command === 'serve' && !args.values.db ? await listenEarly(args) : undefined;
  const { runCommand } = await import('./commands.ts');
  return runCommand({ ...args, command }, listening);
}

/** `serve` listens first (serve.ts); if that fails (a bad --port, a port in use), the command tries again and says why. */
async function listenEarly(args: CliArgs): Promise<Listening | undefined> {
  const { listen, portOf } = await import('./serve.ts');
  try {
    return await listen(portOf(args.values.port), args.values.json);
  } catch {
    return undefined;
  }
}
