import { describe, expect, it } from 'vitest';
import { AllocationProposal } from '../../../shared/domain/allocations.ts';
import { ContactInput } from '../../../shared/domain/contacts.ts';
import { CorrectEscalationInput, RaiseEscalationInput } from '../../../shared/domain/escalations.ts';
import { ConsultationInput, KEY_AREAS, VisitRecordInput } from '../../../shared/domain/records.ts';
import { TIMELINE_KINDS, TimelineQuery, type TimelineEntry, type TimelineKind } from '../../../shared/domain/timeline.ts';
import { MoveVisitStatus, PlanVisitInput } from '../../../shared/domain/visits.ts';
import { allocate } from '../allocations/service.ts';
import { saveYear } from '../calendar/service.ts';
import { completeFollowUp, logContact } from '../contacts/service.ts';
import { DEMO_YEAR } from '../demo/visits.ts';
import { createMeetingRecord } from '../documents/word-records.ts';
import { correctEscalation, raiseEscalation } from '../escalations/service.ts';
import { recordConsultation, writeVisitRecord } from '../records/service.ts';
import { closeSchool } from '../schools/service.ts';
import { aTeamDatabase, refusalOf, tempDir } from '../testing/builders.ts';
import { aPerson, aSchool } from '../testing/people-builders.ts';
import { updateSettings } from '../team/service.ts';
import { moveVisitStatus, planVisit } from '../visits/service.ts';
import { schoolTimeline } from './service.ts';

/** A school with one of every kind of entry, each on its own day, and a neighbour whose story must not leak in. */
function aSchoolWithAStory() {
  let clock = new Date('2026-09-01T08:00:00Z');
  const db = aTeamDatabase({ now: () => clock });
  const at = (instant: string) => (clock = new Date(instant));
  const ctx = db.writeContext;
  updateSettings(ctx, { teamFolder: tempDir() });
  saveYear(ctx, DEMO_YEAR);
  const school = aSchool(db, { name: 'Rhyl Primary School' });
  const other = aSchool(db, { name: 'Brindle Primary School' });
  const amira = aPerson(db, { name: 'Amira Khan' });
  const ben = aPerson(db, { name: 'Ben Oduya' });

  allocate(ctx, AllocationProposal.parse({ urn: school.urn, namedId: amira.id, secondaryId: null, from: '2026-09-01', reason: 'The year’s allocations', overrideReason: 'No secondary worker this term' }));
  allocate(ctx, AllocationProposal.parse({ urn: other.urn, namedId: ben.id, secondaryId: null, from: '2026-09-01', overrideReason: 'No secondary worker this term' }));
  at('2026-09-15T12:00:00Z');
  const contact = logContact(ctx, ContactInput.parse({
    urn: school.urn, at: '2026-09-10T10:30', workerId: amira.id, withWhom: 'DSL', direction: 'from_school', channel: 'phone', summary: 'Worried about a Year 4 pupil (ref. KT Y4)',
    followUp: 'Send the EBSA leaflet', followUpDue: '2026-09-17',
  }));
  completeFollowUp(ctx, contact.id, '2026-09-15');
  logContact(ctx, ContactInput.parse({ urn: other.urn, at: '2026-09-11T10:30', workerId: ben.id, withWhom: 'Head teacher', direction: 'to_school', channel: 'email', summary: 'Dates' }));
  at('2026-09-21T12:00:00Z');
  const raised = raiseEscalation(ctx, RaiseEscalationInput.parse({ raisedAt: '2026-09-21T09:00', raisedBy: 'DSL', urn: school.urn, children: [{ initials: 'AB', yearGroup: '2' }], concern: 'neglect', summary: 'Arriving hungry' }));
  at('2026-09-24T12:00:00Z');
  const { consultation } = recordConsultation(ctx, ConsultationInput.parse({
    urn: school.urn, date: '2026-09-24', requestedBy: 'DSL', attendees: [{ name: 'DSL', role: 'dsl' }], notes: Object.fromEntries(KEY_AREAS.map((k) => [k, ''])),
    children: [], actions: 'Share the toolkit',
  }));
  const { visit } = planVisit(ctx, PlanVisitInput.parse({ urn: school.urn, yearLabel: '2026-27', term: 'autumn', date: '2026-10-06', agreedWith: 'Head teacher', agreedOn: '2026-09-08' }));
  for (const [to, on] of [['pro_forma_sent', '2026-09-22'], ['held', '2026-10-06'], ['record_written', '2026-10-08']] as const) {
    moveVisitStatus(ctx, MoveVisitStatus.parse({ id: visit.id, to, on }));
  }
  at('2026-10-08T14:00:00Z');
  writeVisitRecord(ctx, VisitRecordInput.parse({ visitId: visit.id, schoolAttendees: 'DSL', teamAttendees: 'SPOC', exclusionThresholdDays: 5, children: [], managedMovesInternal: 0, managedMovesExternal: 0 }));
  at('2026-10-12T09:00:00Z');
  createMeetingRecord(ctx, { kind: 'visit', id: visit.id });
  at('2026-10-16T09:00:00Z');
  correctEscalation(ctx, CorrectEscalationInput.parse({
    raisedAt: '2026-09-21T09:00', raisedBy: 'DSL', urn: school.urn, children: [{ initials: 'AB', yearGroup: '2' }], concern: 'neglect', summary: 'Arriving hungry',
    managerInformedAt: '2026-09-21T10:00', managerInformed: 'Tess Manager', outcome: 'Family took up Early Help', closedAt: '2026-10-15T16:00', corrects: raised.current.id, changeNote: 'Closed',
  }));
  at('2026-10-23T12:00:00Z');
  closeSchool(ctx, school.urn, '2026-10-23');
  return { db, school, other, consultation, visit, escalationId: raised.current.escalationId };
}

