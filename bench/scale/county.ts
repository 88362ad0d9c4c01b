/**
 * Builds a county team's database as it stands on TODAY after some years of use: 1,000 open
 * schools (and those that closed on the way), a team of about fifty with a turnover of seven a
 * year, and each year's visits, records, consultations, contacts, escalations, panel meetings
 * and INSET days, with the audit log all of that writes. Seeded, so every build is the same county.
 */
import { PanelInput } from '../../shared/domain/panels.ts';
import { ConnectionFields } from '../../shared/domain/people.ts';
import { addDays } from '../../shared/format.ts';
import { listYears } from '../../electron/app/calendar/service.ts';
import { createTeamDatabase } from '../../electron/app/db/team-db.ts';
import type { WriteContext } from '../../electron/app/db/write.ts';
import { savePanel } from '../../electron/app/panels/service.ts';
import { declareConnection } from '../../electron/app/people/service.ts';
import { updateSettings } from '../../electron/app/team/service.ts';
import { runYear, type Clock } from './history.ts';
import { addSchools, enterSchoolYears, HUBS } from './register.ts';
import { Rng } from './rng.ts';
import { Team } from './team.ts';

export const TODAY = '2026-11-24';
/** The school year TODAY falls in: its autumn term is under way. */
export const CURRENT_YEAR = 2026;
export const OPEN_SCHOOLS = 1000;
export const PASSPHRASE = 'scale benchmark passphrase 2026';
export const USER = 'Tess Manager';

const PANEL_TYPES = ['pupil_placement', 'behaviour_forum', 'inclusion_partnership', 'reintegration', 'other'] as const;

export function buildCounty(file: string, years: number, log: (line: string) => void = () => undefined): void {
  const rng = new Rng(20261124 + years);
  let instant = new Date(`${CURRENT_YEAR - years}-08-20T09:00:00Z`);
  const clock: Clock = { set: (date, time = '12:00') => (instant = new Date(`${date}T${time}:00Z`)) };
  const now = () => instant;
  const database = createTeamDatabase({ path: file, passphrase: PASSPHRASE, user: USER, teamName: 'Northshire Dedicated Schools Team', localAuthority: 'Northshire County Council', now });
  const ctx: WriteContext = { db: database.db, actor: USER, now };
  const transaction = <T>(work: () => T): T => database.db.transaction(work)();
  try {
    const first = CURRENT_YEAR - years;
    const starts = Array.from({ length: years + 1 }, (_, i) => first + i);
    transaction(() => {
      updateSettings(ctx, { defaultCapacity: 25 });
      enterSchoolYears(ctx, starts);
    });
    const closures = 4 * years;
    const team = transaction(() => {
      const schools = addSchools(ctx, rng, OPEN_SCHOOLS + closures);
      const t = new Team(ctx, rng, schools);
      for (let i = 0; i < 45; i++) t.hireWorker(HUBS[i % HUBS.length] ?? 'North', `${first - rng.int(0, 8)}-09-01`);
      for (let i = 0; i < 5; i++) t.hireManager(HUBS[i % HUBS.length] ?? 'North', `${first - rng.int(1, 8)}-04-01`);
      return t;
    });
    const panels = transaction(() =>
      Array.from({ length: 40 }, (_, i) =>
        savePanel(ctx, PanelInput.parse({ name: `${['Pupil Placement Panel', 'Behaviour Forum', 'Inclusion Partnership', 'Reintegration Panel', 'Fair Access Panel'][i % 5] ?? 'Panel'} ${Math.floor(i / 5) + 1}`, type: PANEL_TYPES[i % 5], area: HUBS[i % HUBS.length], everyWeeks: 2 + (i % 5), usualTime: '09:30', location: 'County Hall' })).id,
      ),
    );
    for (const [index, start] of starts.entries()) {
      const year = listYears(database.db).find((y) => y.label.startsWith(`${start}-`));
      if (!year) throw new Error(`no school year ${start}`);
      const began = Date.now();
      transaction(() => {
        clock.set(`${start}-09-01`, '08:00');
        if (index === 0) team.allocateAll(`${start}-09-01`);
        else team.review(`${start}-09-01`);
        if (index === 0) {
          for (const w of team.workers.slice(0, 12)) {
            const school = team.schools.find((s) => s.hub !== w.hub && !team.closed.has(s.urn));
            if (school) declareConnection(ctx, ConnectionFields.parse({ personId: w.id, urn: school.urn, kind: rng.pick(['own_child_attends', 'family_member_works_there', 'governor_or_trustee'] as const), from: `${start}-09-01` }));
          }
        }
        team.turnover(rng, start, TODAY);
        runYear({ ctx, clock, rng, team, year, today: TODAY, panels });
        if (start < CURRENT_YEAR) {
          for (let i = 0; i < 4; i++) {
            const school = rng.pick(team.openSchools().filter((s) => s.category !== 'apc'));
            clock.set(`${start + 1}-07-31`, '12:00');
            team.close(school, addDays(`${start + 1}-07-31`, -i));
          }
        }
      });
      log(`  ${year.label}: ${((Date.now() - began) / 1000).toFixed(1)} s`);
    }
  } finally {
    database.close();
  }
}
