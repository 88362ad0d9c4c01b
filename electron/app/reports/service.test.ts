import { describe, expect, it } from 'vitest';
import { FEWER_THAN_FIVE, ReportQuery, type ReportQuery as Query, type TeamReport } from '../../../shared/domain/reports.ts';
import { createDispatcher } from '../dispatcher.ts';
import { aSession, aTeamDatabase, refusalOf } from '../testing/builders.ts';
import { buildReportTeam, SECRETS } from '../testing/report-team.ts';
import { NOT_CATEGORISED } from '../../../shared/domain/reason-kinds.ts';
import { buildReport } from './service.ts';

const TODAY = '2027-01-20';
const NO_CANCELLED = { school_request: 0, school_closure: 0, worker_unavailable: 0, moved_to_next_term: 0, no_longer_needed: 0, other: 0, notCategorised: 0 };
const NO_LATE = { out_of_hours: 0, manager_unavailable: 0, worker_absent: 0, system_problem: 0, other: 0, notCategorised: 0 };

function setUp() {
  const db = aTeamDatabase({ now: () => new Date('2027-01-20T10:00:00Z') });
  const team = buildReportTeam(db);
  const report = (query: Partial<Query>) => buildReport(db.db, ReportQuery.parse({ year: '2026-27', ...query }), TODAY);
  return { db, team, report };
}

/** A table's row values, by its id and the row's label. */
function row(report: TeamReport, tableId: string, label: string) {
  const table = report.sections.flatMap((s) => s.tables).find((t) => t.id === tableId);
  if (!table) throw new Error(`no table ${tableId}`);
  const found = table.rows.find((r) => r.label === label);
  if (!found) throw new Error(`no row ${label} in ${tableId}: ${table.rows.map((r) => r.label).join(', ')}`);
  return found.values;
}
const table = (report: TeamReport, id: string) => report.sections.flatMap((s) => s.tables).find((t) => t.id === id);

