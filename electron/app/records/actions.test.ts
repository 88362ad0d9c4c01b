import { describe, expect, it } from 'vitest';
import { VisitRecordInput } from '../../../shared/domain/records.ts';
import { MoveVisitStatus, PlanVisitInput } from '../../../shared/domain/visits.ts';
import { saveYear } from '../calendar/service.ts';
import { dashboard } from '../dashboard/service.ts';
import { DEMO_YEAR } from '../demo/visits.ts';
import { aTeamDatabase } from '../testing/builders.ts';
import { aSchool } from '../testing/people-builders.ts';
import { moveVisitStatus, planVisit } from '../visits/service.ts';
import { writeVisitRecord } from './service.ts';

const review = (initials: string, action: string | undefined, byWhen: string) => ({
  child: { initials, yearGroup: '4' }, category: 'persistent_absence', statutoryIntervention: 'no', earlyHelpReferral: 'yes', action, who: 'SPOC', byWhen,
});

function aHeldVisit() {
  const db = aTeamDatabase({ now: () => new Date('2026-11-23T10:00:00Z') });
  saveYear(db.writeContext, DEMO_YEAR);
  aSchool(db, { urn: '100700', name: 'Rhyl Primary School' });
  const { visit } = planVisit(db.writeContext, PlanVisitInput.parse({ urn: '100700', yearLabel: '2026-27', term: 'autumn', date: '2026-11-12' }));
  moveVisitStatus(db.writeContext, MoveVisitStatus.parse({ id: visit.id, to: 'pro_forma_sent', on: '2026-10-29' }));
  moveVisitStatus(db.writeContext, MoveVisitStatus.parse({ id: visit.id, to: 'held', on: '2026-11-12' }));
  const write = (children: ReturnType<typeof review>[]) =>
    writeVisitRecord(db.writeContext, VisitRecordInput.parse({ visitId: visit.id, schoolAttendees: 'DSL', teamAttendees: 'SPOC', exclusionThresholdDays: 5, children, managedMovesInternal: 0, managedMovesExternal: 0 }));
  const rows = () => db.db.prepare("SELECT about, text, due_on, done_on FROM action WHERE source = 'visit_record' ORDER BY about").all();
  return { db, write, rows };
}

describe('the actions of a visit record, kept as rows with the record', () => {
  it('keeps a row for each child review with an action or a date, and rewrites them with the record', () => {
    const { db, write, rows } = aHeldVisit();
    write([review('JB', 'Offer an Early Help assessment', '2026-12-04'), review('KT', undefined, ''), review('AL', 'Refer to the panel', '')]);
    expect(rows()).toEqual([
      { about: 'AL Y4', text: 'Refer to the panel', due_on: null, done_on: null },
      { about: 'JB Y4', text: 'Offer an Early Help assessment', due_on: '2026-12-04', done_on: null },
    ]);
    write([review('JB', 'Offer an Early Help assessment again', '2026-12-11')]);
    expect(rows()).toEqual([{ about: 'JB Y4', text: 'Offer an Early Help assessment again', due_on: '2026-12-11', done_on: null }]);
    expect(dashboard(db.db, '2026-12-07').thisWeek.filter((i) => i.kind === 'action_due')).toMatchObject([
      { school: 'Rhyl Primary School', due: '2026-12-11', detail: 'JB Y4: Offer an Early Help assessment again (SPOC)', link: '/visits/100700/2026-27/autumn/record' },
    ]);
  });

  it('writes the rows in the record’s transaction: a record that fails to save leaves no rows behind', () => {
    const { db, write, rows } = aHeldVisit();
    db.db.exec("CREATE TEMP TRIGGER refuse_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
    expect(() => write([review('JB', 'Offer an Early Help assessment', '2026-12-04')])).toThrow(/disk on fire/);
    expect(rows()).toEqual([]);
    expect(db.db.prepare('SELECT count(*) FROM visit_record').pluck().get()).toBe(0);
  });
});
