import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProposalCheck } from '../../../shared/domain/allocations.ts';
import type { Dashboard } from '../../../shared/domain/dashboard.ts';
import type { Declaration, PersonDeclarations } from '../../../shared/domain/declarations.ts';
import type { Person } from '../../../shared/domain/people.ts';
import { createDispatcher } from '../dispatcher.ts';
import { aSession, PASSPHRASE, tempDir } from '../testing/builders.ts';

async function aTeamThroughTheApi() {
  const dispatch = createDispatcher(aSession(() => new Date('2026-11-24T10:00:00Z')));
  const ok = async <T,>(method: string, input: unknown): Promise<T> => {
    const result = await dispatch(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
  await ok('db.create', { path: path.join(tempDir(), 'api.linkdesk'), teamName: 'API Team', localAuthority: 'Testshire', passphrase: PASSPHRASE, userName: 'Tess' });
  await ok('schools.create', { urn: '100600', name: 'Rhyl Primary School', establishmentType: 'Community school', phase: 'Primary', laCode: '202', laName: 'Camden' });
  const amy = await ok<Person>('people.create', { name: 'Amy Worker', role: 'fsw', email: '', phone: '', hub: 'Central', activeFrom: '2025-09-01', capacity: null });
  return { dispatch, ok, amy };
}

describe('annual declarations through the API', () => {
  it('records a declaration and a month, refusing bad input with the field named, and the dashboard and allocation check follow', async () => {
    const { dispatch, ok, amy } = await aTeamThroughTheApi();
    expect(await ok<PersonDeclarations>('declarations.ofPerson', { personId: amy.id })).toEqual({ month: null, effectiveMonth: 9, latest: null, due: true, history: [] });
    expect((await ok<Dashboard>('dashboard.get', {})).declarationsDue).toEqual([{ personId: amy.id, name: 'Amy Worker', lastDeclaredOn: null, month: 9 }]);
    const check = await ok<ProposalCheck[]>('allocations.check', { proposals: [{ urn: '100600', namedId: amy.id, secondaryId: null, from: '2026-11-30' }] });
    expect(check[0]?.findings.map((f) => f.rule)).toEqual(['school_without_worker']);

    expect(await dispatch('declarations.record', { personId: amy.id, declaredOn: '24/11/2026', nothingToDeclare: true })).toMatchObject({
      ok: false, error: { code: 'invalid_input', details: { issues: [{ path: 'declaredOn' }] } },
    });
    expect(await dispatch('declarations.record', { personId: amy.id, declaredOn: '2026-11-24', nothingToDeclare: 'yes' })).toMatchObject({
      ok: false, error: { code: 'invalid_input', details: { issues: [{ path: 'nothingToDeclare' }] } },
    });
    expect(await dispatch('declarations.record', { personId: amy.id, declaredOn: '2026-11-24', nothingToDeclare: true, extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch('declarations.setMonth', { personId: amy.id, month: 13 })).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { issues: [{ path: 'month' }] } } });

    expect(await ok<Declaration>('declarations.record', { personId: amy.id, declaredOn: '2026-11-24', nothingToDeclare: true })).toMatchObject({ declaredOn: '2026-11-24', nothingToDeclare: true, recordedBy: 'Tess' });
    expect(await ok<PersonDeclarations>('declarations.setMonth', { personId: amy.id, month: 11 })).toMatchObject({ month: 11, effectiveMonth: 11, due: false });
    expect((await ok<Dashboard>('dashboard.get', {})).declarationsDue).toEqual([]);
    const after = await ok<ProposalCheck[]>('allocations.check', { proposals: [{ urn: '100600', namedId: amy.id, secondaryId: null, from: '2026-11-30' }] });
    expect(after[0]?.findings.map((f) => f.rule)).toEqual(['school_without_worker']);
  });
});
