/**
 * A child process for the crash tests: it does one real thing to a team database and, when
 * told to, kills itself with SIGKILL at a named step, so the test sees exactly what a crash
 * (or a power cut after the step's flushes) leaves on disk. Run with `node --import tsx`.
 *
 *   rekey    {path, passphrase, next, stopAt?}     change the passphrase
 *   restore  {path, from, passphrase, stopAt?}     restore a backup
 *   access-add {path, passphrase, user, person, personPassphrase, stopAt?}   give a person access
 *   access-remove[-reencrypt] {path, passphrase, user, person, stopAt?}     take it away (and re-encrypt)
 *   midwrite {path, passphrase}                    open, start a large transaction whose pages
 *                                                  spill into the file, print "ready", wait
 *   hold     {path, passphrase}                    open, print "ready", then for each line on
 *                                                  stdin ("rekey NEXT" | "backup FILE") print
 *                                                  the outcome as JSON
 */
import { createInterface } from 'node:readline';
import { AppError } from '../../../shared/errors.ts';
import { appendAudit } from '../audit/chain.ts';
import { restoreBackup, type RestoreStep } from '../db/restore.ts';
import type { RekeyStep } from '../db/rekey.ts';
import { openTeamDatabase } from '../db/team-db.ts';
import { addPerson, removePerson, type AccessStep } from '../access/service.ts';

interface Plan {
  action: 'rekey' | 'restore' | 'midwrite' | 'hold' | 'access-add' | 'access-remove' | 'access-remove-reencrypt';
  user?: string;
  person?: string;
  personPassphrase?: string;
  path: string;
  passphrase: string;
  next?: string;
  from?: string;
  stopAt?: string;
}

const plan = JSON.parse(process.argv[2] ?? '{}') as Plan;
const stopAt = (step: RekeyStep | RestoreStep | AccessStep): void => {
  if (step === plan.stopAt) process.kill(process.pid, 'SIGKILL');
};
const open = () => openTeamDatabase({ path: plan.path, passphrase: plan.passphrase, user: plan.user ?? 'Crash Child' });
const outcome = (work: () => unknown): string => {
  try {
    return JSON.stringify({ ok: true, value: work() ?? null });
  } catch (error) {
    return JSON.stringify({ ok: false, code: error instanceof AppError ? error.code : (error as { code?: string }).code ?? 'unknown', message: (error as Error).message });
  }
};

if (plan.action === 'rekey') {
  const db = open();
  db.changePassphrase(plan.passphrase, plan.next ?? '', stopAt);
  db.close();
  process.stdout.write('done\n');
} else if (plan.action === 'restore') {
  const restored = restoreBackup({ path: plan.path, from: plan.from ?? '', passphrase: plan.passphrase, user: 'Crash Child', now: () => new Date(), observe: stopAt });
  restored.db.close();
  process.stdout.write('done\n');
} else if (plan.action === 'access-add') {
  const db = open();
  addPerson(db, plan.person ?? '', plan.personPassphrase ?? '', stopAt);
  db.close();
  process.stdout.write('done\n');
} else if (plan.action === 'access-remove' || plan.action === 'access-remove-reencrypt') {
  const db = open();
  removePerson(db, plan.person ?? '', { reencrypt: plan.action === 'access-remove-reencrypt', observe: stopAt });
  db.close();
  process.stdout.write('done\n');
} else if (plan.action === 'midwrite') {
  const db = open();
  // A small cache makes SQLite write changed pages into the file before the commit.
  db.db.pragma('cache_size=4');
  db.db.exec('BEGIN');
  // Page 1 into the journal now, as every commit's end puts it there: otherwise whether it is
  // saved before the kill depends on whether the file happened to have free pages to reuse.
  db.db.pragma(`user_version=${Number(db.db.pragma('user_version', { simple: true }))}`);
  // Chained like every audit row (the log's insert trigger refuses any other).
  for (let i = 0; i < 3000; i++) appendAudit(db.db, { at: '2026-12-03T09:30:00.000Z', actor: 'Crash Child', entity: 'test', entityId: null, action: 'fill', summary: 'x'.repeat(500) });
  process.stdout.write('ready\n');
  setInterval(() => undefined, 60_000);
} else {
  const db = open();
  process.stdout.write('ready\n');
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    const [command, ...rest] = line.split(' ');
    const argument = rest.join(' ');
    if (command === 'rekey') process.stdout.write(`${outcome(() => db.changePassphrase(plan.passphrase, argument))}\n`);
    else if (command === 'backup') process.stdout.write(`${outcome(() => db.backupNow(argument))}\n`);
    else if (command === 'write') process.stdout.write(`${outcome(() => db.db.prepare("UPDATE setting SET value = value WHERE key = 'idleLockMinutes'").run())}\n`);
  });
  lines.on('close', () => {
    db.close();
    process.exit(0);
  });
}
