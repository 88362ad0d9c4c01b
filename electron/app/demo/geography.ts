/**
 * Where the demo's schools and workers are, for the allocation planner and its map: each hub a
 * fictional town on the British National Grid, its schools scattered within about 8 km, and each
 * worker's base at a school of their hub or a point entered by hand (as a postcode's coordinates
 * would be). Deterministic, so the demo plans the same way every time.
 */
import { WorkerBaseInput } from '../../../shared/domain/planner.ts';
import type { TeamDatabase } from '../db/team-db.ts';
import { setWorkerBase } from '../planner/bases.ts';
import { updateSchoolPoint } from '../planner/repo.ts';
import { requireSchool } from '../schools/service.ts';
import type { DemoRegister } from './register.ts';

const HUB_CENTRES: Record<string, { easting: number; northing: number }> = {
  North: { easting: 452000, northing: 262000 },
  Central: { easting: 446000, northing: 236000 },
  Coastal: { easting: 431000, northing: 205000 },
};

export function seedDemoGeography(db: TeamDatabase, register: DemoRegister): void {
  const hubOf = (urn: string) => requireSchool(db.db, urn).hub;
  register.schools.forEach((urn, n) => {
    const centre = HUB_CENTRES[hubOf(urn) ?? ''] ?? HUB_CENTRES.Central;
    if (!centre) return;
    // A spiral around the hub's town: schools nearer and further, none on top of another.
    const angle = n * 2.39996;
    const radius = 1200 + ((n * 617) % 7000);
    updateSchoolPoint(db.db, urn, Math.round(centre.easting + radius * Math.cos(angle)), Math.round(centre.northing + radius * Math.sin(angle)));
  });
  register.people.forEach((person, i) => {
    if (person.role !== 'fsw') return;
    const atSchool = register.schools.find((urn, n) => n % 5 === i % 5 && hubOf(urn) === person.hub);
    const centre = HUB_CENTRES[person.hub ?? ''] ?? HUB_CENTRES.Central;
    const base = i % 2 === 0 && atSchool
      ? { personId: person.id, baseUrn: atSchool }
      : { personId: person.id, easting: Math.round((centre?.easting ?? 440000) + 900 * (i % 3) - 900), northing: Math.round((centre?.northing ?? 230000) - 700 * (i % 4)) };
    setWorkerBase(db.writeContext, WorkerBaseInput.parse(base));
  });
}
