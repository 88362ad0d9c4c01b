/**
 * The demo team: fictional but realistic data, enough to use every screen. Each domain area
 * adds its part here as it lands.
 */
import fs from 'node:fs';
import nodePath from 'node:path';
import { SCHOOL_CATEGORIES } from '../../../shared/domain/schools.ts';
import { createTeamDatabase, type TeamDatabase } from '../db/team-db.ts';
import { updateSettings } from '../team/service.ts';
import { seedDemoActions } from './actions.ts';
import { seedDemoAllocations } from './allocations.ts';
import { seedDemoContacts } from './contacts.ts';
import { seedDemoDeclarations } from './declarations.ts';
import { seedDemoDocuments } from './documents.ts';
import { seedDemoEscalations } from './escalations.ts';
import { seedDemoLastYear } from './last-year.ts';
import { seedDemoPanels } from './panels.ts';
import { seedDemoGeography } from './geography.ts';
import { seedDemoRegister } from './register.ts';
import { seedDemoStory } from './story.ts';
import { seedDemoVisits } from './visits.ts';

export { DEMO_PASSPHRASE } from './passphrase.ts';

export const DEMO_TEAM = {
  teamName: 'North Hub Dedicated Schools Team',
  localAuthority: 'Northshire County Council',
};

export const DEMO_CATEGORIES_IN_SCOPE = SCHOOL_CATEGORIES.filter((c) => c !== 'further_education');

export function createDemoDatabase(path: string, passphrase: string, user: string, now?: () => Date): TeamDatabase {
  const db = createTeamDatabase({ path, passphrase, user, ...DEMO_TEAM, ...(now ? { now } : {}) });
  try {
    // The demo's team folder sits beside its database, so meeting records can be made at once.
    const teamFolder = nodePath.join(nodePath.dirname(nodePath.resolve(path)), 'Demo team folder');
    fs.mkdirSync(teamFolder, { recursive: true });
    // The county's post-16 team links with the FE colleges, so this team's scope leaves them out.
    updateSettings(db.writeContext, { idleLockMinutes: 15, teamFolder, categoriesInScope: DEMO_CATEGORIES_IN_SCOPE });
    const register = seedDemoRegister(db);
    seedDemoGeography(db, register);
    seedDemoDeclarations(db, register.people);
    seedDemoAllocations(db, register);
    seedDemoVisits(db, register.schools);
    seedDemoContacts(db, register);
    seedDemoPanels(db, register);
    seedDemoEscalations(db, register);
    seedDemoActions(db, register);
    seedDemoDocuments(db);
    seedDemoStory(db, register);
    // Last, so the screens that look for today's term among the years still find this year's first.
    seedDemoLastYear(db, register);
    return db;
  } catch (error) {
    db.close();
    fs.rmSync(path, { force: true });
    throw error;
  }
}
