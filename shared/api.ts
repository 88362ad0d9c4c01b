/**
 * The API contract: every method the renderer, the command line and the tests may call,
 * with its zod input schema and its output type. One dispatcher validates against these
 * schemas before any service runs, whichever transport the call came through.
 */
import { z } from 'zod';
import { isoDate } from './dates.ts';
import { filePath, line } from './domain/text.ts';
import { oneFileToRead, oneFileToWrite, TransferId, type DownloadTicket } from './domain/files.ts';
import type { FirstRunChecklist } from './domain/first-run.ts';
import { AllocationProposal, RefusedRowsInput, type AllocationImportResult, type AllocationPeriod, type BoardRow, type CoverageGaps, type Finding, type LoadReport, type ProposalCheck } from './domain/allocations.ts';
import { AcademicYearInput, TERM_NAMES, type AcademicYear } from './domain/calendar.ts';
import type { TermDatesImport } from './domain/term-dates.ts';
import { ContactInput, type Contact } from './domain/contacts.ts';
import { CorrectEscalationInput, RaiseEscalationInput, type EscalationDetail, type EscalationView } from './domain/escalations.ts';
import { ReportQuery, type TeamReport } from './domain/reports.ts';
import { EscalationLogInput, ReportExcelInput, ReportWordInput, type EscalationLogFileResult, type ReportFileResult } from './domain/report-exports.ts';
import {
  AddMeetingInput,
  AttendanceReportInput,
  GenerateMeetingsInput,
  PanelInput,
  RecordMeetingInput,
  UpdateMeetingInput,
  type AttendanceReport,
  type GeneratedMeetings,
  type Panel,
  type PanelDetail,
  type PanelMeeting,
  type PanelSummary,
} from './domain/panels.ts';
import type { Dashboard } from './domain/dashboard.ts';
import { DeclarationMonthInput, RecordDeclarationInput, type Declaration, type PersonDeclarations } from './domain/declarations.ts';
import { AccessAddInput, AccessEnableInput, AccessRemoveInput, type AccessState } from './domain/access.ts';
import { ActionDoneInput, ActionQuery, ActionReassignInput, ActionReopenInput, HandoverInput, type Action, type HandoverResult } from './domain/actions.ts';
import type { Page } from './domain/paging.ts';
import {
  CreateRecordInput,
  DocumentsQuery,
  LoadTemplateInput,
  ProducibleQuery,
  TEMPLATE_KINDS,
  SpocListInput,
  type GeneratedDocument,
  type ProducibleRecord,
  type SpocListCheck,
  type TemplateCheck,
  type TemplatesState,
} from './domain/documents.ts';
import { ConsultationInput, UpdateConsultationInput, VisitRecordInput, type Consultation, type VisitRecord, type VisitRecordVersion } from './domain/records.ts';
import { MoveVisitStatus, PlanManyInput, PlanVisitInput, type PlanManyResult, type PlannerRow, type Visit } from './domain/visits.ts';
import { GiasApplyInput, GiasImportInput, type GiasImportResult, type GiasPreview, type ImportProgress, type RowsImportResult } from './domain/imports.ts';
import { ConnectionFields, PersonFields, type Connection, type Person, type PersonDetail, type PersonSummary } from './domain/people.ts';
import { BulkTeamFieldsInput, HubImportInput, type BulkTeamFieldsResult, type HubImportResult } from './domain/school-bulk.ts';
import { EnhancedSupport, NewSchool, SCHOOL_CATEGORIES, SchoolQuery, SchoolScopeInput, TeamHeldFields, Urn, type School, type SchoolDetail, type SchoolSummary } from './domain/schools.ts';
import { ApplyPlanInput, PlanInput, WorkerBaseInput, type ApplyPlanResult, type PlannerMap, type PlanResult } from './domain/planner.ts';
import { PersonName, TeamSettingsPatch } from './domain/team.ts';
import type { AuditEntry, Team, TeamSettings } from './domain/team.ts';
import type { HistoryFinding } from './domain/history.ts';
import { SubjectAccessExportInput, SubjectAccessQuery, type SubjectAccessBundle, type SubjectAccessMatch } from './domain/subject-access.ts';
import { RetentionPurgeInput, type RetentionPurgeResult, type RetentionReview } from './domain/retention.ts';
import { TimelineQuery, type TimelinePage } from './domain/timeline.ts';
import { BackupSource, CreateInput, FilePath, Passphrase, RestoreInput, UnlockInput } from './domain/database.ts';

