import { describe, expect, it } from 'vitest';
import {
  aboveTeamAverage, apcWithoutCountyAgreement, schoolClosed, declaredConnection, hubMismatch, judge, overCapacity, ownChildAttends, sameWorkerTwice,
  schoolWithoutWorker, workerLeavingSoon, workerNotActive, declarationOutOfDateRule, type ProposalFacts, type WorkerFacts,
} from './allocations.ts';

function aWorker(overrides: Partial<WorkerFacts> = {}): WorkerFacts {
  return { id: 'w-amy', name: 'Amy Worker', hub: 'North', activeFrom: '2024-09-01', activeTo: null, capacity: null, lastDeclaredOn: '2026-09-14', ...overrides };
}

function facts(overrides: Partial<ProposalFacts> = {}): ProposalFacts {
  const named = aWorker();
  const secondary = aWorker({ id: 'w-ben', name: 'Ben Second' });
  return {
    school: { urn: '100000', name: 'Rhyl Primary School', category: 'primary', hub: 'North' },
    named,
    secondary,
    effectiveFrom: '2026-12-01',
    countyAgreement: null,
    countyAgreementCategories: ['alternative_provision'],
    connections: [],
    loadAfter: new Map([['w-amy', { schools: 8, pupils: 2400 }]]),
    teamAverage: { schools: 8, pupils: 2400 },
    fairnessPercent: 25,
    defaultCapacity: 12,
    ...overrides,
  };
}

describe('blocking rules', () => {
  it('refuses a link worker whose own child attends the school', () => {
    const connection = { personId: 'w-ben', kind: 'own_child_attends' as const, otherText: null, from: '2023-09-01', to: null };
    const found = ownChildAttends(facts({ connections: [connection] }));
    expect(found).toEqual([{ rule: 'own_child_attends', severity: 'blocking', message: expect.stringContaining('Ben Second declared that their own child attends Rhyl Primary School (since 1 Sep 2023)') }]);
  });
  it('refuses a worker whose child starts at the school after the allocation begins', () => {
    const connection = { personId: 'w-amy', kind: 'own_child_attends' as const, otherText: null, from: '2027-09-01', to: null };
    expect(ownChildAttends(facts({ connections: [connection] }))[0]?.message).toMatch(/own child attends Rhyl Primary School \(from 1 Sep 2027\)/);
  });
  it('refuses any worker for a closed school', () => {
    expect(schoolClosed(facts({ school: { urn: '1', name: 'Old School', category: 'primary', hub: null, status: 'closed' } }))[0]?.message).toBe('Old School is closed: it takes no link workers.');
    expect(schoolClosed(facts())).toEqual([]);
  });
  it('refuses an APC county agreement dated after the allocation starts', () => {
    const apc = { urn: '100001', name: 'Brindle Learning Centre', category: 'alternative_provision' as const, hub: 'North' };
    expect(apcWithoutCountyAgreement(facts({ school: apc, countyAgreement: { on: '2026-12-02', by: 'County DST managers' } }))[0]?.message).toMatch(/must come before the allocation starts/);
  });
  it('allows a worker whose child left the school before the allocation starts', () => {
    const connection = { personId: 'w-amy', kind: 'own_child_attends' as const, otherText: null, from: '2018-09-01', to: '2025-07-20' };
    expect(ownChildAttends(facts({ connections: [connection] }))).toEqual([]);
  });
  it('refuses the same person as named and secondary worker', () => {
    const amy = aWorker();
    expect(sameWorkerTwice(facts({ named: amy, secondary: amy }))[0]?.severity).toBe('blocking');
    expect(sameWorkerTwice(facts())).toEqual([]);
  });
  it('refuses a worker not active on the effective date, either side', () => {
    expect(workerNotActive(facts({ named: aWorker({ activeTo: '2026-11-30' }) }))[0]?.message).toMatch(/left on 30 Nov 2026, before 1 Dec 2026/);
    expect(workerNotActive(facts({ secondary: aWorker({ id: 'x', name: 'New Starter', activeFrom: '2027-01-04' }) }))[0]?.message).toMatch(/only starts on 4 Jan 2027/);
    expect(workerNotActive(facts({ named: aWorker({ activeTo: '2026-12-01' }) }))).toEqual([]);
  });
  it('refuses an APC allocation with no county-level agreement, and allows one with it', () => {
    const apc = { urn: '100001', name: 'Brindle Learning Centre', category: 'alternative_provision' as const, hub: 'North' };
    expect(apcWithoutCountyAgreement(facts({ school: apc }))[0]?.message).toMatch(/agreed at county level/);
    expect(apcWithoutCountyAgreement(facts({ school: apc, countyAgreement: { on: '2026-11-10', by: 'County DST managers meeting' } }))).toEqual([]);
    expect(apcWithoutCountyAgreement(facts())).toEqual([]);
  });
  it('asks for a county-level agreement for the categories the team names, and for no APC when it names none', () => {
    const apc = { urn: '100001', name: 'Brindle Learning Centre', category: 'alternative_provision' as const, hub: 'North' };
    const special = { urn: '100002', name: 'Oakwood School', category: 'special' as const, hub: 'North' };
    expect(apcWithoutCountyAgreement(facts({ school: special, countyAgreementCategories: ['alternative_provision', 'special'] }))[0]?.message).toBe(
      "Oakwood School is in the category Special, whose allocation the team's settings say is agreed at county level by all Dedicated Schools Team managers. Record the date it was agreed and by whom.",
    );
    expect(apcWithoutCountyAgreement(facts({ school: special }))).toEqual([]);
    expect(apcWithoutCountyAgreement(facts({ school: apc, countyAgreementCategories: [] }))).toEqual([]);
    // Leaving a school with no worker needs no agreement.
    expect(apcWithoutCountyAgreement(facts({ school: apc, named: null, secondary: null }))).toEqual([]);
  });
});

