/** Builders for people, schools and connections in tests. */
import type { PersonInput } from '../../../shared/domain/people.ts';
import { PersonFields } from '../../../shared/domain/people.ts';
import { NewSchool, type NewSchool as NewSchoolInput } from '../../../shared/domain/schools.ts';
import type { TeamDatabase } from '../db/team-db.ts';
import { createPerson } from '../people/service.ts';
import { insertDeclaration } from '../declarations/repo.ts';
import { localDay } from '../../../shared/format.ts';
import { randomUUID } from 'node:crypto';
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

/**
 * A worker; by default with an annual declaration of connections made today (the database's
 * clock), as a team that asks for them would have, so the allocation rules' warning about a
 * missing declaration speaks only in the tests about it (`declared: false` leaves it out).
 */
export function aPerson(db: TeamDatabase, { declared = true, ...overrides }: Partial<PersonInput> & { declared?: boolean } = {}) {
  const person = createPerson(
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
  if (declared) {
    insertDeclaration(db.db, {
      id: randomUUID(), personId: person.id, declaredOn: localDay(db.writeContext.now()), nothingToDeclare: true, recordedBy: 'Test builder', recordedAt: db.writeContext.now().toISOString(),
    });
  }
  return person;
}
