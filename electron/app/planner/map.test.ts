import { describe, expect, it } from 'vitest';
import { ApplyPlanInput } from '../../../shared/domain/planner.ts';
import { aTeamDatabase } from '../testing/builders.ts';
import { aPerson, aSchool } from '../testing/people-builders.ts';
import { plannerMap } from './map.ts';
import { applyPlan } from './service.ts';
import { aBasedWorker, aPlacedSchool } from './testing.ts';

const now = () => new Date('2026-07-20T10:00:00Z');

describe('the planner’s map', () => {
  it('places the open schools with their named worker and the active workers with their bases, and counts the schools with no place', () => {
    const db = aTeamDatabase({ now });
    const west = aBasedWorker(db, 'Wendy West', { easting: 500000, northing: 100000, hub: 'West' });
    const placed = aPlacedSchool(db, 'Westgate Primary School', { easting: 500500, northing: 100000, hub: 'West' });
    aSchool(db, { name: 'Nowhere Primary School' });
    aPerson(db, { name: 'Una Unbased', hub: 'West' });
    aPerson(db, { name: 'Len Leaver', hub: 'West', activeFrom: '2020-09-01', activeTo: '2026-07-01' });

    const before = plannerMap(db.writeContext);
    expect(before.schools).toEqual([{ urn: placed.urn, name: 'Westgate Primary School', hub: 'West', easting: 500500, northing: 100000, namedId: null, namedName: null }]);
    expect(before.unplaced).toBe(1);
    expect(before.workers.map((w) => [w.name, w.easting, w.northing])).toEqual([['Una Unbased', null, null], ['Wendy West', 500000, 100000]]);

    applyPlan(db.writeContext, ApplyPlanInput.parse({ from: '2026-07-20', reason: 'New school', proposals: [{ urn: placed.urn, namedId: west.id, secondaryId: null }] }));
    expect(plannerMap(db.writeContext).schools[0]).toMatchObject({ namedId: west.id, namedName: 'Wendy West' });
  });
});
