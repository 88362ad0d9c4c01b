import { describe, expect, it } from 'vitest';
import { ActionQuery, HandoverInput } from '../../../shared/domain/actions.ts';
import { AllocationProposal } from '../../../shared/domain/allocations.ts';
import { ContactInput } from '../../../shared/domain/contacts.ts';
import { CorrectEscalationInput, RaiseEscalationInput } from '../../../shared/domain/escalations.ts';
import { londonInstant } from '../../../shared/domain/london-time.ts';
import { ConsultationInput, KEY_AREAS, UpdateConsultationInput, VisitRecordInput } from '../../../shared/domain/records.ts';
import { MoveVisitStatus, PlanVisitInput } from '../../../shared/domain/visits.ts';
import { selectCurrentPeriod } from '../allocations/repo.ts';
import { allocate } from '../allocations/service.ts';
import { saveYear } from '../calendar/service.ts';
import { completeFollowUp, logContact } from '../contacts/service.ts';
import { selectContact } from '../contacts/repo.ts';
import { dashboard } from '../dashboard/service.ts';
import { DEMO_YEAR } from '../demo/visits.ts';
import { correctEscalation, raiseEscalation } from '../escalations/service.ts';
import { recordConsultation, updateConsultation, writeVisitRecord } from '../records/service.ts';
import { aTeamDatabase, refusalOf } from '../testing/builders.ts';
import { aPerson, aSchool } from '../testing/people-builders.ts';
import { moveVisitStatus, planVisit } from '../visits/service.ts';
import { handover, listActions, markDone, reassign, reopen } from './service.ts';

const now = () => londonInstant('2026-11-24T10:00');

function setUp() {
  const db = aTeamDatabase({ now });
  saveYear(db.writeContext, DEMO_YEAR);
  const rhyl = aSchool(db, { urn: '100700', name: 'Rhyl Primary School' });
  const brindle = aSchool(db, { urn: '100701', name: 'Brindle Primary School' });
  const amy = aPerson(db, { name: 'Amy Leaver' });
  const ben = aPerson(db, { name: 'Ben Stays' });
  const cara = aPerson(db, { name: 'Cara Takes' });
  allocate(db.writeContext, AllocationProposal.parse({ urn: rhyl.urn, namedId: amy.id, secondaryId: ben.id, from: '2026-09-01' }));
  allocate(db.writeContext, AllocationProposal.parse({ urn: brindle.urn, namedId: ben.id, secondaryId: amy.id, from: '2026-09-01' }));
  return { db, amy, ben, cara };
}

const list = (db: ReturnType<typeof setUp>['db'], query: Parameters<typeof ActionQuery.parse>[0] = {}) => listActions(db.db, ActionQuery.parse(query));

const review = (initials: string, action: string | null, byWhen: string) => ({
  child: { initials, yearGroup: '4' }, category: 'persistent_absence', statutoryIntervention: 'no', earlyHelpReferral: 'yes', action: action ?? undefined, who: 'SPOC', byWhen,
});

function aRecordWriter(db: ReturnType<typeof setUp>['db']) {
  const { visit } = planVisit(db.writeContext, PlanVisitInput.parse({ urn: '100700', yearLabel: '2026-27', term: 'autumn', date: '2026-11-12' }));
  moveVisitStatus(db.writeContext, MoveVisitStatus.parse({ id: visit.id, to: 'pro_forma_sent', on: '2026-10-29' }));
  moveVisitStatus(db.writeContext, MoveVisitStatus.parse({ id: visit.id, to: 'held', on: '2026-11-12' }));
  return (children: ReturnType<typeof review>[]) =>
    writeVisitRecord(db.writeContext, VisitRecordInput.parse({ visitId: visit.id, schoolAttendees: 'DSL', teamAttendees: 'SPOC', exclusionThresholdDays: 5, children, managedMovesInternal: 0, managedMovesExternal: 0 }));
}

const consultation = {
  urn: '100701', date: '2026-11-20', requestedBy: 'DSL', attendees: [{ name: 'DSL', role: 'dsl' }],
  notes: Object.fromEntries(KEY_AREAS.map((a) => [a, ''])), children: [], actions: '- Send the EBSA toolkit\n\n- Book a follow-up consultation',
} as const;

