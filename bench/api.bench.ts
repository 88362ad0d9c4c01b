/** An API round trip through the HTTP transport against a direct service call. */
import path from 'node:path';
import { MachineConfig } from '../electron/app/config/machine-config.ts';
import { createDispatcher } from '../electron/app/dispatcher.ts';
import { createTeamDatabase } from '../electron/app/db/team-db.ts';
import { AppSession } from '../electron/app/session.ts';
import { getTeam } from '../electron/app/team/service.ts';
import { startHttpServer } from '../electron/http/server.ts';
import { benchDir, median, ms, printSection, ratio, timeIt, timeItAsync, type Results } from './harness.ts';

const CALLS = 500;

export async function benchApi(): Promise<Results> {
  const dir = benchDir();
  const session = new AppSession({ config: new MachineConfig(dir), mode: 'browser' });
  const db = createTeamDatabase({ path: path.join(dir, 'api.linkdesk'), passphrase: 'benchmark passphrase 2026', user: 'Bench', teamName: 'Bench Team', localAuthority: 'Benchshire' });
  session.adopt(db);
  const dispatch = createDispatcher(session);
  const server = await startHttpServer({ dispatch, staticDir: null });
  const url = new URL('/api/team.get', server.url);
  const headers = { 'content-type': 'application/json', 'x-linkdesk-token': server.token };

  const direct: number[] = [];
  const dispatched: number[] = [];
  const overHttp: number[] = [];
  for (let i = 0; i < 50; i++) await fetch(url, { method: 'POST', headers, body: '{}' }).then((r) => r.json());
  for (let i = 0; i < CALLS; i++) {
    direct.push(timeIt(() => getTeam(db.db)));
    dispatched.push(await timeItAsync(() => dispatch('team.get', {})));
    overHttp.push(await timeItAsync(() => fetch(url, { method: 'POST', headers, body: '{}' }).then((r) => r.json())));
  }
  await server.close();
  session.lock();
  printSection(`API: team.get (median of ${CALLS} calls)`, [
    { name: 'direct service call', value: ms(median(direct)) },
    { name: 'through the dispatcher (zod validation)', value: ms(median(dispatched)) },
    { name: 'HTTP round trip (browser mode transport)', value: ms(median(overHttp)) },
    { name: 'HTTP round trip / direct call', value: ratio(median(overHttp) / median(direct)) },
  ]);
  return { api_dispatch_ms: median(dispatched), api_http_round_trip_ms: median(overHttp) };
}