describe('warnings', () => {
  it('warns of any other declared connection', () => {
    const connection = { personId: 'w-amy', kind: 'governor_or_trustee' as const, otherText: null, from: '2022-01-01', to: null };
    expect(declaredConnection(facts({ connections: [connection] }))[0]).toMatchObject({ severity: 'warning', message: expect.stringMatching(/governor or trustee/) });
    expect(declaredConnection(facts())).toEqual([]);
  });
  it('warns when the named worker goes over capacity, their own or the team default', () => {
    expect(overCapacity(facts({ loadAfter: new Map([['w-amy', { schools: 13, pupils: 0 }]]) }))[0]?.message).toMatch(/13 schools, over their capacity of 12/);
    expect(overCapacity(facts({ named: aWorker({ capacity: 6 }), loadAfter: new Map([['w-amy', { schools: 7, pupils: 0 }]]) }))).toHaveLength(1);
    expect(overCapacity(facts({ loadAfter: new Map([['w-amy', { schools: 12, pupils: 0 }]]) }))).toEqual([]);
  });
  it('warns above the team average by more than the fairness percentage, in schools or pupils', () => {
    const over = (schools: number, pupils: number) => aboveTeamAverage(facts({ loadAfter: new Map([['w-amy', { schools, pupils }]]) }));
    expect(over(10, 2400)).toEqual([]);
    expect(over(11, 2400)[0]?.message).toMatch(/11 schools against a team average of 8.0/);
    expect(over(8, 3100)[0]?.message).toMatch(/3,100 pupils against a team average of 2,400/);
  });
  it('warns when the worker’s hub is not the school’s', () => {
    expect(hubMismatch(facts({ secondary: aWorker({ id: 'c', name: 'Cerys', hub: 'Coastal' }) }))[0]?.message).toMatch(/Cerys works in the Coastal hub; Rhyl Primary School is in North/);
    expect(hubMismatch(facts({ school: { urn: '1', name: 'S', category: 'primary', hub: null } }))).toEqual([]);
  });
  it('warns when a school is left without a named or a secondary worker', () => {
    expect(schoolWithoutWorker(facts({ secondary: null })).map((f) => f.message)).toEqual(['Rhyl Primary School would have no secondary link worker.']);
    expect(schoolWithoutWorker(facts())).toEqual([]);
  });
  it('warns when a worker leaves within 30 days', () => {
    expect(workerLeavingSoon(facts({ named: aWorker({ activeTo: '2026-12-31' }) }))[0]?.message).toMatch(/leaves on 31 Dec 2026, within 30 days/);
    expect(workerLeavingSoon(facts({ named: aWorker({ activeTo: '2027-01-01' }) }))).toEqual([]);
  });
  it('warns, without refusing, when a worker’s annual declaration is more than a year before the allocation starts', () => {
    const stale = judge(facts({ secondary: aWorker({ id: 'w-ben', name: 'Ben Second', lastDeclaredOn: '2025-11-30' }) }));
    expect(stale).toEqual([{
      rule: 'declaration_out_of_date', severity: 'warning',
      message: 'Ben Second last declared their connections to schools on 30 Nov 2025, more than a year before 1 Dec 2026: ask for this year’s declaration.',
    }]);
    // Exactly a year before is not more than a year.
    expect(declarationOutOfDateRule(facts({ named: aWorker({ lastDeclaredOn: '2025-12-01' }) }))).toEqual([]);
  });
  it('does not warn at allocation for a worker who has never declared: the dashboard lists them as due', () => {
    expect(declarationOutOfDateRule(facts({ named: aWorker({ lastDeclaredOn: null }), secondary: null }))).toEqual([]);
  });
});

describe('judging a proposal', () => {
  it('finds nothing to say about a sound allocation', () => {
    expect(judge(facts())).toEqual([]);
  });
});
