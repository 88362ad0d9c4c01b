import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AllocationProposal } from '../../../shared/domain/allocations.ts';
import { ConnectionFields } from '../../../shared/domain/people.ts';
import { declareConnection } from '../people/service.ts';
import { updateSchoolTeamFields } from '../schools/service.ts';
import { TeamHeldFields } from '../../../shared/domain/schools.ts';
import { aTeamDatabase, tempDir } from '../testing/builders.ts';
import { aPerson, aSchool } from '../testing/people-builders.ts';
import { importAllocations } from './import.ts';
import { allocate } from './service.ts';

/** Ben and Cara hold a school of 200 pupils each; Amy holds none yet. */
function setUp() {
  const db = aTeamDatabase({ now: () => new Date('2026-11-23T10:00:00Z') });
  const school = (urn: string, name: string, pupils: number, hub: string | null = null) => {
    aSchool(db, { urn, name, pupils });
    if (hub) updateSchoolTeamFields(db.writeContext, urn, TeamHeldFields.parse({ hub, dslName: '', dslEmail: '', mainContact: '', notes: '' }));
  };
  school('100901', 'Ashby Primary School', 200);
  school('100902', 'Brindle Primary School', 200);
  school('100903', 'Carrow Primary School', 300);
  school('100904', 'Dunmere Primary School', 212);
  school('100905', 'Elmstead Primary School', 150);
  school('100906', 'Fenwick Primary School', 212, 'South');
  const amy = aPerson(db, { name: 'Amy Worker', email: 'amy@council.example.gov.uk', hub: 'North' });
  const ben = aPerson(db, { name: 'Ben Second', email: 'ben@council.example.gov.uk', hub: '' });
  const cara = aPerson(db, { name: 'Cara Third', email: 'cara@council.example.gov.uk', hub: '' });
  const allocation = (urn: string, namedId: string, secondaryId: string) => allocate(db.writeContext, AllocationProposal.parse({ urn, namedId, secondaryId, from: '2026-09-01' }));
  allocation('100901', ben.id, cara.id);
  allocation('100902', cara.id, ben.id);
  declareConnection(db.writeContext, ConnectionFields.parse({ personId: amy.id, urn: '100904', kind: 'own_child_attends', from: '2023-09-01' }));
  return db;
}

function csv(lines: string[]): string {
  const file = path.join(tempDir(), 'allocations.csv');
  fs.writeFileSync(file, ['School URN,SPOC,Secondary link worker,From,Reason', ...lines].join('\n'));
  return file;
}

describe('fairness in a bulk allocation is judged on the rows that will apply', () => {
  it('leaves a refused row (own child at the school) out of the loads: the row beside it needs no Reason', async () => {
    const db = setUp();
    // Counting the refused row, Amy would hold 362 pupils against an average of 254 and need a Reason.
    const result = await importAllocations(db.writeContext, csv(['100905,Amy Worker,Ben Second,2026-12-01,', '100904,Amy Worker,Cara Third,2026-12-01,']), { dryRun: true });
    expect(result.rows.map((r) => [r.row, r.outcome, r.warnings])).toEqual([
      [2, 'apply', []],
      [3, 'refused', ['Amy Worker would be more than 25% above the team average: 2 schools against a team average of 1.3; 362 pupils against a team average of 254.']],
    ]);
    expect(result.rows[1]?.reasons[0]).toMatch(/own child attends Dunmere Primary School/);
  });

  it('quotes the figures that will be true: a refused row for the same worker is not counted in the warning of the row that applies', async () => {
    const db = setUp();
    const file = csv(['100903,Amy Worker,Ben Second,2026-12-01,Knows the school well', '100906,Amy Worker,Cara Third,2026-12-01,']);
    const result = await importAllocations(db.writeContext, file, { dryRun: false });
    expect(result.applied).toBe(1);
    expect(result.warnings).toEqual([
      { row: 2, school: { urn: '100903', name: 'Carrow Primary School' }, messages: ['Amy Worker would be more than 25% above the team average: 300 pupils against a team average of 233.'], overriddenWith: 'Knows the school well' },
    ]);
    expect(result.rejected).toEqual([
      {
        row: 3, school: { urn: '100906', name: 'Fenwick Primary School' },
        reasons: [
          'It has warnings and no Reason to override them.',
          'Amy Worker would be more than 25% above the team average: 2 schools against a team average of 1.3; 512 pupils against a team average of 304.',
          'Amy Worker works in the North hub; Fenwick Primary School is in South.',
        ],
      },
    ]);
  });

  it('applies, in file order, the rows that fit once the rows that cannot are out, and refuses the rest with the figures they would meet', async () => {
    const db = setUp();
    const result = await importAllocations(db.writeContext, csv(['100905,Amy Worker,Ben Second,2026-12-01,', '100903,Amy Worker,Cara Third,2026-12-01,']), { dryRun: false });
    expect(result.rows.map((r) => [r.row, r.outcome])).toEqual([[2, 'apply'], [3, 'refused']]);
    expect(result.rows[0]?.warnings).toEqual([]);
    expect(result.rejected[0]?.reasons).toEqual([
      'It has warnings and no Reason to override them.',
      'Amy Worker would be more than 25% above the team average: 2 schools against a team average of 1.3; 450 pupils against a team average of 283.',
    ]);
    expect(result.applied).toBe(1);
  });
});
