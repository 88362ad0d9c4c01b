import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SchoolQuery } from '../../../shared/domain/schools.ts';
import { filterBySearch } from '../../../shared/domain/search.ts';
import { createDispatcher } from '../dispatcher.ts';
import { aSession, aTeamDatabase, PASSPHRASE, tempDir } from '../testing/builders.ts';
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

  it('through the API, "st peters" finds St Peter’s and "cafe" finds Café, however they are typed', async () => {
    const dispatch = createDispatcher(aSession());
    await dispatch('db.create', { path: path.join(tempDir(), 'search.linkdesk'), teamName: 'Search Team', localAuthority: 'Testshire', passphrase: PASSPHRASE, userName: 'Tess' });
    const add = (urn: string, name: string) => dispatch('schools.create', { urn, name, establishmentType: 'Community school', phase: 'Primary', laCode: '202', laName: 'Camden' });
    for (const [urn, name] of [['100700', 'St Peter’s CE Primary School'], ['100701', 'Café Learning Centre'], ['100702', 'Peterborough Academy'], ['100703', 'Saint Silas School']]) {
      expect((await add(urn ?? '', name ?? '')).ok).toBe(true);
    }
    const found = async (search: string) => {
      const answer = await dispatch('schools.list', { search });
      if (!answer.ok) throw new Error(answer.error.message);
      return (answer.value as { rows: { name: string }[] }).rows.map((r) => r.name);
    };
    for (const typed of ['st peters', "st peter's", 'St. Peter’s', 'saint peters', 'ST PETERS CE']) expect(await found(typed)).toEqual(['St Peter’s CE Primary School']);
    for (const typed of ['cafe', 'Café', 'CAFE', 'café learning']) expect(await found(typed)).toEqual(['Café Learning Centre']);
    expect(await found('saint')).toEqual(['Saint Silas School', 'St Peter’s CE Primary School']);
    expect(await found('sain')).toEqual(['Saint Silas School', 'St Peter’s CE Primary School']);
    expect(await found('peter')).toEqual(['Peterborough Academy', 'St Peter’s CE Primary School']);
  });

  it('a name with a line break or repeated spaces is kept on one line, single-spaced', async () => {
    const db = aTeamDatabase();
    aSchool(db, { urn: '100710', name: 'Hollins\nPrimary   School' });
    expect(names(db, { search: 'hollins primary' })).toEqual(['Hollins Primary School']);
  });

  it('the SQL search and the screens’ own filtering agree on every query', () => {
    const db = aTeamDatabase();
    const register = [
      'St Peter’s CE Primary School', "St Paul's Cathedral School", 'Holy Trinity and Saint Silas CofE Primary School, NW1', 'All Saints Academy',
      'Café Learning Centre', 'École Française', 'Pen-y-Garth Sixth–Form', 'Priestley Primary', "Fitzjohn's Primary School", 'St Josephs Catholic Primary School',
      'Ysgol Gymraeg Bro Ŵyr', 'Stanmore Nursery', 'Oakfield Primary', 'Peterborough Academy',
    ];
    register.forEach((name, i) => aSchool(db, { urn: String(100800 + i), name, town: i % 2 ? 'Ashby' : 'St Albans', postcode: 'NW1 1AA' }));
    const text = (name: string, i: number) => [name, String(100800 + i), i % 2 ? 'Ashby' : 'St Albans', 'NW1 1AA', 'NW11AA'].join(' ');
    const expected = (query: string) => filterBySearch(register.map((n, i) => ({ n, t: text(n, i) })), query, (r) => r.t).map((r) => r.n).sort();
    const typed = fc.string({ unit: fc.constantFrom(...'aceéfhilmnoprsty’\'-. ŵ1'), maxLength: 8 });
    fc.assert(
      fc.property(fc.array(typed, { maxLength: 3 }), (words) => {
        const query = words.join(' ');
        expect(search(db, { search: query, limit: 1000 }).rows.map((r) => r.name).sort()).toEqual(expected(query));
      }),
      { numRuns: 300 },
    );
  });
});
