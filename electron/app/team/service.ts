import { DEFAULT_RETENTION_YEARS, RetentionYears } from '../../../shared/domain/retention.ts';
import { DEFAULT_DECLARATION_MONTH } from '../../../shared/domain/declarations.ts';
import fs from 'node:fs';
import { userPath } from '../paths.ts';
import { randomUUID } from 'node:crypto';
import { SCHOOL_CATEGORIES, type SchoolCategory } from '../../../shared/domain/schools.ts';
import {
  DEFAULT_BACKUPS_TO_KEEP, DEFAULT_CAPACITY, DEFAULT_COUNTY_AGREEMENT_CATEGORIES, DEFAULT_FAIRNESS_PERCENT, DEFAULT_SCHOOL_NURSE_CATEGORIES, DEFAULT_VISIT_AGREE_BY_WEEK,
  IDLE_LOCK_DEFAULT_MINUTES, TeamSettings, type Team, type TeamSettingsPatch,
} from '../../../shared/domain/team.ts';
import { AppError } from '../../../shared/errors.ts';
import type { Connection } from '../db/cipher.ts';
import { write, type WriteContext } from '../db/write.ts';
import { insertTeam, selectSettings, selectTeam, updateTeamNames, upsertSetting } from './repo.ts';

export function createTeam(ctx: WriteContext, name: string, localAuthority: string): Team {
  const id = randomUUID();
  write(ctx, (audit) => {
    insertTeam(ctx.db, { id, name, local_authority: localAuthority, created_at: ctx.now().toISOString(), created_by: ctx.actor });
    upsertSetting(ctx.db, 'idleLockMinutes', IDLE_LOCK_DEFAULT_MINUTES);
    upsertSetting(ctx.db, 'defaultCapacity', DEFAULT_CAPACITY);
    audit('team', id, 'create', 'Team database created');
  });
  return getTeam(ctx.db);
}

export function getTeam(db: Connection): Team {
  const row = selectTeam(db);
  if (!row) throw new AppError('not_linkdesk_database', 'This database has no team record, so it is not a LinkDesk team database.');
  const stored = selectSettings(db);
  // Settings added later have defaults, so databases made before them read as before.
  const numberOr = (key: string, fallback: number): number => {
    const value = stored.get(key);
    return typeof value === 'number' ? value : fallback;
  };
  const textOr = (key: string): string => {
    const value = stored.get(key);
    return typeof value === 'string' ? value : '';
  };
  const categories = TeamSettings.shape.categoriesInScope.safeParse(stored.get('categoriesInScope'));
  const booleanOr = (key: string, fallback: boolean): boolean => {
    const value = stored.get(key);
    return typeof value === 'boolean' ? value : fallback;
  };
  const categoriesOr = (key: string, fallback: readonly SchoolCategory[]): SchoolCategory[] => {
    const value = stored.get(key);
    return Array.isArray(value) ? SCHOOL_CATEGORIES.filter((c) => value.includes(c)) : [...fallback];
  };
  const settings: TeamSettings = {
    teamName: row.name,
    localAuthority: row.local_authority,
    idleLockMinutes: numberOr('idleLockMinutes', IDLE_LOCK_DEFAULT_MINUTES),
    defaultCapacity: numberOr('defaultCapacity', DEFAULT_CAPACITY),
    fairnessPercent: numberOr('fairnessPercent', DEFAULT_FAIRNESS_PERCENT),
    teamFolder: textOr('teamFolder'),
    backupsEnabled: booleanOr('backupsEnabled', true),
    backupFolder: textOr('backupFolder'),
    backupsToKeep: numberOr('backupsToKeep', DEFAULT_BACKUPS_TO_KEEP),
    // Unset means every category, as the SQL of schools/repo.ts reads it.
    categoriesInScope: categories.success ? categories.data : [...SCHOOL_CATEGORIES],
    visitAgreeByWeek: numberOr('visitAgreeByWeek', DEFAULT_VISIT_AGREE_BY_WEEK),
    insetDaysAreWorkingDays: booleanOr('insetDaysAreWorkingDays', true),
    countyAgreementCategories: categoriesOr('countyAgreementCategories', DEFAULT_COUNTY_AGREEMENT_CATEGORIES),
    schoolNurseCategories: categoriesOr('schoolNurseCategories', DEFAULT_SCHOOL_NURSE_CATEGORIES),
    retentionYears: retentionOf(stored.get('retentionYears')),
    declarationMonth: numberOr('declarationMonth', DEFAULT_DECLARATION_MONTH),
  };
  return { id: row.id, createdAt: row.created_at, createdBy: row.created_by, settings };
}

/** The stored periods over the defaults, kind by kind: a kind added later starts at its default. */
function retentionOf(value: unknown): RetentionYears {
  const stored = RetentionYears.partial().safeParse(value);
  return { ...DEFAULT_RETENTION_YEARS, ...(stored.success ? stored.data : {}) };
}

export function updateSettings(ctx: WriteContext, patch: TeamSettingsPatch): TeamSettings {
  const team = getTeam(ctx.db);
  const next = TeamSettings.parse({ ...team.settings, ...patch });
  // Kept in the order of the category list, so the same choice always reads and compares the same.
  next.categoriesInScope = SCHOOL_CATEGORIES.filter((c) => next.categoriesInScope.includes(c));
  // Category lists are kept in the register's order, so the same choice reads as no change.
  next.countyAgreementCategories = SCHOOL_CATEGORIES.filter((c) => next.countyAgreementCategories.includes(c));
  next.schoolNurseCategories = SCHOOL_CATEGORIES.filter((c) => next.schoolNurseCategories.includes(c));
  if (patch.teamFolder && patch.teamFolder !== team.settings.teamFolder) next.teamFolder = checkFolder(patch.teamFolder, 'teamFolder');
  if (patch.backupFolder && patch.backupFolder !== team.settings.backupFolder) next.backupFolder = checkFolder(patch.backupFolder, 'backupFolder');
  const changed = (Object.keys(next) as (keyof TeamSettings)[]).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(team.settings[k]));
  if (changed.length === 0) return next;
  write(ctx, (audit) => {
    if (changed.includes('teamName') || changed.includes('localAuthority')) {
      updateTeamNames(ctx.db, next.teamName, next.localAuthority);
    }
    for (const key of changed) {
      if (key !== 'teamName' && key !== 'localAuthority') upsertSetting(ctx.db, key, next[key]);
    }
    audit('settings', team.id, 'update', `Changed: ${changed.join(', ')}`);
  });
  return next;
}

/** A team or backup folder must be a full path to an existing folder (a shared drive that is connected). */
function checkFolder(folder: string, field: 'teamFolder' | 'backupFolder'): string {
  const full = userPath(folder, field, 'folder');
  if (!fs.existsSync(full) || !fs.statSync(full).isDirectory()) {
    throw new AppError('invalid_input', `The folder ${full} does not exist. Create it first, or connect the shared drive.`, { issues: [{ path: field, message: 'No such folder' }] });
  }
  return full;
}
