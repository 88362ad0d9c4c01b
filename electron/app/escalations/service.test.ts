import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorrectEscalationInput, RaiseEscalationInput, type RaiseEscalationInput as RaiseInput } from '../../../shared/domain/escalations.ts';
import { londonInstant } from '../../../shared/domain/london-time.ts';
import { dashboard } from '../dashboard/service.ts';
import { createDispatcher } from '../dispatcher.ts';
import { aSession, aTeamDatabase, PASSPHRASE, tempDir, refusalOf } from '../testing/builders.ts';
import { aSchool } from '../testing/people-builders.ts';
import { correctEscalation, escalationDetail, listEscalations, raiseEscalation } from './service.ts';

let clock = londonInstant('2026-11-24T10:00');
const now = () => clock;

function setUp() {
  clock = londonInstant('2026-11-24T10:00');
  const db = aTeamDatabase({ now });
  aSchool(db, { urn: '100500', name: 'Rhyl Primary School' });
  return db;
}

const concern: RaiseInput = {
  raisedAt: '2026-11-24T09:15', raisedBy: 'DSL, Rhyl Primary', urn: '100500', children: [{ initials: 'JB', yearGroup: '4' }],
  concern: 'child_protection', summary: 'Disclosure to a teaching assistant; school referring to the IFD.',
};
const count = (db: ReturnType<typeof setUp>) => (db.db.prepare('SELECT count(*) AS n FROM escalation_entry').get() as { n: number }).n;
const refusal = refusalOf;

