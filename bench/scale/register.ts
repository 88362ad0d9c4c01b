/**
 * The county's standing data: school years, the register of schools, the team. Everything is
 * written through the app's own services, so the rows have the shapes the app writes.
 */
import { AcademicYearInput } from '../../shared/domain/calendar.ts';
import { PersonFields, type Person } from '../../shared/domain/people.ts';
import { NewSchool, TeamHeldFields } from '../../shared/domain/schools.ts';
import { dayOfWeek } from '../../shared/domain/working-days.ts';
import { addDays } from '../../shared/format.ts';
import { saveYears } from '../../electron/app/calendar/service.ts';
import type { WriteContext } from '../../electron/app/db/write.ts';
import { createPerson } from '../../electron/app/people/service.ts';
import { addSchool, updateSchoolTeamFields } from '../../electron/app/schools/service.ts';
import type { Rng } from './rng.ts';

export const HUBS = ['North', 'South', 'East', 'West'] as const;
const TOWNS = ['Ashby', 'Brindle', 'Carrow', 'Dunmere', 'Elmstead', 'Fenwick', 'Garston', 'Hollins', 'Ivybridge', 'Kelbrook', 'Langdon', 'Marwick', 'Netherby', 'Oakhampton', 'Pelham', 'Quarry Bank', 'Rowley', 'Stanmoor', 'Thistleton', 'Upwell', 'Wexcombe', 'Yarford'];
const NAMES = [
  "St Mary's", "St John's", "St Peter's", 'Holy Trinity', 'Oakfield', 'Riverside', 'Hillcrest', 'Meadowbank', 'Greenfields', 'Ashgrove', 'Beechwood', 'Castle',
  'Church Lane', 'Elmhurst', 'Fairfield', 'Kingsway', 'Lakeside', 'Northgate', 'Parkside', "Queen's Park", 'Redwood', 'Sandhill', 'Thornbury', 'Westfield',
  'Woodlands', 'Abbey', 'Brookside', 'Chestnut Grove', 'Danesfield', 'Eastbrook', 'Foxhill', 'Glebe', 'Harcourt', 'Highfield', 'Lime Tree', 'Millbrook',
];
const KINDS = [
  { share: 0.55, type: 'Community school', phase: 'Primary', suffix: 'Primary School', pupils: [120, 480] },
  { share: 0.12, type: 'Voluntary aided school', phase: 'Primary', suffix: 'C of E Primary School', pupils: [90, 320] },
  { share: 0.05, type: 'Community school', phase: 'Primary', suffix: 'Infant School', pupils: [90, 270] },
  { share: 0.16, type: 'Academy converter', phase: 'Secondary', suffix: 'Academy', pupils: [600, 1700] },
  { share: 0.02, type: 'Academy sponsor led', phase: 'All-through', suffix: 'All-through Academy', pupils: [900, 2000] },
  { share: 0.05, type: 'Community special school', phase: 'Not applicable', suffix: 'Special School', pupils: [60, 220] },
  { share: 0.02, type: 'Pupil referral unit', phase: 'Not applicable', suffix: 'Learning Centre', pupils: [20, 90] },
  { share: 0.03, type: 'Local authority nursery school', phase: 'Nursery', suffix: 'Nursery School', pupils: [40, 120] },
] as const;
const FIRST = ['Amira', 'Ben', 'Cerys', 'Dev', 'Ellie', 'Farid', 'Grace', 'Harry', 'Jas', 'Kemi', 'Liam', 'Maya', 'Niamh', 'Owen', 'Priya', 'Rhys', 'Sana', 'Tom', 'Uma', 'Will', 'Zara', 'Yusuf'];
const LAST = ['Khan', 'Oduya', 'Pritchard', 'Sharma', 'Watson', 'Haddad', 'Bello', 'Lowe', 'Kaur', 'Adeyemi', 'Evans', 'Hughes', 'Patel', 'Murphy', 'Nowak', 'Clarke', 'Ahmed', 'Davies'];

