import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Action, HandoverResult } from '../../../shared/domain/actions.ts';
import type { Dashboard } from '../../../shared/domain/dashboard.ts';
import type { Person } from '../../../shared/domain/people.ts';
import { createDispatcher } from '../dispatcher.ts';
import { aSession, PASSPHRASE, tempDir } from '../testing/builders.ts';

async function aTeamThroughTheApi() {
  const dispatch = createDispatcher(aSession(() => new Date('2026-11-23T10:00:00Z')));
  const ok = async <T,>(method: string, input: unknown): Promise<T> => {
    const result = await dispatch(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
  await ok('db.create', { path: path.join(tempDir(), 'api.linkdesk'), teamName: 'API Team', localAuthority: 'Testshire', passphrase: PASSPHRASE, userName: 'Tess' });
  await ok('schools.create', { urn: '100600', name: 'Rhyl Primary School', establishmentType: 'Community school', phase: 'Primary', laCode: '202', laName: 'Camden' });
  const person = (name: string) => ok<Person>('people.create', { name, role: 'fsw', email: '', phone: '', hub: 'Central', activeFrom: '2025-09-01', capacity: null });
  const leaver = await person('Lee Leaver');
  const taker = await person('Tara Taker');
  await ok('allocations.assign', { urn: '100600', namedId: leaver.id, secondaryId: null, from: '2026-09-01', overrideReason: 'Only one worker so far' });
  await ok('contacts.log', {
    urn: '100600', at: '2026-11-20T14:05', workerId: leaver.id, withWhom: 'DSL', direction: 'from_school', channel: 'phone', summary: 'Asked for help', followUp: 'Send the toolkit', followUpDue: '2026-11-21',
  });
  return { dispatch, ok, leaver, taker };
}

describe('the action list through the API', () => {
  it('lists, marks done and opens again, refusing bad input with the field named', async () => {
    const { dispatch, ok } = await aTeamThroughTheApi();
    const [action] = await ok<Action[]>('actions.list', {});
    expect(action).toMatchObject({ source: 'contact', text: 'Send the toolkit', ownerName: 'Lee Leaver', dueOn: '2026-11-21', doneOn: null });
    expect((await ok<Dashboard>('dashboard.get', {})).overdue).toMatchObject([{ kind: 'follow_up_due', actionId: action?.id, owner: 'Lee Leaver' }]);
    expect(await dispatch('actions.done', { id: action?.id, on: '23/11/2026' })).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { issues: [{ path: 'on' }] } } });
    expect(await dispatch('actions.list', { state: 'finished' })).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { issues: [{ path: 'state' }] } } });
    expect(await dispatch('actions.done', { id: action?.id, on: '2026-11-23', extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await ok<Action>('actions.done', { id: action?.id, on: '2026-11-23' })).toMatchObject({ doneOn: '2026-11-23', doneBy: 'Tess' });
    expect((await ok<Dashboard>('dashboard.get', {})).overdue).toEqual([]);
    expect(await ok<Action[]>('actions.list', { state: 'done' })).toHaveLength(1);
    expect(await ok<Action>('actions.reopen', { id: action?.id })).toMatchObject({ doneOn: null, doneBy: null });
  });

  it('hands over a leaver: a preview that changes nothing, then schools and actions together', async () => {
    const { dispatch, ok, leaver, taker } = await aTeamThroughTheApi();
    expect(await dispatch('people.handover', { from: leaver.id, to: leaver.id, on: '2026-12-01' })).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { issues: [{ path: 'to' }] } } });
    // dryRun is the default: a preview.
    const preview = await ok<HandoverResult>('people.handover', { from: leaver.id, to: taker.id, on: '2026-12-01' });
    expect(preview).toMatchObject({ dryRun: true, fromName: 'Lee Leaver', toName: 'Tara Taker', actions: 1, schools: [{ urn: '100600', role: 'named', outcome: 'needs_reason' }] });
    expect(await ok<Action[]>('actions.list', { ownerId: leaver.id })).toHaveLength(1);
    const done = await ok<HandoverResult>('people.handover', { from: leaver.id, to: taker.id, on: '2026-12-01', overrideReason: 'Still one worker short', dryRun: false });
    expect(done).toMatchObject({ dryRun: false, actions: 1, schools: [{ urn: '100600', outcome: 'moved' }] });
    expect(await ok<Action[]>('actions.list', { ownerId: taker.id })).toHaveLength(1);
    expect(await ok<Action[]>('actions.list', { ownerId: leaver.id })).toEqual([]);
  });
});
