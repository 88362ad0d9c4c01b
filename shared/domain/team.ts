import { z } from 'zod';
import { hasHiddenCharacters, line, withoutQuotes } from './text.ts';
import { SCHOOL_CATEGORIES, type SchoolCategory } from './schools.ts';
import { RetentionYears } from './retention.ts';
import { DeclarationMonth } from './declarations.ts';

/** A person's name as typed into a form: trimmed, not blank, not absurdly long. */
export const PersonName = line().min(1, 'Enter your name').max(100, 'Use 100 characters or fewer');

export const TeamName = line().min(2, 'Enter the team name').max(100, 'Use 100 characters or fewer');
export const LocalAuthority = line().min(2, 'Enter the local authority').max(100, 'Use 100 characters or fewer');

export const IDLE_LOCK_DEFAULT_MINUTES = 10;
/** Most schools one worker holds as named link worker, unless their own capacity says otherwise. */
export const DEFAULT_CAPACITY = 12;
export const DEFAULT_FAIRNESS_PERCENT = 25;
/** Automatic backups kept in the backup folder; older ones are removed. */
export const DEFAULT_BACKUPS_TO_KEEP = 10;
/** The backup folder when none is set: a folder of this name beside the database file. */
export const DEFAULT_BACKUP_FOLDER_NAME = 'Backups';
/** A term's visit is due to be agreed by the end of this week of term (the week the term starts in is the first). */
export const DEFAULT_VISIT_AGREE_BY_WEEK = 2;

/**
 * The categories whose allocation is agreed at county level by all the Dedicated Schools Team
 * managers. The default is West Sussex's rule (seed 004 section 3: APCs only); another council
 * may name other categories, or none.
 */
export const DEFAULT_COUNTY_AGREEMENT_CATEGORIES: readonly SchoolCategory[] = ['alternative_provision'];
/**
 * The categories the 5-19 school nurse team serves, for the "no consultation with the school
 * nurse team this term" flag: every school category but nurseries, further education colleges
 * and "other" (establishments that are not schools).
 */
export const DEFAULT_SCHOOL_NURSE_CATEGORIES: readonly SchoolCategory[] = ['primary', 'secondary', 'all_through', 'special', 'alternative_provision', 'independent'];

const Categories = z.array(z.enum(SCHOOL_CATEGORIES)).max(SCHOOL_CATEGORIES.length).refine((list) => new Set(list).size === list.length, 'Name each category once');

export const TeamSettings = z.object({
  teamName: TeamName,
  localAuthority: LocalAuthority,
  /** Minutes without keyboard or mouse activity before the database locks itself. */
  idleLockMinutes: z.number().int('Use whole minutes').min(1, 'Use at least 1 minute').max(240, 'Use 240 minutes or fewer'),
  defaultCapacity: z.number().int('Use a whole number').min(1, 'Use at least 1 school').max(200, 'Use 200 or fewer'),
  /** A worker's schools or pupils more than this % above the team average is a warning. */
  fairnessPercent: z.number().int('Use a whole number').min(0, 'Use 0 or more').max(500, 'Use 500 or fewer'),
  /** The folder (often on a shared drive) with a folder per school for meeting records; empty until set. */
  teamFolder: z
    .string()
    .overwrite(withoutQuotes)
    .max(200, 'Use a folder path of 200 characters or fewer')
    .refine((p) => !hasHiddenCharacters(p), 'The path holds a control or hidden character: type it again'),
  /** Automatic backups on closing and at least daily. */
  backupsEnabled: z.boolean(),
  /** Where automatic backups go, as a full path; empty means a Backups folder beside the database. */
  backupFolder: z
    .string()
    .overwrite(withoutQuotes)
    .max(200, 'Use a folder path of 200 characters or fewer')
    .refine((p) => !hasHiddenCharacters(p), 'The path holds a control or hidden character: type it again'),
  backupsToKeep: z.number().int('Use a whole number').min(1, 'Keep at least 1 backup').max(100, 'Keep 100 backups or fewer'),
  /**
   * The kinds of school the team serves (every kind until the team says otherwise): a school of
   * another kind is left out of the planner, the dashboard, the nurse flag and the SPOC list,
   * unless its own page puts it in scope.
   */
  categoriesInScope: z
    .array(z.enum(SCHOOL_CATEGORIES))
    .min(1, 'Choose at least one kind of school the team serves')
    .refine((c) => new Set(c).size === c.length, 'Name each kind of school once'),
  /** The week of term by whose end (Friday) every in-scope school's visit for the term should be agreed. */
  visitAgreeByWeek: z.number().int('Use a whole number of weeks').min(1, 'Use week 1 or later').max(12, 'Use week 12 or earlier'),
  /** INSET days count as working days for deadlines (the staff are in); false skips them as closed. */
  insetDaysAreWorkingDays: z.boolean(),
  /** Schools of these categories need a county-level agreement before a link worker is allocated. */
  countyAgreementCategories: Categories,
  /** Schools of these categories are flagged when the term has had no consultation with the school nurse team. */
  schoolNurseCategories: Categories,
  /** Years each kind of record is kept before a purge removes its children's references and notes (shared/domain/retention.ts). */
  retentionYears: RetentionYears,
  /** The month (1-12) of every worker's yearly re-declaration of connections, unless their own page sets another. */
  declarationMonth: DeclarationMonth,
});
export type TeamSettings = z.infer<typeof TeamSettings>;

export const TeamSettingsPatch = TeamSettings.partial().strict();
export type TeamSettingsPatch = z.infer<typeof TeamSettingsPatch>;

export interface Team {
  id: string;
  createdAt: string;
  createdBy: string;
  settings: TeamSettings;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  entity: string;
  entityId: string | null;
  action: string;
  summary: string | null;
}