describe('the termly report, counted from a team built by hand', () => {
  it('counts the autumn term beside the summer before it, term boundaries included', () => {
    const { report } = setUp();
    const autumn = report({ term: 'autumn' });
    expect(autumn.period).toMatchObject({ year: '2026-27', term: 'autumn', from: '2026-09-01', to: '2027-01-03', inCalendar: true });
    expect(autumn.previous).toMatchObject({ year: '2025-26', term: 'summer', from: '2026-04-13', to: '2026-08-31', inCalendar: true });
    expect(autumn.period.label).toBe('Autumn term 2026-27 (1 Sep 2026 to 3 Jan 2027)');
    expect(autumn.team).toBe('Coastal Dedicated Schools Team');
    expect(autumn.marking).toBe('OFFICIAL');
    expect(autumn.filters).toEqual([]);

    expect(autumn.headline).toEqual({
      // Rhyl and Brindle held; Carrow cancelled after agreeing; Carrow and Dale have no visit planned or held.
      visits: { planned: 2, held: 2, cancelled: 1, missing: 2 },
      // Rhyl's pro forma out 20 Oct (due by 22 Oct) and back 5 Nov (due 5 Nov); Brindle's out 25 Nov (due 19 Nov), back 30 Nov (due 26 Nov).
      proFormas: { sentOnTime: 1, sentLate: 1, returnedOnTime: 1, returnedLate: 1 },
      // Rhyl's record: three children; XVT meets the statutory threshold, QJB is referred to Early Help; 2 + 1 moves requested.
      children: { reviewed: 3, statutory: 1, earlyHelp: 1, managedMovesRequested: 3, managedMovesAgreed: 1, alternativeProvision: 0, suspensionsNotNotified: 1 },
      // Rhyl's on 18 Dec (the term's last day) with the nurse; Carrow's on 4 Jan is spring's.
      consultations: { held: 1, withNurse: 1, schoolsWithNone: 3 },
      // Rhyl's on 18 Dec and Brindle's in the Christmas holiday; Carrow's on 4 Jan is spring's.
      contacts: { total: 2 },
      // Rhyl's told 26 hours on (late); Brindle's first logged late, corrected to 18 hours (in time) and closed.
      escalations: { raised: 2, toldWithin24h: 1, toldLate: 1, open: 1 },
      // 20 Nov (nobody came), 18 Dec (Amy), 1 Oct (Cara); 15 Oct cancelled.
      panels: { meetings: 3, attended: 2 },
      // Carrow and Dale.
      schoolsWithNoContact: 2,
      // Carrow's, at the school's request; Rhyl's told late with no manager available (Brindle's late reason went with its correction).
      visitsCancelledByReason: { ...NO_CANCELLED, school_request: 1 },
      toldLateByReason: { ...NO_LATE, manager_unavailable: 1 },
    });
    expect(autumn.previousHeadline).toEqual({
      visits: { planned: 1, held: 1, cancelled: 0, missing: 3 },
      proFormas: { sentOnTime: 0, sentLate: 0, returnedOnTime: 0, returnedLate: 0 },
      children: { reviewed: 0, statutory: 0, earlyHelp: 0, managedMovesRequested: 0, managedMovesAgreed: 0, alternativeProvision: 0, suspensionsNotNotified: 0 },
      consultations: { held: 1, withNurse: 0, schoolsWithNone: 3 },
      contacts: { total: 1 },
      escalations: { raised: 1, toldWithin24h: 1, toldLate: 0, open: 1 },
      panels: { meetings: 1, attended: 1 },
      // Only Carrow: Rhyl was visited, Brindle consulted, Dale called.
      schoolsWithNoContact: 1,
      visitsCancelledByReason: NO_CANCELLED,
      toldLateByReason: NO_LATE,
    });

    expect(row(autumn, 'visits', 'Missing')).toEqual([2, 3]);
    expect(row(autumn, 'visits-cancelled', 'The school asked to cancel')).toEqual([1, 0]);
    expect(row(autumn, 'visits-cancelled', NOT_CATEGORISED)).toEqual([0, 0]);
    expect(row(autumn, 'visits-cancelled-stage', 'After the date was agreed')).toEqual([1, 0]);
    expect(row(autumn, 'pro-formas', 'Not sent by its day')).toEqual([0, 1]); // summer's Rhyl visit held without one
    expect(row(autumn, 'children-decisions', 'Statutory education intervention: Provisionally agreed')).toEqual([1, 0]);
    expect(row(autumn, 'children-decisions', 'Referral to Family Early Help: No')).toEqual([1, 0]);
    expect(row(autumn, 'children-categories', 'Imminent risk of permanent exclusion')).toEqual([1, 0]);
    expect(row(autumn, 'children-moves', 'Managed moves requested (internal)')).toEqual([2, 0]);
    expect(row(autumn, 'contacts-by-channel', 'In person')).toEqual([1, 0]);
    expect(row(autumn, 'contacts-by-channel', 'Video call')).toEqual([0, 1]);
    expect(row(autumn, 'escalations-concern', 'Neglect')).toEqual([1, 0]);
    expect(row(autumn, 'escalations-concern', 'Other')).toEqual([0, 1]);
    expect(table(autumn, 'escalations-24h')?.percentColumns).toEqual([1, 3]);
    expect(row(autumn, 'escalations-24h', 'Manager told within 24 hours')).toEqual([1, 50, 1, 100]);
    expect(row(autumn, 'escalations-24h', 'Manager told late')).toEqual([1, 50, 0, 0]);
    expect(row(autumn, 'escalations-late-reasons', 'No manager was available')).toEqual([1, 0]);
    expect(row(autumn, 'escalations-late-reasons', 'Raised out of hours (evening, weekend, bank holiday)')).toEqual([0, 0]);
    expect(row(autumn, 'escalations-outcomes', 'Referral made: Yes')).toEqual([1, 0]);
    expect(row(autumn, 'panels-attendance', 'Pupil Placement Panel (North)')).toEqual([2, 1, 50, 1, 1, 100]);
    expect(row(autumn, 'panels-attendance', 'Behaviour Forum (Coastal)')).toEqual([1, 1, 100, 0, 0, null]);
    expect(row(autumn, 'panels-people', 'Ben Oduya')).toEqual([0, 1, 0, 1, 0, 100]);
    expect(row(autumn, 'panels-people', 'Cara Lead')).toEqual([1, 0, 100, 0, 0, null]);
    expect(row(autumn, 'panels-tags', 'ebsa')).toEqual([2, 0]);
    expect(row(autumn, 'panels-tags', 'transition')).toEqual([1, 1]);
    expect(row(autumn, 'panels-themes', 'Meetings with themes recorded')).toEqual([2, 1]);
    expect(row(autumn, 'engagement', 'Schools the team serves')).toEqual([4, 4]);
    expect(table(autumn, 'engagement-schools')?.rows.map((r) => r.label)).toEqual(['Carrow Primary School (Coastal)', 'Dale Primary School (Coastal)']);
  });

  it('counts by hub and by worker: who held the visit, else the school’s named worker', () => {
    const { report } = setUp();
    const autumn = report({ term: 'autumn' });
    // Planned, held, cancelled, missing: this term then the summer before, each.
    expect(row(autumn, 'visits-by-worker', 'Amy Worker')).toEqual([2, 1, 2, 1, 1, 0, 1, 1]);
    expect(row(autumn, 'visits-by-worker', 'Ben Oduya')).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(row(autumn, 'visits-by-worker', 'No named worker')).toEqual([0, 0, 0, 0, 0, 0, 1, 1]);
    expect(row(autumn, 'visits-by-hub', 'North')).toEqual([2, 1, 2, 1, 0, 0, 0, 1]);
    expect(row(autumn, 'visits-by-hub', 'Coastal')).toEqual([0, 0, 0, 0, 1, 0, 2, 2]);
    expect(row(autumn, 'contacts-by-worker', 'Ben Oduya')).toEqual([1, 1]);
    expect(row(autumn, 'escalations-by-hub', 'North')).toEqual([2, 0, 1, 0, 1, 0]);
  });

  it('follows the spring term from its first day, and a whole year beside the year before', () => {
    const { report } = setUp();
    const spring = report({ term: 'spring' });
    expect(spring.previous.term).toBe('autumn');
    expect(spring.headline.visits).toEqual({ planned: 1, held: 0, cancelled: 0, missing: 3 });
    expect(spring.headline.consultations.held).toBe(1);
    expect(spring.headline.contacts.total).toBe(1);
    expect(spring.headline.escalations).toEqual({ raised: 1, toldWithin24h: 0, toldLate: 0, open: 1 });
    expect(row(spring, 'escalations-24h', 'Manager not told, 24 hours passed')).toEqual([1, 100, 0, 0]);
    expect(spring.previousHeadline).toEqual(report({ term: 'autumn' }).headline);

    const year = report({});
    expect(year.period).toMatchObject({ from: '2026-09-01', to: '2027-08-31', term: null });
    expect(year.previous).toMatchObject({ year: '2025-26', from: '2025-09-01', to: '2026-08-31' });
    // Missing: autumn 2 + spring 3 + summer 4 (no visit planned yet); the year before 4 + 4 + 3.
    expect(year.headline.visits).toEqual({ planned: 3, held: 2, cancelled: 1, missing: 9 });
    expect(year.previousHeadline.visits).toEqual({ planned: 1, held: 1, cancelled: 0, missing: 11 });
    expect(year.headline.escalations.raised).toBe(3);
    expect(year.headline.schoolsWithNoContact).toBe(1); // Dale
  });

  it('says when the calendar has no previous period, with every figure of it nought', () => {
    const { report } = setUp();
    const year = report({ year: '2025-26' });
    expect(year.previous).toMatchObject({ year: '2024-25', inCalendar: false, from: '', to: '', label: 'School year 2024-25 (not in the calendar)' });
    expect(year.previousHeadline.visits).toEqual({ planned: 0, held: 0, cancelled: 0, missing: 0 });
    expect(refusalOf(() => report({ year: '2031-32' })).message).toMatch(/no school year 2031-32/);
  });

  it('filters to a hub’s schools and panels, and to one worker’s work', () => {
    const { report, team } = setUp();
    const north = report({ term: 'autumn', hub: 'north' });
    expect(north.filters).toEqual(['Hub: north']);
    expect(north.headline).toMatchObject({
      visits: { planned: 2, held: 2, cancelled: 0, missing: 0 },
      consultations: { held: 1, withNurse: 1, schoolsWithNone: 1 },
      contacts: { total: 2 },
      escalations: { raised: 2 },
      panels: { meetings: 2, attended: 1 },
      schoolsWithNoContact: 0,
    });

    const ben = report({ term: 'autumn', workerId: team.ben });
    expect(ben.filters).toEqual(['Worker: Ben Oduya']);
    // Brindle is Ben's, but Amy held its visit; Ben took the holiday call; Brindle's escalation; the panel he sent apologies to.
    expect(ben.headline).toMatchObject({
      visits: { planned: 0, held: 0, cancelled: 0, missing: 0 },
      consultations: { held: 0, schoolsWithNone: 1 },
      contacts: { total: 1 },
      escalations: { raised: 1 },
      panels: { meetings: 1, attended: 0 },
      schoolsWithNoContact: 0,
    });
    const amy = report({ term: 'autumn', workerId: team.amy });
    expect(amy.headline.visits).toEqual({ planned: 2, held: 2, cancelled: 1, missing: 1 });
    expect(amy.headline.children.reviewed).toBe(3);
  });

  it('shows 1 to 4 as "fewer than 5" when marked for sharing, and keeps the headline plain', () => {
    const { report } = setUp();
    const shared = report({ term: 'autumn', share: true });
    expect(shared.shared).toBe(true);
    expect(row(shared, 'visits', 'Planned')).toEqual([FEWER_THAN_FIVE, FEWER_THAN_FIVE]);
    expect(row(shared, 'visits', 'Cancelled')).toEqual([FEWER_THAN_FIVE, 0]);
    // A percentage of fewer than five would give the count away.
    expect(row(shared, 'escalations-24h', 'Manager told within 24 hours')).toEqual([FEWER_THAN_FIVE, null, FEWER_THAN_FIVE, null]);
    expect(shared.headline.visits).toEqual({ planned: 2, held: 2, cancelled: 1, missing: 2 });
    const values = shared.sections.flatMap((s) => s.tables.flatMap((t) => t.rows.flatMap((r) => r.values)));
    expect(values.some((v) => typeof v === 'number' && v >= 1 && v <= 4 && !Number.isNaN(v))).toBe(false);
  });

  it('carries no child’s reference, note, summary or school contact’s name', () => {
    const { report, team } = setUp();
    for (const query of [{ term: 'autumn' as const }, {}, { term: 'autumn' as const, share: true }, { term: 'autumn' as const, workerId: team.amy }]) {
      const json = JSON.stringify(report(query));
      for (const secret of SECRETS) expect(json, secret).not.toContain(secret);
    }
  });

  it('is the same report through the API, with the query checked', async () => {
    const { db, team } = setUp();
    const file = db.path;
    db.close();
    const dispatch = createDispatcher(aSession(() => new Date('2027-01-20T10:00:00Z')));
    expect(await dispatch('db.unlock', { path: file, passphrase: 'correct horse battery staple', userName: 'Tess Manager' })).toMatchObject({ ok: true });
    const answer = await dispatch('reports.build', { year: '2026-27', term: 'autumn', workerId: team.amy });
    expect(answer).toMatchObject({ ok: true, value: { headline: { visits: { planned: 2, held: 2, cancelled: 1, missing: 1 } } } });
    expect(await dispatch('reports.build', { year: '2026', term: 'winter' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('who held a visit', () => {
  it('is the school’s named worker on the day unless someone else is chosen', () => {
    const { db, team } = setUp();
    const heldBy = db.db.prepare("SELECT v.term, v.year_label AS year, v.urn, v.held_by AS heldBy FROM visit v WHERE v.held_on IS NOT NULL ORDER BY v.held_on").all();
    expect(heldBy).toEqual([
      { term: 'summer', year: '2025-26', urn: '100600', heldBy: team.amy },
      { term: 'autumn', year: '2026-27', urn: '100600', heldBy: team.amy },
      { term: 'autumn', year: '2026-27', urn: '100601', heldBy: team.amy },
    ]);
  });
});
