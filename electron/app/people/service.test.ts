import { describe, expect, it } from 'vitest';
import { ConnectionFields, PersonFields } from '../../../shared/domain/people.ts';
import { aTeamDatabase } from '../testing/builders.ts';
import { aPerson, aSchool } from '../testing/people-builders.ts';
import { createPerson, deactivatePerson, declareConnection, endDeclaredConnection, listPeople, personDetail } from './service.ts';

describe('people', () => {
  it('adds a worker and refuses a second person with the same email', () => {
    const db = aTeamDatabase();
    aPerson(db, { name: 'Amy Worker', email: 'amy@council.example.gov.uk' });
    expect(() => aPerson(db, { name: 'Amy Other', email: 'AMY@council.example.gov.uk' })).toThrow(/already the email of Amy Worker/);
  });

  it('warns above two Level 3 Early Help Plans', () => {
    const db = aTeamDatabase();
    const person = aPerson(db, { level3Plans: 3 });
    expect(personDetail(db.writeContext, person.id).warnings[0]).toMatch(/holds 3 Level 3 Early Help Plans/);
    expect(personDetail(db.writeContext, aPerson(db, { level3Plans: 2 }).id).warnings).toEqual([]);
  });

  it('deactivates rather than deletes, and lists them as inactive after their last day', () => {
    const db = aTeamDatabase({ now: () => new Date('2026-11-23T10:00:00Z') });
    const person = aPerson(db);
    deactivatePerson(db.writeContext, person.id, '2026-10-31');
    expect(listPeople(db.writeContext)).toMatchObject([{ id: person.id, active: false, activeTo: '2026-10-31' }]);
    expect(() => deactivatePerson(db.writeContext, person.id, '2020-01-01')).toThrow(/before they started/);
  });

  it('validates the fields with the shared schema', () => {
    expect(PersonFields.safeParse({ name: 'A B', role: 'fsw', email: 'not-an-email', phone: '', hub: '', activeFrom: '2026-09-01', capacity: null }).success).toBe(false);
    expect(PersonFields.safeParse({ name: 'A B', role: 'fsw', email: '', phone: '', hub: '', activeFrom: '2026-09-01', activeTo: '2026-08-01', capacity: null }).error?.issues[0]?.path).toEqual(['activeTo']);
  });
});

describe('declared connections', () => {
  it('records a connection with who recorded it, shows it on the person and the school, and ends it', () => {
    const db = aTeamDatabase();
    const person = aPerson(db, { name: 'Amy Worker' });
    const school = aSchool(db, { name: 'Brookfield Primary School' });
    const connection = declareConnection(db.writeContext, ConnectionFields.parse({ personId: person.id, urn: school.urn, kind: 'own_child_attends', from: '2024-09-01' }));
    expect(connection).toMatchObject({ personName: 'Amy Worker', schoolName: 'Brookfield Primary School', recordedBy: 'Tess Manager', to: null });
    expect(personDetail(db.writeContext, person.id).connections).toHaveLength(1);
    expect(() => declareConnection(db.writeContext, ConnectionFields.parse({ personId: person.id, urn: school.urn, kind: 'own_child_attends', from: '2025-09-01' }))).toThrow(/already has this connection/);
    expect(endDeclaredConnection(db.writeContext, connection.id, '2026-07-20').to).toBe('2026-07-20');
    expect(() => endDeclaredConnection(db.writeContext, connection.id, '2020-01-01')).toThrow(/before it began/);
  });

  it('asks what an "other" connection is', () => {
    const result = ConnectionFields.safeParse({ personId: '5b3f0c55-7d5e-4a57-9a4f-3f4b52f7b3a1', urn: '100000', kind: 'other', from: '2026-01-01' });
    expect(result.error?.issues[0]).toMatchObject({ path: ['otherText'], message: 'Describe the connection' });
  });

  it('refuses a worker or school that does not exist', () => {
    const db = aTeamDatabase();
    const person = aPerson(db);
    expect(() => declareConnection(db.writeContext, ConnectionFields.parse({ personId: person.id, urn: '999999', kind: 'governor_or_trustee', from: '2026-01-01' }))).toThrow(/no school with URN 999999/);
    expect(() => createPerson(db.writeContext, PersonFields.parse({ name: 'X Y', role: 'other', email: '', phone: '', hub: '', activeFrom: '2026-01-01', capacity: 3 }))).not.toThrow();
  });
});