// Defined beside the team database's other inputs, where the first screens import them from
// without the whole contract; still part of it, so exported here too.
export { BackupSource, CreateInput, RestoreInput, UnlockInput };

/** Writing over an existing file needs the person's explicit choice; a team database is never replaced. */
const Replace = z.boolean().default(false);
const NoInput = z.object({}).strict();
const IsoDate = isoDate();
const ChooseTheFile = 'Choose the file, or enter its full path';
/** A file to read: a path (typed, pasted or chosen in a dialog) or, in browser mode, an upload's id. */
const FileToRead = { path: FilePath.optional(), upload: TransferId.optional() };
const RowsImportInput = z
  .object({
    ...FileToRead,
    dryRun: z.boolean().default(true),
    applyGoodRows: z.boolean().default(false),
    /** The file as the preview saw it: a file changed since is refused. */
    expected: z.object({ bytes: z.number().int(), modifiedAt: z.string() }).strict().optional(),
  })
  .strict()
  .superRefine(oneFileToRead(ChooseTheFile));

/** Describes a method: its input schema; the output type rides along as a phantom. */
export interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /** Never set at run time; carries the output type for the typed clients. */
  output?: O;
  summary: string;
}
function method<O>() {
  return <I extends z.ZodType>(input: I, summary: string): MethodSpec<I, O> => ({ input, summary });
}

export interface SessionInfo {
  path: string;
  teamName: string;
  localAuthority: string;
  user: string;
  /** Damage to the audit or escalation log found on opening; the database opens all the same. */
  integrityWarnings: HistoryFinding[];
}

export interface AppInfo {
  version: string;
  mode: 'electron' | 'browser' | 'cli';
  session: SessionInfo | null;
  /** A suggested folder for new team databases on this machine. */
  defaultFolder: string;
  demoPath: string;
  /** The passphrase of the bundled demo database (fictional data only). */
  demoPassphrase: string;
}

export interface RecentDatabase {
  path: string;
  teamName: string;
  lastOpenedAt: string;
  exists: boolean;
}

export interface CheckReport {
  ok: boolean;
  integrity: string[];
  cipherIntegrity: string[];
  /** Damage to the audit log's hash chain and the append-only triggers. */
  history: HistoryFinding[];
  schemaVersion: number;
  path: string;
}

export interface BackupFile {
  path: string;
  name: string;
  /** When it was taken (ISO), from its name. */
  takenAt: string;
  bytes: number;
}

/** The outcome of the latest automatic or "back up now" backup in this session. */
export interface BackupOutcome {
  /** The database it was for. */
  database: string;
  at: string;
  trigger: 'close' | 'daily' | 'now';
  ok: boolean;
  path?: string;
  /** Why it failed, in words a person can act on. */
  message?: string;
  code?: string;
}

export interface BackupsState {
  enabled: boolean;
  /** The folder in use (the default `Backups` beside the database when none is set). */
  folder: string;
  folderIsDefault: boolean;
  keep: number;
  backups: BackupFile[];
  last: BackupOutcome | null;
}

export interface BackupVerdict {
  path: string;
  teamName: string;
  schemaVersion: number;
  /** The moment a restore goes back to (ISO): when the backup was taken, or else its newest change. */
  returnsTo: string | null;
}

export interface RestoreResult {
  session: SessionInfo;
  returnsTo: string | null;
  from: string;
  /** Where the database as it was is kept (never deleted), or null when there was none. */
  keptAt: string | null;
}

