/** Builders for people, schools and connections in tests. */
import type { PersonInput } from '../../../shared/domain/people.ts';
import { PersonFields } from '../../../shared/domain/people.ts';
import { NewSchool, type NewSchool as NewSchoolInput } from '../../../shared/domain/schools.ts';
import type { TeamDatabase } from '../db/team-db.ts';
import { createPerson } from '../people/service.ts';
import { addSchool } from '../schools/service.ts';

let urnCounter = 140000;

export function aSchool(db: TeamDatabase, overrides: Partial<NewSchoolInput> = {}) {
  urnCounter++;
  return addSchool(
    db.writeContext,
    NewSchool.parse({
      urn: String(urnCounter),
      name: `Test Primary School ${urnCounter}`,
      establishmentType: 'Community school',
      phase: 'Primary',
      laCode: '202',
      laName: 'Camden',
      ...overrides,
    }),
  );
}

export function aPerson(db: TeamDatabase, overrides: Partial<PersonInput> = {}) {
  return createPerson(
    db.writeContext,
    PersonFields.parse({
      name: 'Amy Worker',
      role: 'fsw',
      email: `amy.${Math.random().toString(36).slice(2, 8)}@council.example.gov.uk`,
      phone: '',
      hub: 'Central',
      activeFrom: '2025-09-01',
      capacity: null,
      ...overrides,
    }),
  );
}