/** Weekday on or after a date (Saturday and Sunday move to Monday). */
function weekdayFrom(date: string): string {
  const day = dayOfWeek(date);
  return day === 6 ? addDays(date, 2) : day === 0 ? addDays(date, 1) : date;
}
const fridayOnOrBefore = (date: string) => addDays(date, -((dayOfWeek(date) + 2) % 7));
const mondayOfWeek = (date: string) => addDays(date, -((dayOfWeek(date) + 6) % 7));

/** Term dates of the school year starting in September of `start`, shaped like a council's. */
export function schoolYear(start: number): ReturnType<typeof AcademicYearInput.parse> {
  const next = start + 1;
  const term = (name: string, from: string, to: string, half: string) => {
    const halfTermFrom = mondayOfWeek(half);
    return { name, startsOn: weekdayFrom(from), endsOn: fridayOnOrBefore(to), halfTermFrom, halfTermTo: addDays(halfTermFrom, 4) };
  };
  return AcademicYearInput.parse({
    label: `${start}-${String(next % 100).padStart(2, '0')}`,
    terms: [
      term('autumn', `${start}-09-02`, `${start}-12-20`, `${start}-10-27`),
      term('spring', `${next}-01-05`, `${next}-03-29`, `${next}-02-17`),
      term('summer', `${next}-04-13`, `${next}-07-22`, `${next}-05-28`),
    ],
  });
}

export function enterSchoolYears(ctx: WriteContext, starts: number[]): void {
  saveYears(ctx, starts.map(schoolYear));
}

export interface CountySchool {
  urn: string;
  name: string;
  hub: (typeof HUBS)[number];
  category: 'primary' | 'secondary' | 'other' | 'apc';
}

export function addSchools(ctx: WriteContext, rng: Rng, count: number): CountySchool[] {
  const schools: CountySchool[] = [];
  for (let i = 0; i < count; i++) {
    let roll = rng.next();
    const kind = KINDS.find((k) => (roll -= k.share) < 0) ?? KINDS[0];
    const town = rng.pick(TOWNS);
    const name = `${rng.chance(0.3) ? `${town} ` : ''}${rng.pick(NAMES)} ${kind.suffix}${i % 7 === 0 ? ` (${town})` : ''}`;
    const urn = String(700000 + i * 3);
    const postcode = `NS${1 + (i % 19)} ${1 + (i % 9)}${'ABDEFGHJLNPQRSTUWXYZ'[i % 20] ?? 'A'}${'ABDEFGHJLNPQRSTUWXYZ'[(i * 7) % 20] ?? 'B'}`;
    addSchool(ctx, NewSchool.parse({ urn, name, establishmentType: kind.type, phase: kind.phase, laCode: '931', laName: 'Northshire', town, postcode, phone: `01632 ${String(960000 + i)}`, pupils: rng.int(kind.pupils[0], kind.pupils[1]) }));
    const hub = HUBS[i % HUBS.length] ?? 'North';
    updateSchoolTeamFields(ctx, urn, TeamHeldFields.parse({ hub, dslName: `${rng.pick(FIRST)} ${rng.pick(LAST)}`, dslEmail: `dsl${i}@school${i}.northshire.example.sch.uk`, mainContact: 'School office', notes: '' }));
    const category = kind.suffix === 'Learning Centre' ? 'apc' : kind.phase === 'Primary' ? 'primary' : kind.phase === 'Secondary' ? 'secondary' : 'other';
    schools.push({ urn, name, hub, category });
  }
  return schools;
}

/** `index` keeps each worker's email unique. */
export function hire(ctx: WriteContext, rng: Rng, index: number, role: 'fsw' | 'team_manager', hub: string, activeFrom: string): Person {
  const name = `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
  return createPerson(ctx, PersonFields.parse({
    name, role, email: `worker${index}@northshire.example.gov.uk`, phone: `01632 96${String(1000 + index).slice(-4)}`, hub, activeFrom,
    capacity: role === 'team_manager' ? 4 : rng.chance(0.3) ? rng.int(18, 30) : null, level3Plans: rng.int(0, 3),
  }));
}
