/**
 * A trial driver: opens a team database through the dispatcher, as the app does, and hands the
 * demo's leaver (Kemi Adeyemi) over to Farid Haddad: her schools through the allocation rules and
 * her open actions, in one transaction. Usage: node --import tsx trials/drivers/handover.ts DB.
 * Prints {"schools": N, "actions": M} at the end.
 */
import os from 'node:os';
import type { HandoverResult } from '../../shared/domain/actions.ts';
import type { PersonSummary } from '../../shared/domain/people.ts';
import type { Result } from '../../shared/errors.ts';
import { MachineConfig } from '../../electron/app/config/machine-config.ts';
import { createDispatcher } from '../../electron/app/dispatcher.ts';
import { AppSession } from '../../electron/app/session.ts';

const [file] = process.argv.slice(2);
const session = new AppSession({ config: new MachineConfig(process.env.LINKDESK_HOME ?? os.tmpdir()), mode: 'cli' });
const dispatch = createDispatcher(session);

async function call<T>(method: string, input: unknown): Promise<T> {
  const result = (await dispatch(method, input)) as Result<T>;
  if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

try {
  await call('db.unlock', { path: file, passphrase: process.env.LINKDESK_PASSPHRASE, userName: 'Trial Driver' });
  const people = await call<PersonSummary[]>('people.list', {});
  const from = people.find((p) => p.name === 'Kemi Adeyemi');
  const to = people.find((p) => p.name === 'Farid Haddad');
  if (!from || !to) throw new Error('the demo has no Kemi Adeyemi or Farid Haddad');
  const result = await call<HandoverResult>('people.handover', { from: from.id, to: to.id, on: '2026-12-19', overrideReason: 'Crash trial', dryRun: false });
  process.stdout.write(`${JSON.stringify({ schools: result.schools.filter((s) => s.outcome === 'moved').length, actions: result.actions })}\n`);
} catch (error) {
  process.stderr.write(`handover: ${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  session.lock();
}
