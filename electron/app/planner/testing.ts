/** Small teams for the planner's tests: schools placed on the grid, workers with bases and hubs. */
import { TeamHeldFields } from '../../../shared/domain/schools.ts';
import { WorkerBaseInput } from '../../../shared/domain/planner.ts';
import type { TeamDatabase } from '../db/team-db.ts';
import { updateSchoolTeamFields } from '../schools/service.ts';
import { aPerson, aSchool } from '../testing/people-builders.ts';
import { setWorkerBase } from './bases.ts';
import { updateSchoolPoint } from './repo.ts';

export function aPlacedSchool(db: TeamDatabase, name: string, at: { easting: number; northing: number; hub: string; pupils?: number }) {
  const school = aSchool(db, { name, pupils: at.pupils ?? 200 });
  updateSchoolTeamFields(db.writeContext, school.urn, TeamHeldFields.parse({ hub: at.hub, dslName: '', dslEmail: '', mainContact: '', notes: '' }));
  updateSchoolPoint(db.db, school.urn, at.easting, at.northing);
  return school;
}

export function aBasedWorker(db: TeamDatabase, name: string, at: { easting: number; northing: number; hub: string; capacity?: number; activeTo?: string }) {
  const person = aPerson(db, { name, hub: at.hub, capacity: at.capacity ?? null, activeTo: at.activeTo ?? '' });
  setWorkerBase(db.writeContext, WorkerBaseInput.parse({ personId: person.id, easting: at.easting, northing: at.northing }));
  return person;
}
