import { describe, expect, it } from 'vitest';
import { SchoolQuery } from '../../../shared/domain/schools.ts';
import { aTeamDatabase } from '../testing/builders.ts';
import { aSchool } from '../testing/people-builders.ts';
import { closeSchool, listSchools } from './service.ts';

const search = (db: ReturnType<typeof aTeamDatabase>, query: Parameters<typeof SchoolQuery.parse>[0]) => listSchools(db.db, SchoolQuery.parse(query));
const names = (db: ReturnType<typeof aTeamDatabase>, query: Parameters<typeof SchoolQuery.parse>[0]) => search(db, query).rows.map((r) => r.name);

function aRegister() {
  const db = aTeamDatabase();
  for (const [name, town] of [["St Mary's Primary School", 'Ashby'], ['Westfield Academy', 'Brindle'], ['École Française', 'Carrow'], ['Stanmore Nursery', 'Dunmere'], ['Oakfield Primary', 'Stowe']]) {
    aSchool(db, { name, town, postcode: 'NW1 1AA' });
  }
  return db;
}

describe('searching the register', () => {
  it('finds three letters or more anywhere, and one or two at the start of a word', () => {
    const db = aRegister();
    expect(names(db, { search: 'field' })).toEqual(['Oakfield Primary', 'Westfield Academy']);
    expect(names(db, { search: 'st' })).toEqual(['Oakfield Primary', "St Mary's Primary School", 'Stanmore Nursery']);
    expect(names(db, { search: 'a' })).toEqual(["St Mary's Primary School", 'Westfield Academy']);
    // "mary" is inside "primary" too; "mary's" is not.
    expect(names(db, { search: 'st mary' })).toEqual(['Oakfield Primary', "St Mary's Primary School"]);
    expect(names(db, { search: "st mary's" })).toEqual(["St Mary's Primary School"]);
    expect(names(db, { search: 'w a' })).toEqual(['Westfield Academy']);
    expect(names(db, { search: "'" })).toHaveLength(5);
  });

  it('ignores capitals and accents on both sides', () => {
    const db = aRegister();
    expect(names(db, { search: 'ECOLE' })).toEqual(['École Française']);
    expect(names(db, { search: 'française' })).toEqual(['École Française']);
    expect(names(db, { search: 'é' })).toEqual(['École Française']);
  });

  it('answers a page in the order asked, with how many match in all', () => {
    const db = aTeamDatabase();
    for (let i = 0; i < 25; i++) aSchool(db, { name: `Aston School ${String(i).padStart(2, '0')}` });
    const first = search(db, { search: 'aston', limit: 10 });
    const rest = [search(db, { search: 'aston', limit: 10, offset: 10 }), search(db, { search: 'aston', limit: 10, offset: 20 })];
    expect([first.total, first.rows.length, ...rest.map((p) => p.rows.length)]).toEqual([25, 10, 10, 5]);
    const all = [first, ...rest].flatMap((p) => p.rows.map((r) => r.name));
    expect(all).toEqual(Array.from({ length: 25 }, (_, i) => `Aston School ${String(i).padStart(2, '0')}`));
    closeSchool(db.writeContext, first.rows[0]?.urn ?? '', '2026-08-31');
    expect(search(db, { search: 'as', statuses: ['open'], limit: 1 })).toMatchObject({ total: 24, rows: [{ name: 'Aston School 01' }] });
  });

  it('refuses a page bigger than the most one answer may hold', () => {
    expect(SchoolQuery.safeParse({ limit: 1001 }).success).toBe(false);
    expect(SchoolQuery.parse({}).limit).toBe(100);
  });
});