describe('the action list', () => {
  it('gives a visit record’s actions to the school’s SPOC, and keeps "done" when the record is saved again, even with the children in another order', () => {
    const { db, amy } = setUp();
    const write = aRecordWriter(db);
    write([review('JB', 'Offer an Early Help assessment', '2026-12-04'), review('AL', 'Refer to the panel', '2026-11-20')]);
    const [overdue, due] = list(db);
    expect([overdue?.about, overdue?.ownerName, overdue?.dueOn, due?.about]).toEqual(['AL Y4', 'Amy Leaver', '2026-11-20', 'JB Y4']);
    expect(dashboard(db.db, '2026-11-24').overdue.filter((i) => i.actionId).map((i) => [i.kind, i.actionId, i.owner])).toEqual([['action_due', overdue?.id, 'Amy Leaver']]);

    const done = markDone(db.writeContext, overdue?.id ?? '', '2026-11-24');
    expect([done.doneOn, done.doneBy]).toEqual(['2026-11-24', 'Tess Manager']);
    expect(dashboard(db.db, '2026-11-24').overdue.filter((i) => i.actionId)).toEqual([]);
    expect(refusalOf(() => markDone(db.writeContext, overdue?.id ?? '', '2026-11-24')).code).toBe('conflict');

    // Written again, a new child first: AL's action stays done, JB's stays open and keeps its row.
    write([review('KT', 'Call home', '2026-12-01'), review('JB', 'Offer an Early Help assessment', '2026-12-04'), review('AL', 'Refer to the panel', '2026-11-20')]);
    expect(list(db, { state: 'all' }).map((a) => `${a.about} ${a.doneOn ?? 'open'}`)).toEqual(['AL Y4 2026-11-24', 'KT Y4 open', 'JB Y4 open']);
    expect(list(db).find((a) => a.about === 'JB Y4')?.id).toBe(due?.id);
    // Its words changed: a new task, open again.
    write([review('AL', 'Refer to the panel again', '2026-11-20')]);
    expect(list(db, { state: 'all' }).map((a) => `${a.about} ${a.doneOn ?? 'open'}`)).toEqual(['AL Y4 open']);
    expect(amy.id).toBe(list(db)[0]?.ownerId);
  });

  it('lists nothing dropping off with age: an action overdue for months stays on the dashboard until done', () => {
    const { db } = setUp();
    aRecordWriter(db)([review('JB', 'Offer an Early Help assessment', '2026-11-13')]);
    expect(dashboard(db.db, '2027-06-01').overdue.filter((i) => i.kind === 'action_due')).toHaveLength(1);
    const [action] = list(db);
    expect(refusalOf(() => markDone(db.writeContext, action?.id ?? '', '2026-11-25')).message).toBe('An action cannot be marked done in the future.');
    // Left out, the day is today on the team's clock.
    expect(markDone(db.writeContext, action?.id ?? '').doneOn).toBe('2026-11-24');
    expect(dashboard(db.db, '2027-06-01').overdue.filter((i) => i.kind === 'action_due')).toEqual([]);
    reopen(db.writeContext, action?.id ?? '');
    expect(dashboard(db.db, '2027-06-01').overdue.filter((i) => i.kind === 'action_due')).toHaveLength(1);
  });

  it('makes each line of a consultation’s actions an action due a fortnight later, and follows an update', () => {
    const { db, ben } = setUp();
    const { consultation: saved } = recordConsultation(db.writeContext, ConsultationInput.parse(consultation));
    expect(list(db).map((a) => [a.source, a.text, a.dueOn, a.ownerId])).toEqual([
      ['consultation', 'Send the EBSA toolkit', '2026-12-04', ben.id],
      ['consultation', 'Book a follow-up consultation', '2026-12-04', ben.id],
    ]);
    markDone(db.writeContext, list(db)[0]?.id ?? '', '2026-11-24');
    updateConsultation(db.writeContext, UpdateConsultationInput.parse({ ...consultation, id: saved.id, actions: 'Send the EBSA toolkit\nShare the notes with the DSL' }));
    expect(list(db, { state: 'all' }).map((a) => `${a.text} ${a.doneOn ?? 'open'}`).sort()).toEqual(['Send the EBSA toolkit 2026-11-24', 'Share the notes with the DSL open']);
  });

  it('keeps a contact’s follow-up and the action list in step, whichever marks it done', () => {
    const { db, amy } = setUp();
    const base = { urn: '100700', at: '2026-11-20T14:05', workerId: amy.id, withWhom: 'DSL', direction: 'from_school', channel: 'phone', summary: 'Asked for help' } as const;
    const first = logContact(db.writeContext, ContactInput.parse({ ...base, followUp: 'Send the toolkit', followUpDue: '2026-11-25' }));
    const second = logContact(db.writeContext, ContactInput.parse({ ...base, followUp: 'Call back', followUpDue: '2026-11-26' }));
    completeFollowUp(db.writeContext, first.id, '2026-11-24');
    const [open] = list(db);
    expect([open?.text, open?.source, open?.ownerName]).toEqual(['Call back', 'contact', 'Amy Leaver']);
    markDone(db.writeContext, open?.id ?? '', '2026-11-24');
    expect(selectContact(db.db, second.id)?.followUpDoneOn).toBe('2026-11-24');
    expect(dashboard(db.db, '2026-11-24').thisWeek.filter((i) => i.kind === 'follow_up_due')).toEqual([]);
    reopen(db.writeContext, open?.id ?? '');
    expect(selectContact(db.db, second.id)?.followUpDoneOn).toBeNull();
  });

  it('chases the outcome of an escalation’s referral a week on, and closes the chase when the outcome is recorded', () => {
    const { db, amy } = setUp();
    const fields = {
      raisedAt: '2026-11-23T09:15', raisedBy: 'DSL', urn: '100700', children: [{ initials: 'JB', yearGroup: '4' }], concern: 'neglect', summary: 'Concern',
      managerInformedAt: '2026-11-23T10:00', managerInformed: 'Grace', referralMade: 'yes', referralRoute: 'ifd_mash_by_school', referralAt: '2026-11-23T11:00',
    } as const;
    const raised = raiseEscalation(db.writeContext, RaiseEscalationInput.parse(fields));
    expect(list(db).map((a) => [a.source, a.dueOn, a.ownerId, a.link])).toEqual([['escalation', '2026-11-30', amy.id, `/escalations/${raised.current.escalationId}`]]);
    correctEscalation(db.writeContext, CorrectEscalationInput.parse({ ...fields, corrects: raised.current.id, outcome: 'Strategy meeting held; child in need plan' }));
    expect(list(db)).toEqual([]);
    expect(list(db, { state: 'done' }).map((a) => [a.doneOn, a.doneBy])).toEqual([['2026-11-24', 'Tess Manager']]);
  });

  it('gives an action to another worker with a new date, and refuses a worker who has left', () => {
    const { db, cara, amy } = setUp();
    const write = aRecordWriter(db);
    write([review('JB', 'Offer an Early Help assessment', '2026-12-04')]);
    const [action] = list(db);
    const moved = reassign(db.writeContext, { id: action?.id ?? '', ownerId: cara.id, dueOn: '2026-12-11' });
    expect([moved.ownerName, moved.dueOn]).toEqual(['Cara Takes', '2026-12-11']);
    expect(list(db, { ownerId: cara.id })).toHaveLength(1);
    expect(list(db, { ownerId: amy.id })).toEqual([]);
    const gone = aPerson(db, { name: 'Gone Before', activeTo: '2026-10-31' });
    expect(refusalOf(() => reassign(db.writeContext, { id: action?.id ?? '', ownerId: gone.id, dueOn: null })).message).toMatch(/has left the team/);
    // The record written again with no date: the date given on the list stays, and the new owner.
    write([review('JB', 'Offer an Early Help assessment', '')]);
    expect(list(db, { ownerId: cara.id }).map((a) => a.dueOn)).toEqual(['2026-12-11']);
    // With a date of its own, the record's date wins.
    write([review('JB', 'Offer an Early Help assessment', '2026-12-18')]);
    expect(list(db, { ownerId: cara.id }).map((a) => a.dueOn)).toEqual(['2026-12-18']);
    expect(db.db.prepare("SELECT count(*) FROM audit_log WHERE entity = 'action' AND action = 'reassign'").pluck().get()).toBe(1);
  });
});

