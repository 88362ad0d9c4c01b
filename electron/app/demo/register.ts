/**
 * The demo team's register: fictional schools of every category across three hubs, a team of
 * workers, and a declared connection of each kind. Names are made up; URNs sit in a range
 * GIAS does not use, so demo data can never be mistaken for a real school.
 */
import { NewSchool } from '../../../shared/domain/schools.ts';
import { ConnectionFields, PersonFields, type Person, type PersonInput } from '../../../shared/domain/people.ts';
import type { TeamDatabase } from '../db/team-db.ts';
import { createPerson, declareConnection } from '../people/service.ts';
import { addSchool, setEnhancedSupport, setSchoolScope, updateSchoolTeamFields } from '../schools/service.ts';

const HUBS = ['North', 'Central', 'Coastal'] as const;
const PLACES = ['Ashby', 'Brindle', 'Carrow', 'Dunmere', 'Elmstead', 'Fenwick', 'Garston', 'Hollins', 'Ivybridge', 'Kelbrook', 'Langdon', 'Marwick'];

const KINDS: { type: string; phase: string; suffix: string; count: number }[] = [
  { type: 'Community school', phase: 'Primary', suffix: 'Primary School', count: 18 },
  { type: 'Voluntary aided school', phase: 'Primary', suffix: 'CE Primary School', count: 6 },
  { type: 'Academy converter', phase: 'Secondary', suffix: 'Academy', count: 8 },
  { type: 'Academy sponsor led', phase: 'All-through', suffix: 'All-through Academy', count: 2 },
  { type: 'Community special school', phase: 'Not applicable', suffix: 'Special School', count: 3 },
  { type: 'Pupil referral unit', phase: 'Not applicable', suffix: 'Learning Centre (APC)', count: 2 },
  { type: 'Further education', phase: '16 plus', suffix: 'College', count: 2 },
  { type: 'Other independent school', phase: 'Not applicable', suffix: 'Independent School', count: 2 },
  { type: 'Local authority nursery school', phase: 'Nursery', suffix: 'Nursery School', count: 2 },
];

const PUPILS_BY_TYPE: Record<string, number> = {
  'Community school': 320, 'Voluntary aided school': 210, 'Academy converter': 1050, 'Academy sponsor led': 1400,
  'Community special school': 120, 'Pupil referral unit': 45, 'Further education': 2600, 'Other independent school': 380,
  'Local authority nursery school': 90,
};

/**
 * A few names written as GIAS writes real ones (a curly apostrophe, "Saint" spelled out,
 * accents), so the demo shows search finding "st peters", "st marys", "ecole" and "cafe".
 */
const NAMES_AS_GIAS_WRITES_THEM: Readonly<Record<number, string>> = {
  18: 'St Peter’s CE Primary School',
  21: 'Saint Mary’s CE Primary School',
  41: 'École Française de Northshire',
  42: 'Le Petit Café Montessori School',
};

export const DEMO_WORKERS: PersonInput[] = [
  { name: 'Tess Manager', role: 'team_manager', email: 'tess.manager@northshire.example.gov.uk', phone: '01632 960001', hub: 'North', activeFrom: '2021-04-01', capacity: 4, level3Plans: 0 },
  { name: 'Amira Khan', role: 'fsw', email: 'amira.khan@northshire.example.gov.uk', phone: '01632 960102', hub: 'North', activeFrom: '2022-09-01', capacity: null, level3Plans: 2 },
  { name: 'Ben Oduya', role: 'fsw', email: 'ben.oduya@northshire.example.gov.uk', phone: '01632 960103', hub: 'North', activeFrom: '2023-01-09', capacity: 10, level3Plans: 3 },
  { name: 'Cerys Pritchard', role: 'fsw', email: 'cerys.pritchard@northshire.example.gov.uk', phone: '01632 960104', hub: 'Central', activeFrom: '2020-09-01', capacity: null, level3Plans: 1 },
  { name: 'Dev Sharma', role: 'fsw', email: 'dev.sharma@northshire.example.gov.uk', phone: '01632 960105', hub: 'Central', activeFrom: '2024-02-12', capacity: null, level3Plans: 2 },
  { name: 'Ellie Watson', role: 'fsw', email: 'ellie.watson@northshire.example.gov.uk', phone: '01632 960106', hub: 'Coastal', activeFrom: '2019-06-03', capacity: 14, level3Plans: 0 },
  { name: 'Farid Haddad', role: 'fsw', email: 'farid.haddad@northshire.example.gov.uk', phone: '01632 960107', hub: 'Coastal', activeFrom: '2025-09-01', capacity: null, level3Plans: 1 },
  { name: 'Grace Bello', role: 'team_manager', email: 'grace.bello@northshire.example.gov.uk', phone: '01632 960002', hub: 'Coastal', activeFrom: '2018-01-08', capacity: 3, level3Plans: 0 },
  { name: 'Jas Kaur', role: 'fsw', email: 'jas.kaur@northshire.example.gov.uk', phone: '01632 960109', hub: 'North', activeFrom: '2024-09-02', capacity: null, level3Plans: 1 },
  { name: 'Kemi Adeyemi', role: 'fsw', email: 'kemi.adeyemi@northshire.example.gov.uk', phone: '01632 960110', hub: 'Coastal', activeFrom: '2023-04-17', capacity: null, level3Plans: 2 },
  { name: 'Harry Lowe', role: 'fsw', email: 'harry.lowe@northshire.example.gov.uk', phone: '01632 960108', hub: 'Central', activeFrom: '2021-09-01', capacity: null, level3Plans: 2 },
];