const query = (input: Record<string, unknown>) => TimelineQuery.parse(input);
const keysOf = (entries: TimelineEntry[]) => entries.map((e) => e.key);
const kindsOf = (entries: TimelineEntry[]) => entries.map((e) => e.kind);

/** Every entry, read a page of `size` at a time. */
function allPages(db: Parameters<typeof schoolTimeline>[0], input: Record<string, unknown>, size: number): { entries: TimelineEntry[]; pages: number } {
  const entries: TimelineEntry[] = [];
  let before: unknown;
  let pages = 0;
  do {
    const page = schoolTimeline(db, query({ ...input, limit: size, ...(before ? { before } : {}) }));
    expect(page.entries.length).toBeLessThanOrEqual(size);
    entries.push(...page.entries);
    before = page.next;
    pages++;
  } while (before && pages < 50);
  return { entries, pages };
}

describe('a school’s timeline', () => {
  it('tells the school’s story newest first, every kind of entry, each linking to its record', () => {
    const { db, school, visit, escalationId } = aSchoolWithAStory();
    const { entries, next } = schoolTimeline(db.db, query({ urn: school.urn, limit: 100 }));
    expect(next).toBeNull();
    expect(entries.map((e) => [e.at.slice(0, 10), e.kind, e.title])).toEqual([
      ['2026-10-23', 'closure', 'School closed'],
      ['2026-10-23', 'allocation', 'Amira Khan’s last day as the named link worker (SPOC)'],
      ['2026-10-15', 'escalation', 'Escalation closed: Neglect'],
      ['2026-10-12', 'document', 'Document made: SPOC visit record'],
      ['2026-10-08', 'record', 'Visit record written, Autumn term 2026-27'],
      ['2026-10-06', 'visit', 'SPOC visit, Autumn term 2026-27: record written'],
      ['2026-09-24', 'consultation', 'Early Help Consultation'],
      ['2026-09-21', 'escalation', 'Escalation raised: Neglect'],
      ['2026-09-10', 'contact', 'Phone from the school: Amira Khan with DSL'],
      ['2026-09-01', 'allocation', 'Amira Khan became the named link worker (SPOC)'],
    ]);
    expect(new Set(kindsOf(entries))).toEqual(new Set(TIMELINE_KINDS));
    const linkOf = (kind: TimelineKind) => entries.find((e) => e.kind === kind)?.link;
    expect(linkOf('visit')).toBe(`/visits/${school.urn}/2026-27/autumn`);
    expect(linkOf('record')).toBe(`/visits/${school.urn}/2026-27/autumn/record`);
    expect(linkOf('document')).toBe(`/visits/${school.urn}/2026-27/autumn/record`);
    expect(linkOf('escalation')).toBe(`/escalations/${escalationId}`);
    expect(linkOf('allocation')).toBe(`/allocations/${school.urn}`);
    expect(entries.find((e) => e.kind === 'contact')?.followUp).toMatchObject({ text: 'Send the EBSA leaflet', due: '2026-09-17', doneOn: '2026-09-15' });
    expect(entries.find((e) => e.kind === 'record')?.key).toBe(`record:${visit.id}`);
    expect(JSON.stringify(entries)).not.toContain('Brindle');
  });

  it('shows only the kinds asked for, and only the days in the range', () => {
    const { db, school } = aSchoolWithAStory();
    const only = schoolTimeline(db.db, query({ urn: school.urn, kinds: ['escalation', 'contact'] })).entries;
    expect(kindsOf(only)).toEqual(['escalation', 'escalation', 'contact']);
    const september = schoolTimeline(db.db, query({ urn: school.urn, from: '2026-09-10', to: '2026-09-24' })).entries;
    expect(kindsOf(september)).toEqual(['consultation', 'escalation', 'contact']);
    const oneDay = schoolTimeline(db.db, query({ urn: school.urn, from: '2026-10-08', to: '2026-10-08' })).entries;
    expect(kindsOf(oneDay)).toEqual(['record']);
    expect(schoolTimeline(db.db, query({ urn: school.urn, kinds: ['contact'], from: '2026-10-01' })).entries).toEqual([]);
  });

  it('reads a page at a time: the pages together are the whole story, each entry once, in order', () => {
    const { db, school } = aSchoolWithAStory();
    const whole = schoolTimeline(db.db, query({ urn: school.urn, limit: 100 })).entries;
    for (const size of [1, 3, 4]) {
      const { entries, pages } = allPages(db.db, { urn: school.urn }, size);
      expect(keysOf(entries)).toEqual(keysOf(whole));
      expect(pages).toBe(Math.ceil(whole.length / size));
    }
    const filtered = allPages(db.db, { urn: school.urn, kinds: ['allocation', 'escalation'] }, 1).entries;
    expect(keysOf(filtered)).toEqual(keysOf(whole.filter((e) => e.kind === 'allocation' || e.kind === 'escalation')));
  });

  it('pages through many entries at the same moment without losing or repeating one', () => {
    const db = aTeamDatabase();
    const school = aSchool(db);
    const worker = aPerson(db);
    for (let i = 0; i < 7; i++) {
      logContact(db.writeContext, ContactInput.parse({ urn: school.urn, at: '2026-11-02T09:00', workerId: worker.id, withWhom: `Caller ${i}`, direction: 'from_school', channel: 'phone', summary: 'Call' }));
    }
    const { entries, pages } = allPages(db.db, { urn: school.urn }, 3);
    expect(pages).toBe(3);
    expect(new Set(keysOf(entries)).size).toBe(7);
    expect(keysOf(entries)).toEqual([...keysOf(entries)].sort().reverse());
  });

  it('says so when the school is not in the register, and refuses a range that ends before it starts', () => {
    const db = aTeamDatabase();
    expect(refusalOf(() => schoolTimeline(db.db, query({ urn: '999999' }))).code).toBe('not_found');
    expect(TimelineQuery.safeParse({ urn: '999999', from: '2026-10-02', to: '2026-10-01' }).error?.issues[0]?.message).toBe('The end of the range cannot be before its start');
    expect(TimelineQuery.safeParse({ urn: '999999', kinds: [] }).error?.issues[0]?.message).toBe('Choose at least one kind of entry');
  });
});
