import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/format.ts';
import { ConsultationInput, VisitRecordInput } from '../../../shared/domain/records.ts';
import { MoveVisitStatus, PlanVisitInput } from '../../../shared/domain/visits.ts';
import { insertGenerated } from './repo.ts';
import { generatedDocumentsPage, producibleRecords } from './service.ts';
import { recordConsultation, writeVisitRecord } from '../records/service.ts';
import { aTeamDatabase } from '../testing/builders.ts';
import { aSchool } from '../testing/people-builders.ts';
import { moveVisitStatus, planVisit } from '../visits/service.ts';

/** Held, written-up visits and consultations on many days, some on the same day. */
function aTeamWithRecords() {
  const db = aTeamDatabase({ now: () => new Date('2027-07-20T10:00:00Z') });
  const schools = Array.from({ length: 6 }, (_, i) => aSchool(db, { name: `School ${i}` }));
  schools.forEach((school, i) => {
    for (const [term, day] of [['autumn', '2026-10-0'], ['spring', '2027-02-0'], ['summer', '2027-05-1']] as const) {
      const date = `${day}${1 + (i % 5)}`;
      const { visit } = planVisit(db.writeContext, PlanVisitInput.parse({ urn: school.urn, yearLabel: '2026-27', term, date }));
      moveVisitStatus(db.writeContext, MoveVisitStatus.parse({ id: visit.id, to: 'pro_forma_sent', on: addDays(date, -14) }));
      moveVisitStatus(db.writeContext, MoveVisitStatus.parse({ id: visit.id, to: 'held', on: date }));
      writeVisitRecord(db.writeContext, VisitRecordInput.parse({ visitId: visit.id, schoolAttendees: 'DSL', teamAttendees: 'SPOC', exclusionThresholdDays: 5, children: [], managedMovesInternal: 0, managedMovesExternal: 0 }));
    }
    for (let k = 0; k < 4; k++) {
      recordConsultation(db.writeContext, ConsultationInput.parse({
        urn: school.urn, date: addDays('2026-09-10', i * 7 + k * 40), requestedBy: 'DSL', attendees: [{ name: 'DSL', role: 'dsl' }],
        notes: { attendance: '', health_wellbeing: '', neglect: '', transition: '', targeted_support: '', send: '' }, children: [], actions: '',
      }));
    }
  });
  return { db, schools };
}

describe('lists that grow are read a page at a time', () => {
  it('pages the meeting records to make, newest first, each once, with the total', () => {
    const { db } = aTeamWithRecords();
    const pages = [0, 7, 14, 21, 28, 35, 42].map((offset) => producibleRecords(db.db, { offset, limit: 7 }));
    const rows = pages.flatMap((p) => p.rows);
    expect(pages.map((p) => p.total)).toEqual(Array(7).fill(42));
    expect(rows).toHaveLength(42);
    expect(new Set(rows.map((r) => r.id)).size).toBe(42);
    expect(rows.filter((r) => r.kind === 'visit')).toHaveLength(18);
    const order = rows.map((r) => `${r.date} ${r.id}`);
    expect(order).toEqual([...order].sort().reverse());
    expect(producibleRecords(db.db, { offset: 42, limit: 7 })).toEqual({ rows: [], total: 42 });
  });

  it('pages the documents made, newest first, for the team or one school', () => {
    const { db, schools } = aTeamWithRecords();
    const urn = schools[1]?.urn ?? '';
    for (let i = 0; i < 30; i++) {
      insertGenerated(db.db, {
        id: randomUUID(), kind: 'consultation_record', sourceId: null, urn: i % 3 === 0 ? urn : (schools[2]?.urn ?? ''), path: `/team/${i}.docx`, sha256: 'x'.repeat(64), createdBy: 'Tess',
        createdAt: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00.000Z`,
      });
    }
    const first = generatedDocumentsPage(db.db, { offset: 0, limit: 20 });
    const second = generatedDocumentsPage(db.db, { offset: 20, limit: 20 });
    expect([first.total, first.rows.length, second.rows.length]).toEqual([30, 20, 10]);
    const made = [...first.rows, ...second.rows].map((d) => `${d.createdAt} ${d.id}`);
    expect(made).toEqual([...made].sort().reverse());
    const school = generatedDocumentsPage(db.db, { urn, offset: 0, limit: 50 });
    expect(school.total).toBe(10);
    expect(school.rows.every((d) => d.urn === urn)).toBe(true);
  });
});
