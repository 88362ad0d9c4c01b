import { describe, expect, it } from 'vitest';
import { AllocationProposal } from '../../../shared/domain/allocations.ts';
import { ConnectionFields } from '../../../shared/domain/people.ts';
import { AppError } from '../../../shared/errors.ts';
import { declareConnection } from '../people/service.ts';
import { aTeamDatabase } from '../testing/builders.ts';
import { aPerson, aSchool } from '../testing/people-builders.ts';
import { selectOnDate, selectSchoolHistory, selectWorkerHistory } from './repo.ts';
import { allocate } from './service.ts';
import { closeSchool } from '../schools/service.ts';
import { updateSettings } from '../team/service.ts';
import { board, coverageGaps, loadReport } from './views.ts';

function setUp() {
  const db = aTeamDatabase({ now: () => new Date('2026-11-23T10:00:00Z') });
  const school = aSchool(db, { urn: '100100', name: 'Rhyl Primary School' });
  const amy = aPerson(db, { name: 'Amy Worker', hub: '' });
  const ben = aPerson(db, { name: 'Ben Second', hub: '' });
  const cara = aPerson(db, { name: 'Cara Third', hub: '' });
  return { db, school, amy, ben, cara };
}

const proposal = (p: Partial<AllocationProposal> & Pick<AllocationProposal, 'urn' | 'namedId' | 'secondaryId'>) =>
  AllocationProposal.parse({ from: '2026-09-01', ...p });

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('allocating link workers', () => {
  it('allocates, changes and keeps the history: who was SPOC on any past date', () => {
    const { db, school, amy, ben, cara } = setUp();
    allocate(db.writeContext, proposal({ urn: school.urn, namedId: amy.id, secondaryId: ben.id, from: '2026-09-01', reason: 'New school year' }));
    allocate(db.writeContext, proposal({ urn: school.urn, namedId: cara.id, secondaryId: ben.id, from: '2027-01-04', reason: 'Amy moves hub' }));
    expect(selectOnDate(db.db, school.urn, '2026-12-31').map((p) => [p.role, p.personName])).toEqual([['named', 'Amy Worker'], ['secondary', 'Ben Second']]);
    expect(selectOnDate(db.db, school.urn, '2027-01-04').map((p) => [p.role, p.personName])).toEqual([['named', 'Cara Third'], ['secondary', 'Ben Second']]);
    const history = selectSchoolHistory(db.db, school.urn);
    expect(history.map((p) => [p.personName, p.from, p.to, p.reason])).toEqual([
      ['Cara Third', '2027-01-04', null, 'Amy moves hub'],
      ['Amy Worker', '2026-09-01', '2027-01-03', 'New school year'],
      ['Ben Second', '2026-09-01', null, 'New school year'],
    ]);
    expect(selectWorkerHistory(db.db, amy.id)).toMatchObject([{ schoolName: 'Rhyl Primary School', from: '2026-09-01', to: '2027-01-03', allocatedBy: 'Tess Manager' }]);
  });

  it('refuses a worker whose own child attends, saving nothing', () => {
    const { db, school, amy, ben } = setUp();
    declareConnection(db.writeContext, ConnectionFields.parse({ personId: amy.id, urn: school.urn, kind: 'own_child_attends', from: '2024-09-01' }));
    const error = refusal(() => allocate(db.writeContext, proposal({ urn: school.urn, namedId: amy.id, secondaryId: ben.id, overrideReason: 'Please' })));
    expect(error.code).toBe('allocation_refused');
    expect(error.message).toMatch(/Amy Worker declared that their own child attends Rhyl Primary School/);
    expect(selectSchoolHistory(db.db, school.urn)).toEqual([]);
  });

  it('asks for a county-level agreement for the categories the team names: APCs by default (West Sussex), others when the team says', () => {
    const { db, amy, ben } = setUp();
    const apc = aSchool(db, { name: 'Brindle Learning Centre', establishmentType: 'Pupil referral unit', phase: 'Not applicable' });
    const special = aSchool(db, { name: 'Oakwood School', establishmentType: 'Community special school', phase: 'Not applicable' });
    const agreed = { countyAgreedOn: '2026-07-08', countyAgreedBy: 'County DST managers meeting' };
    expect(refusal(() => allocate(db.writeContext, proposal({ urn: apc.urn, namedId: amy.id, secondaryId: ben.id }))).code).toBe('allocation_refused');
    allocate(db.writeContext, proposal({ urn: special.urn, namedId: amy.id, secondaryId: ben.id }));
    updateSettings(db.writeContext, { countyAgreementCategories: ['special'] });
    allocate(db.writeContext, proposal({ urn: apc.urn, namedId: amy.id, secondaryId: ben.id, overrideReason: 'Amy holds two schools' }));
    const refused = refusal(() => allocate(db.writeContext, proposal({ urn: special.urn, namedId: ben.id, secondaryId: amy.id, from: '2026-10-01' })));
    expect(refused.message).toMatch(/Oakwood School is in the category Special, whose allocation the team's settings say is agreed at county level/);
    allocate(db.writeContext, proposal({ urn: special.urn, namedId: ben.id, secondaryId: amy.id, from: '2026-10-01', ...agreed, overrideReason: 'Rebalancing' }));
    expect(selectSchoolHistory(db.db, special.urn)[0]).toMatchObject({ personName: 'Ben Second', ...agreed });
  });

  it('saves warnings only with a reason, and records the reason', () => {
    const { db, school, amy } = setUp();
    const error = refusal(() => allocate(db.writeContext, proposal({ urn: school.urn, namedId: amy.id, secondaryId: null })));
    expect(error.code).toBe('needs_reason');
    expect(error.details?.findings).toEqual([expect.objectContaining({ rule: 'school_without_worker' })]);
    allocate(db.writeContext, proposal({ urn: school.urn, namedId: amy.id, secondaryId: null, overrideReason: 'Secondary agreed at the next hub meeting' }));
    expect(selectSchoolHistory(db.db, school.urn)[0]?.overrideReason).toBe('Secondary agreed at the next hub meeting');
    const audit = db.db.prepare("SELECT summary FROM audit_log WHERE entity = 'allocation'").pluck().get();
    expect(audit).toBe('named; warnings overridden: school_without_worker');
  });

  it('refuses a change dated before the current allocation began', () => {
    const { db, school, amy, ben, cara } = setUp();
    allocate(db.writeContext, proposal({ urn: school.urn, namedId: amy.id, secondaryId: ben.id, from: '2026-09-01' }));
    const error = refusal(() => allocate(db.writeContext, proposal({ urn: school.urn, namedId: cara.id, secondaryId: ben.id, from: '2026-08-01' })));
    expect(error.message).toMatch(/since 1 Sep 2026: a change must start on or after that date/);
  });

  it('corrects a same-day allocation in place instead of making a zero-length period', () => {
    const { db, school, amy, ben, cara } = setUp();
    allocate(db.writeContext, proposal({ urn: school.urn, namedId: amy.id, secondaryId: ben.id }));
    allocate(db.writeContext, proposal({ urn: school.urn, namedId: cara.id, secondaryId: ben.id }));
    expect(selectSchoolHistory(db.db, school.urn).filter((p) => p.role === 'named').map((p) => p.personName)).toEqual(['Cara Third']);
  });
});

describe('allocations over time and closure', () => {
  it('does not count a change scheduled for a later date until that date', () => {
    const { db, school, amy, ben, cara } = setUp();
    allocate(db.writeContext, proposal({ urn: school.urn, namedId: amy.id, secondaryId: ben.id, from: '2026-09-01' }));
    allocate(db.writeContext, proposal({ urn: school.urn, namedId: cara.id, secondaryId: ben.id, from: '2027-04-01', overrideReason: 'Spring change' }));
    expect(board(db.db, '2026-11-23', {})[0]?.named?.name).toBe('Amy Worker');
    expect(board(db.db, '2027-04-01', {})[0]?.named?.name).toBe('Cara Third');
    expect(loadReport(db.db, '2026-11-23').workers.find((w) => w.id === cara.id)?.named).toBe(0);
  });

  it('refuses to allocate a closed school, and ends the allocations of a school when it closes', () => {
    const { db, school, amy, ben } = setUp();
    allocate(db.writeContext, proposal({ urn: school.urn, namedId: amy.id, secondaryId: ben.id, from: '2026-09-01' }));
    closeSchool(db.writeContext, school.urn, '2026-12-18');
    expect(selectSchoolHistory(db.db, school.urn).map((p) => p.to)).toEqual(['2026-12-18', '2026-12-18']);
    const error = refusal(() => allocate(db.writeContext, proposal({ urn: school.urn, namedId: ben.id, secondaryId: amy.id, from: '2027-01-04' })));
    expect(error.message).toMatch(/is closed: it takes no link workers/);
  });

  it('flags a worker who declares their own child attends a school they hold', () => {
    const { db, school, amy, ben } = setUp();
    allocate(db.writeContext, proposal({ urn: school.urn, namedId: amy.id, secondaryId: ben.id, from: '2026-09-01' }));
    const declared = declareConnection(db.writeContext, ConnectionFields.parse({ personId: amy.id, urn: school.urn, kind: 'own_child_attends', from: '2026-11-01' }));
    expect(declared.warning).toMatch(/Amy Worker is the named link worker \(SPOC\) of Rhyl Primary School/);
    expect(coverageGaps(db.db, '2026-11-23').inConflict.map((p) => p.personName)).toEqual(['Amy Worker']);
  });

  it('saving an unchanged allocation changes nothing and asks no reason', () => {
    const { db, school, amy } = setUp();
    allocate(db.writeContext, proposal({ urn: school.urn, namedId: amy.id, secondaryId: null, overrideReason: 'Secondary to follow' }));
    expect(allocate(db.writeContext, proposal({ urn: school.urn, namedId: amy.id, secondaryId: null }))).toEqual({ changed: 0, findings: [] });
  });
});

describe('allocation views', () => {
  it('shows unallocated schools first on the board, loads against the average, and the gaps', () => {
    const { db, school, amy, ben } = setUp();
    const other = aSchool(db, { urn: '100101', name: 'Aardvark Primary', pupils: 200 });
    allocate(db.writeContext, proposal({ urn: school.urn, namedId: amy.id, secondaryId: ben.id }));
    expect(board(db.db, '2026-11-23', {}).map((r) => r.urn)).toEqual([other.urn, school.urn]);
    const load = loadReport(db.db, '2026-11-23');
    expect(load.workers.find((w) => w.id === amy.id)).toMatchObject({ named: 1, secondary: 0 });
    expect(load.average.schools).toBe(1);
    const gaps = coverageGaps(db.db, '2026-11-23');
    expect(gaps.withoutNamed.map((r) => r.urn)).toEqual([other.urn]);
    db.db.prepare("UPDATE person SET active_to = '2026-10-31' WHERE id = ?").run(ben.id);
    expect(coverageGaps(db.db, '2026-11-23').heldByLeavers.map((p) => p.personName)).toEqual(['Ben Second']);
  });
});