export const api = {
  'app.info': method<AppInfo>()(NoInput, 'Version, transport and the open database, if any'),
  'app.activity': method<{ ok: true }>()(NoInput, 'The user is active (keeps the idle lock from closing the database)'),
  'recent.list': method<RecentDatabase[]>()(NoInput, 'Team databases recently opened on this machine'),
  'recent.forget': method<RecentDatabase[]>()(z.object({ path: FilePath }).strict(), 'Remove a file from the recent list (the file itself is untouched)'),
  'identity.get': method<{ userName: string | null }>()(NoInput, 'The name last given on this machine'),
  'db.create': method<SessionInfo>()(CreateInput, 'Create a new encrypted team database and open it'),
  'db.unlock': method<SessionInfo>()(UnlockInput, 'Open an existing team database with its passphrase'),
  'db.createDemo': method<SessionInfo>()(
    z.object({ path: FilePath, passphrase: Passphrase, userName: PersonName }).strict(),
    'Create a demo team database (fictional data) at a path and open it',
  ),
  'db.openDemo': method<SessionInfo>()(z.object({ userName: PersonName }).strict(), 'Open the demo team database, creating it if needed'),
  'db.inspect': method<{ path: string }>()(
    z.object({ path: FilePath }).strict(),
    'Check that a file looks like a team database, before asking for its passphrase',
  ),
  'db.lock': method<{ locked: true }>()(NoInput, 'Close the open database and forget its key'),
  'db.changePassphrase': method<{ changed: true }>()(
    z.object({ currentPassphrase: Passphrase, newPassphrase: Passphrase }).strict(),
    'Re-encrypt the open database with a new passphrase',
  ),
  'db.backup': method<{ path: string; bytes: number }>()(z.object({ path: FilePath }).strict(), 'Copy the open database, still encrypted, to a new .linkdesk file (never over an existing one)'),
  'db.check': method<CheckReport>()(NoInput, 'Run integrity_check and cipher_integrity_check on the open database'),
  'db.backups': method<BackupsState>()(NoInput, 'The automatic backup settings, the backups in the backup folder, and the last backup’s outcome'),
  'db.backupNow': method<BackupOutcome>()(NoInput, 'Take a verified backup into the backup folder now, and prune the oldest'),
  'db.checkBackup': method<BackupVerdict>()(BackupSource, 'Check a backup with its passphrase and say which date restoring it goes back to'),
  'db.restore': method<RestoreResult>()(
    RestoreInput,
    'Restore a backup over a database (the open one by default), keeping the current file aside; the restored database is then open',
  ),
  'access.list': method<AccessState>()(NoInput, 'Who has access to the open database, each with their own passphrase, and when each last opened it'),
  'access.enable': method<AccessState>()(AccessEnableInput, 'Give each person their own passphrase: the team passphrase becomes yours, and the database gets a new random key'),
  'access.add': method<AccessState>()(AccessAddInput, 'Give a person access with their own passphrase'),
  'access.remove': method<AccessState>()(AccessRemoveInput, 'Take a person’s access away; reencrypt also gives the database a new key, for someone who may have kept a copy'),
  'access.reencrypt': method<AccessState>()(NoInput, 'Give the database a new random key, sealed to everyone who has access (for someone removed who may have kept a copy)'),
  'team.get': method<Team>()(NoInput, 'The team record and its settings'),
  'team.updateSettings': method<TeamSettings>()(TeamSettingsPatch, 'Change team settings'),
  'subjectAccess.search': method<SubjectAccessMatch[]>()(SubjectAccessQuery, 'Every record naming one child, by case ID or by initials with year group (and school); audited'),
  'subjectAccess.export': method<SubjectAccessBundle & { download?: DownloadTicket }>()(
    SubjectAccessExportInput,
    'A Word bundle of everything held about one child, other children’s references redacted, to a new file (replace only if asked) or offered as a download (browser mode); audited',
  ),
  'retention.review': method<RetentionReview>()(NoInput, 'What is past the team’s retention period, kind by kind: how many records and the oldest'),
  'retention.purge': method<RetentionPurgeResult>()(
    RetentionPurgeInput,
    'Remove the children’s references and free text from every record past its period (confirmed by the person), keeping the rows and so the counts; audited',
  ),
  'schools.list': method<Page<SchoolSummary>>()(SchoolQuery, 'Search and filter the school register: a page of the schools matching, and how many match'),
  'schools.hubs': method<string[]>()(NoInput, 'The hubs used by the team’s schools'),
  'schools.get': method<SchoolDetail>()(z.object({ urn: Urn }).strict(), 'One school with its declared connections'),
  'schools.create': method<School>()(NewSchool.strict(), 'Add a school by hand'),
  'schools.updateTeamFields': method<School>()(
    z.object({ urn: Urn, fields: TeamHeldFields.strict() }).strict(),
    'Change the fields the team keeps about a school (hub, DSL, contact, notes)',
  ),
  'schools.setEnhancedSupport': method<School>()(
    z.object({ urn: Urn, support: EnhancedSupport.nullable() }).strict(),
    'Flag a school for enhanced support with reasons, or clear the flag',
  ),
  'schools.close': method<School>()(z.object({ urn: Urn, closedOn: IsoDate }).strict(), 'Close a school; it and its history are kept'),
  'schools.acknowledgeClosure': method<School>()(z.object({ urn: Urn }).strict(), 'Clear the "closed in GIAS" flag once dealt with'),
  'schools.setInScope': method<School>()(
    SchoolScopeInput,
    'Put a school in or out of the team’s scope whatever its category, or (null) let the team’s categories decide',
  ),
  'schools.timeline': method<TimelinePage>()(
    TimelineQuery,
    'A school’s story, newest first: link workers, visits, records, consultations, contacts, escalations, documents made, closure; a page at a time (pass `next` as `before`)',
  ),
  'schools.setMany': method<BulkTeamFieldsResult>()(
    BulkTeamFieldsInput,
    'Set the hub, DSL name or DSL email of several schools in one change (a field left out is kept, an empty one cleared); dryRun only counts what would change',
  ),
  'schools.importHubs': method<HubImportResult>()(
    HubImportInput,
    'Set schools’ hubs (and DSL details) from a .csv or .xlsx of URN and Hub: each row checked (dryRun, the default, changes nothing), then applied in one transaction',
  ),
  'gias.preview': method<GiasPreview>()(GiasImportInput, 'Read a GIAS establishment CSV and say what an import would change'),
  'gias.apply': method<GiasImportResult>()(GiasApplyInput, 'Import a GIAS establishment CSV in one transaction'),
  'imports.progress': method<ImportProgress | null>()(NoInput, 'Progress of the import running now, if any'),
  'people.list': method<PersonSummary[]>()(NoInput, 'The team’s workers, active and not'),
  'people.get': method<PersonDetail>()(z.object({ id: z.string().uuid() }).strict(), 'One worker with their declared connections'),
  'people.create': method<Person>()(PersonFields, 'Add a worker'),
  'people.update': method<Person>()(z.object({ id: z.string().uuid(), fields: PersonFields }).strict(), 'Change a worker'),
  'people.handover': method<HandoverResult>()(HandoverInput, 'Hand a leaver’s schools (through the allocation rules) and open actions to another worker; dryRun previews'),
  'people.deactivate': method<Person>()(z.object({ id: z.string().uuid(), activeTo: IsoDate }).strict(), 'Record a worker’s last day (never deleted)'),
  'people.importFile': method<RowsImportResult>()(RowsImportInput, 'Import workers from a .csv or .xlsx'),
  'connections.declare': method<Connection>()(ConnectionFields, 'Record a worker’s declared connection to a school'),
  'connections.end': method<Connection>()(z.object({ id: z.string().uuid(), to: IsoDate }).strict(), 'End a declared connection'),
  'connections.importFile': method<RowsImportResult>()(RowsImportInput, 'Import declared connections from a .csv or .xlsx'),
  'declarations.ofPerson': method<PersonDeclarations>()(z.object({ personId: z.string().uuid() }).strict(), 'A worker’s annual declarations of connections: their month, the latest, whether due, the history'),
  'declarations.record': method<Declaration>()(RecordDeclarationInput, 'Record a worker’s annual declaration: connections as listed, or nothing to declare'),
  'declarations.setMonth': method<PersonDeclarations>()(DeclarationMonthInput, 'Set the month of a worker’s yearly re-declaration (null: the team’s default)'),
  'allocations.check': method<ProposalCheck[]>()(
    z.object({ proposals: z.array(AllocationProposal).min(1).max(5000) }).strict(),
    'Judge allocations without saving them: the findings the rules raise',
  ),
  'allocations.assign': method<{ changed: number; findings: Finding[] }>()(
    AllocationProposal,
    'Allocate the named and secondary link workers of a school from a date (null leaves a role empty)',
  ),
  'allocations.board': method<BoardRow[]>()(
    z.object({ hub: line().max(60).optional(), category: z.enum(SCHOOL_CATEGORIES).optional() }).strict(),
    'Open schools with their current workers, unallocated first',
  ),
  'allocations.load': method<LoadReport>()(NoInput, 'Each active worker’s load against the team average'),
  'allocations.gaps': method<CoverageGaps>()(NoInput, 'Schools without a named or secondary worker, and allocations held by leavers'),
  'allocations.schoolHistory': method<AllocationPeriod[]>()(z.object({ urn: Urn }).strict(), 'Every allocation of a school, newest first'),
  'allocations.workerHistory': method<AllocationPeriod[]>()(z.object({ personId: z.string().uuid() }).strict(), 'Every school a worker held, newest first'),
  'allocations.onDate': method<AllocationPeriod[]>()(z.object({ urn: Urn, date: IsoDate }).strict(), 'Who held each role at a school on a date'),
  'allocations.importFile': method<AllocationImportResult>()(
    z.object({ ...FileToRead, dryRun: z.boolean().default(true) }).strict().superRefine(oneFileToRead(ChooseTheFile)),
    'Allocate from a spreadsheet (.xlsx or .csv), such as the published SPOC list',
  ),
  'allocations.saveRefused': method<{ path: string; rows: number; download?: DownloadTicket }>()(
    RefusedRowsInput.extend({ path: filePath('Enter where to save the .xlsx file').optional(), download: z.boolean().default(false), replace: Replace })
      .strict()
      .superRefine(oneFileToWrite('Enter where to save the .xlsx file')),
    'Save the refused rows of an allocations import (row, school, why) as an .xlsx (an existing file only when replace is true), or offer it as a download (browser mode)',
  ),
  'calendar.years': method<AcademicYear[]>()(NoInput, 'The school years entered, with their terms and half-terms'),
  'calendar.info': method<{ bankHolidays: { count: number; from: string; to: string }; schoolHolidaysAreWorkingDays: boolean }>()(
    NoInput,
    'The bank holidays held and whether school holidays count as working days',
  ),
  'calendar.setSchoolHolidaysAreWorkingDays': method<{ schoolHolidaysAreWorkingDays: boolean }>()(
    z.object({ value: z.boolean() }).strict(),
    'Whether school holidays count as working days for deadlines',
  ),
  'calendar.saveYear': method<AcademicYear>()(AcademicYearInput, 'Enter or correct a school year’s terms and half-terms'),
  'calendar.importBankHolidays': method<{ count: number; from: string; to: string }>()(
    z.object(FileToRead).strict().superRefine(oneFileToRead('Choose bank-holidays.json, or enter its full path')),
    'Replace the bank holidays with a newer gov.uk bank-holidays.json',
  ),
  'calendar.importTermDates': method<TermDatesImport>()(
    z
      .object({
        ...FileToRead,
        dryRun: z.boolean().default(true),
        choices: z.record(z.string().regex(/^\d{4}-\d{2}$/, 'Write the year as 2026-27'), z.string().max(40)).default({}),
        addInsetDays: z.boolean().default(false),
        /** The file as the preview saw it: a file changed since is refused. */
        expected: z.object({ bytes: z.number().int(), modifiedAt: z.string() }).strict().optional(),
      })
      .strict()
      .superRefine(oneFileToRead('Choose the term dates .ics file, or enter its full path')),
    'Work out the school years of a council term-dates .ics file (any layout): shows them with the event each date came from (dryRun, the default), or saves them all at once with the division chosen for any year that offers more than one (choices) and, if asked, its INSET days for every school served',
  ),
  'calendar.insetDays': method<string[]>()(z.object({ urn: Urn }).strict(), 'A school’s INSET days (closed to pupils)'),
  'calendar.setInsetDay': method<string[]>()(
    z.object({ urn: Urn, day: IsoDate, closed: z.boolean() }).strict(),
    'Add or remove one of a school’s INSET days',
  ),
  'calendar.deadlines': method<{ visit: string; sendProForma: string; proFormaDue: string }>()(
    z.object({ visit: IsoDate, urn: Urn.optional() }).strict(),
    'The pro forma dates of a visit: send 10 working days before, due back 5 before',
  ),
  'visits.planner': method<PlannerRow[]>()(
    z.object({ yearLabel: z.string().regex(/^\d{4}-\d{2}$/, 'Write the year as 2026-27') }).strict(),
    'Every open school in scope with its three termly visits of a school year, and its SPOC and secondary link worker today',
  ),
  'visits.forSchool': method<Visit[]>()(z.object({ urn: Urn }).strict(), 'A school’s termly visits, newest year first'),
  'visits.checkDate': method<{ warnings: string[]; deadlines: { sendProForma: string; proFormaDue: string } | null }>()(
    z.object({ urn: Urn, date: IsoDate, term: z.enum(TERM_NAMES).optional(), yearLabel: z.string().regex(/^\d{4}-\d{2}$/, 'Write the year as 2026-27').optional() }).strict(),
    'The pro forma deadlines of a proposed visit date, and any warnings about it (given the year and term, as they stand for that visit)',
  ),
  'visits.plan': method<{ visit: Visit; warnings: string[] }>()(PlanVisitInput, 'Agree (or move) a termly visit, or mark it to be agreed'),
  'visits.planMany': method<PlanManyResult>()(
    PlanManyInput,
    'A term’s dates for many schools in one transaction (the planner’s grid): each row agreed or only proposed, with the single visit’s rules and warnings; a dry run saves nothing, and a refused row (named with its field) stops the save unless saveGood',
  ),
  'visits.exportCalendar': method<{ path: string; events: number; download?: DownloadTicket }>()(
    z
      .object({ path: FilePath.optional(), download: z.boolean().default(false), from: IsoDate, to: IsoDate, replace: Replace })
      .strict()
      .superRefine(oneFileToWrite('Enter where to save the .ics file')),
    'Write the visits, pro forma deadlines and panel meetings in a date range to an .ics file for Outlook (an existing file only when replace is true), or offer it as a download (browser mode)',
  ),
  'visits.setStatus': method<Visit>()(MoveVisitStatus, 'Move a visit on: pro forma sent or returned, held, record written, cancelled'),
  'contacts.log': method<Contact>()(ContactInput, 'Log a contact with a school: who, when, how, what, and any follow-up'),
  'contacts.forSchool': method<Contact[]>()(z.object({ urn: Urn }).strict(), 'A school’s contact log, newest first'),
  'contacts.completeFollowUp': method<Contact>()(z.object({ id: z.string().uuid(), on: IsoDate }).strict(), 'Mark a contact’s follow-up done'),
  'records.visitGet': method<VisitRecord | null>()(
    z.object({ visitId: z.string().uuid(), version: z.number().int().min(1).optional() }).strict(),
    'The record of a termly visit, if written: the current one, or an earlier version',
  ),
  'records.visitVersions': method<VisitRecordVersion[]>()(z.object({ visitId: z.string().uuid() }).strict(), 'Who saved each version of a visit record, and when, newest first'),
  'records.visitWrite': method<{ record: VisitRecord; warnings: string[] }>()(VisitRecordInput, 'Write (or rewrite) the record of a held visit'),
  'consultations.record': method<{ consultation: Consultation; warnings: string[] }>()(ConsultationInput, 'Record an Early Help Consultation'),
  'consultations.update': method<{ consultation: Consultation; warnings: string[] }>()(
    UpdateConsultationInput,
    'Update a saved Early Help Consultation, for example to add when the notes were shared',
  ),
  'consultations.list': method<Consultation[]>()(z.object({ urn: Urn.optional() }).strict(), 'Early Help Consultations, newest first'),
  'consultations.withoutNurse': method<{ term: string | null; schools: { urn: string; name: string }[] }>()(
    NoInput,
    'Open schools with no consultation with the school nurse team this term',
  ),
  'panels.list': method<PanelSummary[]>()(NoInput, 'The panels the team attends, with each one’s next meeting'),
  'panels.save': method<Panel>()(PanelInput, 'Add a panel, or change one (give its id)'),
  'panels.get': method<PanelDetail>()(z.object({ id: z.string().uuid() }).strict(), 'A panel and all its meetings'),
  'panels.generate': method<GeneratedMeetings>()(GenerateMeetingsInput, 'Add a panel’s meetings every N weeks of term time between two dates (dryRun: only say which)'),
  'panels.addMeeting': method<{ meeting: PanelMeeting; warnings: string[] }>()(AddMeetingInput, 'Add one meeting outside the schedule'),
  'panels.meeting': method<PanelMeeting>()(z.object({ id: z.string().uuid() }).strict(), 'One panel meeting with its attendance'),
  'panels.updateMeeting': method<{ meeting: PanelMeeting; warnings: string[] }>()(UpdateMeetingInput, 'Move a meeting, or cancel or reinstate it'),
  'panels.recordMeeting': method<PanelMeeting>()(RecordMeetingInput, 'Who from the team is expected, attended or sent apologies; notes, themes and tags'),
  'panels.uncovered': method<PanelMeeting[]>()(
    z.object({ weeks: z.number().int().min(1).max(52).default(8) }).strict(),
    'Coming meetings with nobody from the team expected yet',
  ),
  'panels.attendance': method<AttendanceReport>()(AttendanceReportInput, 'Attendance at the meetings held in a period, by panel and by person'),
  'escalations.list': method<EscalationView[]>()(
    z.object({ which: z.enum(['open', 'all']).default('open') }).strict(),
    'The escalation log: each escalation’s latest entry and its 24-hour manager clock',
  ),
  'escalations.get': method<EscalationDetail>()(z.object({ id: z.string().uuid() }).strict(), 'One escalation with every entry, oldest first'),
  'escalations.raise': method<EscalationView>()(RaiseEscalationInput, 'Log a safeguarding escalation'),
  'escalations.correct': method<EscalationView>()(
    CorrectEscalationInput,
    'Add an entry that corrects or completes the latest one (the log is append-only: nothing is changed or deleted)',
  ),
  'reports.build': method<TeamReport>()(ReportQuery, 'The termly or annual report: a period’s figures beside the previous period’s, for the team, a hub or a worker (counts only)'),
  'reports.exportWord': method<ReportFileResult & { download?: DownloadTicket }>()(
    ReportWordInput,
    'Save the report as a Word document (OFFICIAL; counts of 1-4 as "fewer than 5" when shared), or offer it as a download',
  ),
  'reports.exportExcel': method<ReportFileResult & { download?: DownloadTicket }>()(
    ReportExcelInput,
    'Save the report as an Excel workbook (a sheet per table and a long Data sheet for pivot tables), or offer it as a download',
  ),
  'reports.exportEscalationLog': method<EscalationLogFileResult & { download?: DownloadTicket }>()(
    EscalationLogInput,
    'Save the escalation log of a period for audit (OFFICIAL-SENSITIVE: every entry with its corrections and the 24-hour figures), or offer it as a download',
  ),
  'documents.producible': method<Page<ProducibleRecord>>()(
    ProducibleQuery,
    'Visits with a written record, and consultations: the meeting records that can be made, newest first, a page at a time',
  ),
  'documents.createRecord': method<GeneratedDocument>()(CreateRecordInput, 'Make the Word meeting record of a visit or a consultation in the team folder'),
  'documents.exportRecord': method<GeneratedDocument>()(
    CreateRecordInput.extend({ path: FilePath, replace: Replace }).strict(),
    'Make the Word meeting record of a visit or a consultation as a named .docx file (an existing file only when replace is true)',
  ),
  'documents.list': method<Page<GeneratedDocument>>()(DocumentsQuery, 'Documents made, newest first, a page at a time: path, sha256, who and when'),
  'documents.open': method<{ opened: true }>()(z.object({ id: z.string().uuid() }).strict(), 'Open a document LinkDesk made, in Word or Excel'),
  'documents.templates': method<TemplatesState[]>()(NoInput, 'The templates in use (meeting records, the report, the escalation log), and those loaded before'),
  'documents.checkTemplate': method<TemplateCheck>()(LoadTemplateInput, 'List a .docx template’s placeholders: unknown ones, and those it leaves out'),
  'documents.loadTemplate': method<TemplatesState[]>()(LoadTemplateInput, 'Use a team’s own .docx template (refused if it has unknown placeholders)'),
  'documents.useTemplate': method<TemplatesState[]>()(
    z.object({ kind: z.enum(TEMPLATE_KINDS), id: z.string().uuid().nullable() }).strict(),
    'Go back to an earlier template, or to LinkDesk’s own (id null)',
  ),
  'documents.checkSpocList': method<SpocListCheck>()(z.object({ validFrom: IsoDate }).strict(), 'The open schools on the SPOC list, and those with no named link worker'),
  'documents.exportSpocList': method<{ path: string; rows: number; gaps: number; download?: DownloadTicket }>()(
    SpocListInput,
    'Save the published SPOC contact list as an .xlsx, or offer it as a download (browser mode)',
  ),
  'planner.propose': method<PlanResult>()(
    PlanInput,
    'Propose the best allocation of a set of schools by the team’s weights (HiGHS, in a worker thread, within the time limit), explained',
  ),
  'planner.apply': method<ApplyPlanResult>()(ApplyPlanInput, 'Apply a plan through the allocation rules, in one transaction, its warnings accepted with the reason'),
  'planner.map': method<PlannerMap>()(NoInput, 'The team’s open schools in scope on the British National Grid with their named worker now, and the workers’ bases'),
  'planner.setBase': method<{ changed: boolean }>()(WorkerBaseInput, 'Set where a worker sets out from: a school, a point (easting, northing) or none'),
  'dashboard.get': method<Dashboard>()(NoInput, 'What needs doing: overdue and this week'),
  'actions.list': method<Action[]>()(ActionQuery, 'The action list: open (the default), done or all, by owner, school or due before a day'),
  'actions.done': method<Action>()(ActionDoneInput, 'Mark an action done on a day (the person at the keyboard is recorded)'),
  'actions.reopen': method<Action>()(ActionReopenInput, 'Open a done action again'),
  'actions.reassign': method<Action>()(ActionReassignInput, 'Give an action to another worker, and optionally a new due date'),
  'dashboard.firstRun': method<FirstRunChecklist>()(NoInput, 'The first-run checklist of a new team database: each step of setting it up, and whether it is done'),
  'audit.list': method<AuditEntry[]>()(
    z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
    'The most recent entries of the audit log',
  ),
} as const;

export type Api = typeof api;
export type MethodName = keyof Api;
export type InputOf<M extends MethodName> = z.input<Api[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Api[M]['input']>;
export type OutputOf<M extends MethodName> = Api[M] extends MethodSpec<z.ZodType, infer O> ? O : never;

export const METHOD_NAMES = Object.keys(api) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(api, name);
}
