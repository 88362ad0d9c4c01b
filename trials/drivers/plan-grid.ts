/**
 * A trial driver: opens a team database through the dispatcher, as the app does, and saves the
 * spring term's dates of every school still to agree in one visits.planMany call (the planner's
 * grid): one transaction, so a kill leaves all of them or none.
 * Usage: node --import tsx trials/drivers/plan-grid.ts DB [YEAR]. Prints {"saved": N} at the end.
 */
import os from 'node:os';
import type { PlanManyResult, PlannerRow } from '../../shared/domain/visits.ts';
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

/** Working days of the spring term, Tuesdays to Thursdays, from 12 January 2027. */
function springDay(i: number): string {
  const day = new Date(Date.UTC(2027, 0, 12 + 7 * Math.floor(i / 3) + (i % 3)));
  return day.toISOString().slice(0, 10);
}

try {
  await call('db.unlock', { path: file, passphrase: process.env.LINKDESK_PASSPHRASE, userName: 'Trial Driver' });
  const planner = await call<PlannerRow[]>('visits.planner', { yearLabel });
  const rows = planner.filter((r) => !r.visits.spring || r.visits.spring.status === 'to_be_agreed').map((r, i) => ({ urn: r.urn, date: springDay(i % 15), agreed: true }));
  const result = await call<PlanManyResult>('visits.planMany', { yearLabel, term: 'spring', rows, dryRun: false, saveGood: true });
  process.stdout.write(`${JSON.stringify({ saved: result.rows.filter((r) => r.outcome === 'saved').length })}\n`);
} catch (error) {
  process.stderr.write(`plan-grid: ${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  session.lock();
}