describe('the escalation log', () => {
  it('shows the clock running, overdue after 24 hours, and on time once a manager is told', () => {
    const db = setUp();
    const raised = raiseEscalation(db.writeContext, RaiseEscalationInput.parse(concern));
    expect(raised.clock).toEqual({ state: 'awaiting_manager', deadline: '2026-11-25T09:15', minutesLeft: 23 * 60 + 15 });
    clock = londonInstant('2026-11-25T09:16');
    const [late] = listEscalations(db.db, now(), 'open');
    expect(late?.clock.state).toBe('overdue');
    expect(dashboard(db.db, '2026-11-25', now()).overdue.map((i) => i.kind)).toEqual(['manager_not_told']);

    clock = londonInstant('2026-11-25T09:30');
    const told = { ...concern, managerInformedAt: '2026-11-25T09:20', managerInformed: 'Grace Bello' };
    const missingReason = refusal(() => correctEscalation(db.writeContext, CorrectEscalationInput.parse({ ...told, corrects: raised.current.id })));
    expect(missingReason.details?.issues).toEqual([{ path: 'lateReasonKind', message: 'The manager was told more than 24 hours after the concern was raised: choose why' }]);
    // The kind from the list is needed; the words beside it are optional.
    const corrected = correctEscalation(db.writeContext, CorrectEscalationInput.parse({ ...told, lateReasonKind: 'manager_unavailable', corrects: raised.current.id }));
    expect(corrected.clock.state).toBe('informed_late');
    expect(corrected.current).toMatchObject({ lateReasonKind: 'manager_unavailable', lateReason: null });
    // A later correction changes the kind like any other field, and the history keeps each.
    const changed = correctEscalation(db.writeContext, CorrectEscalationInput.parse({ ...told, lateReasonKind: 'out_of_hours', lateReason: 'Both managers were at the MASH strategy meeting', corrects: corrected.current.id }));
    expect(escalationDetail(db.db, raised.current.escalationId, now()).history.map((e) => e.lateReasonKind)).toEqual([null, 'manager_unavailable', 'out_of_hours']);
    expect(() => CorrectEscalationInput.parse({ ...told, lateReasonKind: 'lunch', corrects: changed.current.id })).toThrow(/Choose why the manager was told late/);
    expect(dashboard(db.db, '2026-11-25', now()).overdue).toEqual([]);
    expect(dashboard(db.db, '2026-11-25', now()).thisWeek.map((i) => i.kind)).toEqual(['escalation_open']);
  });

  it('refuses a future raise time, a missing school, and saves nothing', () => {
    const db = setUp();
    const future = refusal(() => raiseEscalation(db.writeContext, RaiseEscalationInput.parse({ ...concern, raisedAt: '2026-11-24T10:30' })));
    expect(future.details?.issues).toEqual([{ path: 'raisedAt', message: 'The time the concern was raised cannot be in the future' }]);
    expect(refusal(() => raiseEscalation(db.writeContext, RaiseEscalationInput.parse({ ...concern, urn: '999999' }))).code).toBe('not_found');
    expect(count(db)).toBe(0);
  });

  it('keeps every entry: a correction is a new entry linked to the one it corrects, and a stale correction is refused', () => {
    const db = setUp();
    const raised = raiseEscalation(db.writeContext, RaiseEscalationInput.parse(concern));
    const base = { ...concern, managerInformedAt: '2026-11-24T09:40', managerInformed: 'Grace Bello' };
    const second = correctEscalation(db.writeContext, CorrectEscalationInput.parse({ ...base, corrects: raised.current.id, changeNote: 'Manager told' }));
    const closed = correctEscalation(db.writeContext, CorrectEscalationInput.parse({ ...base, referralMade: 'yes', referralRoute: 'ifd_mash_by_team', referralAt: '2026-11-24T09:50', referralReference: 'IFD-2291', outcome: 'Strategy discussion held', closedAt: '2026-11-24T09:59', corrects: second.current.id }));
    expect(closed.open).toBe(false);
    const stale = refusal(() => correctEscalation(db.writeContext, CorrectEscalationInput.parse({ ...base, summary: 'Changed', corrects: raised.current.id })));
    expect(stale.code).toBe('conflict');
    const moved = { ...base, raisedAt: '2026-11-24T09:05', corrects: closed.current.id };
    expect(refusal(() => correctEscalation(db.writeContext, CorrectEscalationInput.parse(moved))).details?.issues).toEqual([{ path: 'changeNote', message: 'Say why these change' }]);
    const detail = escalationDetail(db.db, raised.current.escalationId, now());
    expect(detail.history.map((e) => [e.version, e.corrects, e.managerInformed, e.closedAt])).toEqual([
      [1, null, null, null],
      [2, raised.current.id, 'Grace Bello', null],
      [3, second.current.id, 'Grace Bello', '2026-11-24T09:59'],
    ]);
    expect(listEscalations(db.db, now(), 'open')).toEqual([]);
    expect(listEscalations(db.db, now(), 'all')).toHaveLength(1);
  });

  it('keeps the referral’s route, and a child missing education as a concern of its own', () => {
    const db = setUp();
    const raised = raiseEscalation(db.writeContext, RaiseEscalationInput.parse({ ...concern, concern: 'missing_education', summary: 'Not seen at school or at home for two weeks.' }));
    expect(raised.current).toMatchObject({ concern: 'missing_education', referralMade: 'not_known', referralRoute: null, referralRouteOther: null });
    const referred = correctEscalation(db.writeContext, CorrectEscalationInput.parse({
      ...concern, concern: 'missing_education', summary: 'Not seen at school or at home for two weeks.', referralMade: 'yes', referralRoute: 'other', referralRouteOther: 'Children Missing Education officer',
      corrects: raised.current.id, changeNote: 'Concern recorded as missing education',
    }));
    expect(escalationDetail(db.db, raised.current.escalationId, now()).current).toMatchObject({ referralRoute: 'other', referralRouteOther: 'Children Missing Education officer', version: 2 });
    expect(referred.current.concern).toBe('missing_education');
    // The referral made, its outcome is an action to chase a week on.
    expect(dashboard(db.db, '2026-11-24', now()).thisWeek.map((i) => i.detail)).toEqual([expect.stringMatching(/^Child missing education: /), 'Find out the outcome of the referral']);
  });

  it('refuses any UPDATE or DELETE of an entry, in the database itself', () => {
    const db = setUp();
    raiseEscalation(db.writeContext, RaiseEscalationInput.parse(concern));
    expect(() => db.db.prepare("UPDATE escalation_entry SET summary = 'rewritten'").run()).toThrow(/append-only: an entry cannot be changed/);
    expect(() => db.db.prepare('DELETE FROM escalation_entry').run()).toThrow(/append-only: an entry cannot be deleted/);
    expect(count(db)).toBe(1);
  });

  it('offers no way to update or delete an entry through the API', async () => {
    const session = aSession(now);
    const dispatch = createDispatcher(session);
    await dispatch('db.create', { path: path.join(tempDir(), 'api.linkdesk'), teamName: 'API Team', localAuthority: 'Testshire', passphrase: PASSPHRASE, userName: 'Tess' });
    await dispatch('schools.create', { urn: '100500', name: 'Rhyl Primary School', establishmentType: 'Community school', phase: 'Primary', laCode: '202', laName: 'Camden' });
    const raised = await dispatch('escalations.raise', concern);
    expect(raised.ok).toBe(true);
    for (const method of ['escalations.update', 'escalations.delete']) {
      const result = await dispatch(method, { id: raised.ok ? (raised.value as { current: { id: string } }).current.id : '' });
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
    const noConcern = await dispatch('escalations.raise', { ...concern, concern: '' });
    expect(noConcern).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { issues: [{ path: 'concern', message: 'Choose the concern' }] } } });
    const before = await dispatch('escalations.raise', { ...concern, managerInformedAt: '2026-11-24T09:00', managerInformed: 'Grace Bello' });
    expect(before).toMatchObject({ ok: false, error: { details: { issues: [{ path: 'managerInformedAt', message: 'The manager cannot have been told before the concern was raised' }] } } });
    const list = await dispatch('escalations.list', { which: 'all' });
    expect(list.ok && (list.value as unknown[]).length).toBe(1);
  });
});