describe('handover of a leaver', () => {
  it('previews, then moves the leaver’s schools through the allocation rules and their open actions, in one step', () => {
    const { db, amy, ben, cara } = setUp();
    aRecordWriter(db)([review('JB', 'Offer an Early Help assessment', '2026-12-04')]);
    const handoverTo = (to: string, dryRun: boolean) => handover(db.writeContext, HandoverInput.parse({ from: amy.id, to, on: '2026-12-01', dryRun }));

    const preview = handoverTo(cara.id, true);
    expect(preview.schools.map((s) => [s.schoolName, s.role, s.outcome])).toEqual([['Brindle Primary School', 'secondary', 'moved'], ['Rhyl Primary School', 'named', 'moved']]);
    expect(preview.actions).toBe(1);
    expect(selectCurrentPeriod(db.db, '100700', 'named')?.personId).toBe(amy.id);

    // Ben already works both schools: one refused (he cannot be both workers), reported, not forced.
    const toBen = handoverTo(ben.id, true);
    expect(toBen.schools.every((s) => s.outcome === 'refused' && s.messages.some((m) => /cannot be both/.test(m)))).toBe(true);

    const done = handoverTo(cara.id, false);
    expect(done.actions).toBe(1);
    expect(selectCurrentPeriod(db.db, '100700', 'named')?.personId).toBe(cara.id);
    expect(selectCurrentPeriod(db.db, '100701', 'secondary')?.personId).toBe(cara.id);
    expect(list(db, { ownerId: cara.id })).toHaveLength(1);
    expect(list(db, { ownerId: amy.id })).toEqual([]);
  });

  it('moves nothing when the transaction fails part way', () => {
    const { db, amy, cara } = setUp();
    aRecordWriter(db)([review('JB', 'Offer an Early Help assessment', '2026-12-04')]);
    db.db.exec("CREATE TEMP TRIGGER refuse_handover BEFORE INSERT ON audit_log WHEN NEW.action = 'handover' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
    expect(() => handover(db.writeContext, HandoverInput.parse({ from: amy.id, to: cara.id, on: '2026-12-01', dryRun: false }))).toThrow(/disk on fire/);
    expect(selectCurrentPeriod(db.db, '100700', 'named')?.personId).toBe(amy.id);
    expect(list(db, { ownerId: amy.id })).toHaveLength(1);
  });
});
