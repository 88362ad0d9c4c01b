/**
 * A trial driver: opens a team database through the dispatcher, as the app does, and saves the
 * termly visits still to plan, one save (one transaction) after another, until killed or done.
 * Usage: node --import tsx trials/drivers/save-visits.ts DB [YEAR]. Prints {"saves": N} at the end.
 */
import os from 'node:os';
import type { PlannerRow } from '../../shared/domain/visits.ts';
import { TERM_NAMES } from '../../shared/domain/calendar.ts';
import type { Result } from '../../shared/errors.ts';
import { MachineConfig } from '../../electron/app/config/machine-config.ts';
import { createDispatcher } from '../../electron/app/dispatcher.ts';
import { AppSession } from '../../electron/app/session.ts';

const [file, yearLabel = '2026-27'] = process.argv.slice(2);
const session = new AppSession({ config: new MachineConfig(process.env.LINKDESK_HOME ?? os.tmpdir()), mode: 'cli' });
const dispatch = createDispatcher(session);

async function call<T>(method: string, input: unknown): Promise<T> {
  const result = (await dispatch(method, input)) as Result<T>;
  if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

try {
  await call('db.unlock', { path: file, passphrase: process.env.LINKDESK_PASSPHRASE, userName: 'Trial Driver' });
  const planner = await call<PlannerRow[]>('visits.planner', { yearLabel });
  let saves = 0;
  for (const row of planner) {
    for (const term of TERM_NAMES) {
      if (row.visits[term]) continue;
      await call('visits.plan', { urn: row.urn, yearLabel, term, date: '' });
      saves++;
    }
  }
  process.stdout.write(`${JSON.stringify({ saves })}\n`);
} catch (error) {
  process.stderr.write(`save-visits: ${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  session.lock();
}
