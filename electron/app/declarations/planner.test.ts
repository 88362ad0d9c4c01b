import { describe, expect, it } from 'vitest';
import { PlanInput } from '../../../shared/domain/planner.ts';
import { aTeamDatabase } from '../testing/builders.ts';
import { proposePlan } from '../planner/service.ts';
import { aBasedWorker, aPlacedSchool } from '../planner/testing.ts';

describe('the planner and a late annual declaration', () => {
  it('still gives a worker the schools beside them when their declaration is out of date, and lists the warning with each change', async () => {
    const db = aTeamDatabase({ now: () => new Date('2026-07-20T10:00:00Z') });
    const west = aBasedWorker(db, 'Wendy West', { easting: 500000, northing: 100000, hub: 'West' });
    const east = aBasedWorker(db, 'Ethan East', { easting: 520000, northing: 100000, hub: 'East' });
    const w1 = aPlacedSchool(db, 'Westgate Primary School', { easting: 500500, northing: 100000, hub: 'West' });
    const e1 = aPlacedSchool(db, 'Eastgate Primary School', { easting: 520500, northing: 100000, hub: 'East' });
    // Wendy's only declaration is from two years ago.
    db.db.prepare("UPDATE declaration SET declared_on = '2024-07-01' WHERE person_id = ?").run(west.id);
    const result = await proposePlan(db.writeContext, PlanInput.parse({ from: '2026-09-01', timeLimitSeconds: 30 }));
    const west1 = result.proposals.find((p) => p.urn === w1.urn);
    expect(west1).toMatchObject({ namedId: west.id, secondaryId: east.id });
    expect(west1?.warnings).toContain('Wendy West last declared their connections to schools on 1 Jul 2024, more than a year before 1 Sep 2026: ask for this year’s declaration.');
    expect(west1?.terms.some((t) => t.term === 'warnings')).toBe(false);
    expect(result.proposals.find((p) => p.urn === e1.urn)).toMatchObject({ namedId: east.id, secondaryId: west.id });
  });
});
