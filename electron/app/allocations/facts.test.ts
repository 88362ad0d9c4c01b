import { describe, expect, it } from 'vitest';
import { AllocationProposal } from '../../../shared/domain/allocations.ts';
import { ConnectionFields } from '../../../shared/domain/people.ts';
import { write } from '../db/write.ts';
import { declareConnection } from '../people/service.ts';
import { TeamHeldFields } from '../../../shared/domain/schools.ts';
import { closeSchool, updateSchoolTeamFields } from '../schools/service.ts';
import { aTeamDatabase } from '../testing/builders.ts';
import { aPerson, aSchool } from '../testing/people-builders.ts';
import { applyJudged, judgeProposals, type ParsedProposal } from './service.ts';
import { readState } from './state.ts';

/** A team with history: leavers, late starters, closed schools, unknown pupil numbers, connections of every kind. */
function aTeamWithHistory() {
  const db = aTeamDatabase({ now: () => new Date('2026-11-23T10:00:00Z') });
  const hubs = ['North', 'South', ''];
  const people = Array.from({ length: 8 }, (_, i) =>
    aPerson(db, {
      name: `Worker ${i}`, hub: hubs[i % 3] ?? '', activeFrom: i === 6 ? '2027-01-04' : '2024-09-01', activeTo: i === 7 ? '2026-12-01' : i === 5 ? '2026-06-30' : '',
      capacity: i % 4 === 0 ? 3 : null,
    }),
  );
  const schools = Array.from({ length: 24 }, (_, i) =>
    aSchool(db, { name: `School ${i}`, establishmentType: i === 3 ? 'Pupil referral unit' : 'Community school', pupils: i % 5 === 0 ? null : 100 + i * 37 }),
  );
  schools.forEach((s, i) => updateSchoolTeamFields(db.writeContext, s.urn, TeamHeldFields.parse({ hub: hubs[i % 3] === 'North' ? 'South' : '', dslName: '', dslEmail: '', mainContact: '', notes: '' })));
  const worker = (i: number) => people[i % people.length]?.id ?? null;
  const allocateAll = (from: string, shift: number) => {
    const proposals = schools.map((s, i) =>
      AllocationProposal.parse({ urn: s.urn, namedId: worker(i + shift), secondaryId: worker(i + shift + 1), from, overrideReason: 'Setting up', countyAgreedOn: '2024-08-01', countyAgreedBy: 'County' }),
    );
    write(db.writeContext, (audit) => applyJudged(db.writeContext, judgeProposals(db.db, proposals, readState(db.db)), audit));
  };
  allocateAll('2024-09-01', 0);
  allocateAll('2025-09-01', 3);
  closeSchool(db.writeContext, schools[7]?.urn ?? '', '2026-07-31');
  closeSchool(db.writeContext, schools[11]?.urn ?? '', '2026-07-31');
  const kinds = ['own_child_attends', 'family_member_works_there', 'governor_or_trustee', 'other'] as const;
  schools.slice(0, 8).forEach((s, i) =>
    declareConnection(db.writeContext, ConnectionFields.parse({ personId: worker(i * 3) ?? '', urn: s.urn, kind: kinds[i % 4], otherText: 'Neighbour', from: '2025-01-01', to: i === 5 ? '2025-12-31' : '' })),
  );
  return { db, people, schools, worker };
}

describe('judging a few proposals from the facts they need', () => {
  it('gives the same findings as judging from the whole team, one school and whole batches, on many dates', () => {
    const { db, schools, worker } = aTeamWithHistory();
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return (seed >>> 16) % n;
    };
    const proposal = (urn: string): ParsedProposal =>
      AllocationProposal.parse({
        urn, namedId: next(6) === 0 ? null : worker(next(8)), secondaryId: next(5) === 0 ? null : worker(next(8)),
        from: ['2026-09-01', '2026-11-24', '2027-02-01', '2026-11-05'][next(4)], countyAgreedOn: next(2) ? '2026-08-01' : '', countyAgreedBy: 'County',
      });
    const rules = new Set<string>();
    for (let round = 0; round < 60; round++) {
      const size = round < 40 ? 1 : 2 + next(10);
      const batch = Array.from({ length: size }, () => proposal(schools[next(schools.length)]?.urn ?? ''));
      const targeted = judgeProposals(db.db, batch);
      const whole = judgeProposals(db.db, batch, readState(db.db));
      expect(targeted).toEqual(whole);
      for (const f of targeted.flatMap((j) => j.findings)) rules.add(f.rule);
    }
    // The comparison means something only if the rules found plenty to say.
    expect([...rules].sort()).toEqual(expect.arrayContaining(['above_team_average', 'declared_connection', 'hub_mismatch', 'over_capacity', 'own_child_attends', 'school_closed', 'worker_not_active']));
  });

  it('refuses an unknown school or worker as judging from the whole team does', () => {
    const { db, schools } = aTeamWithHistory();
    const unknownSchool = AllocationProposal.parse({ urn: '999999', namedId: null, secondaryId: null, from: '2026-11-24' });
    expect(() => judgeProposals(db.db, [unknownSchool])).toThrow(/no school with URN 999999/);
    const unknownWorker = AllocationProposal.parse({ urn: schools[0]?.urn ?? '', namedId: '3f2b6c1e-8d4a-4b7e-9f00-123456789abc', secondaryId: null, from: '2026-11-24' });
    expect(() => judgeProposals(db.db, [unknownWorker])).toThrow(/not in this team database/);
  });
});