export interface DemoRegister {
  schools: string[];
  people: Person[];
  /** The school that closes at October half term (demo/story.ts), after a story of every kind. */
  closing: string;
}

export function seedDemoRegister(db: TeamDatabase): DemoRegister {
  const ctx = db.writeContext;
  const urns: string[] = [];
  let n = 0;
  for (const kind of KINDS) {
    for (let i = 0; i < kind.count; i++, n++) {
      const place = PLACES[n % PLACES.length] ?? 'Ashby';
      const urn = String(990001 + n);
      const hub = HUBS[n % HUBS.length] ?? 'North';
      addSchool(ctx, NewSchool.parse({
        urn,
        name: NAMES_AS_GIAS_WRITES_THEM[n] ?? `${place}${i >= PLACES.length ? ' West' : ''} ${n % 5 === 0 && kind.phase === 'Primary' ? 'Juniors ' : ''}${kind.suffix}`,
        establishmentType: kind.type,
        phase: kind.phase,
        laCode: '999',
        laName: 'Northshire',
        town: place,
        postcode: `NS${1 + (n % 9)} ${1 + (n % 8)}${'ABDEFGHJ'[n % 8]}${'LNPQRSTU'[(n * 3) % 8]}`,
        phone: `01632 96${String(1000 + n).slice(-4)}`,
        pupils: PUPILS_BY_TYPE[kind.type] ? Math.round((PUPILS_BY_TYPE[kind.type] ?? 200) * (0.7 + ((n * 37) % 60) / 100)) : null,
      }));
      updateSchoolTeamFields(ctx, urn, {
        hub,
        dslName: `DSL of ${place}`,
        dslEmail: `dsl@${place.toLowerCase()}-${n}.northshire.example.sch.uk`,
        mainContact: 'School office',
        notes: n % 7 === 0 ? 'Prefers visits on Tuesday mornings.' : null,
      });
      urns.push(urn);
    }
  }
  setEnhancedSupport(ctx, urns[2] ?? '990003', { reasons: ['not_engaging', 'high_exclusions'], setOn: '2026-09-15' });
  setEnhancedSupport(ctx, urns[9] ?? '990010', { reasons: ['deprivation', 'other'], otherText: 'New head teacher, staffing gaps', setOn: '2026-10-02' });
  // An independent school that buys its early help elsewhere: out of scope by its own choice.
  setSchoolScope(ctx, urns[41] ?? '990042', false);

  const people = DEMO_WORKERS.map((w) => createPerson(ctx, PersonFields.parse(w)));
  // Iris leaves in July 2026; the allocations seed deactivates her after giving her history.
  const leaver = createPerson(ctx, PersonFields.parse({ name: 'Iris Fenton', role: 'fsw', email: 'iris.fenton@northshire.example.gov.uk', phone: '', hub: 'North', activeFrom: '2017-09-04', capacity: null }));

  const declare = (person: Person | undefined, urn: string | undefined, kind: 'own_child_attends' | 'family_member_works_there' | 'governor_or_trustee' | 'other', from: string, otherText?: string) => {
    if (!person || !urn) return;
    declareConnection(ctx, ConnectionFields.parse({ personId: person.id, urn, kind, from, ...(otherText ? { otherText } : {}) }));
  };
  declare(people[1], urns[0], 'own_child_attends', '2023-09-01');
  declare(people[3], urns[26], 'family_member_works_there', '2025-01-06');
  declare(people[5], urns[30], 'governor_or_trustee', '2022-11-01');
  declare(people[2], urns[4], 'other', '2026-03-01', 'Partner is the school business manager’s sibling');
  return { schools: urns, people: [...people, leaver], closing: urns[23] ?? '990024' };
}
