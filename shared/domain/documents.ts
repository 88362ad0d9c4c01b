/**
 * The documents the team produces: Word meeting records filled from templates, and the
 * published Excel SPOC list. The placeholders are the contract with a council's own template:
 * docs/templates.md lists them, and a template using any other is refused.
 */
import { z } from 'zod';
import { isoDate } from '../dates.ts';
import { pageFields } from './paging.ts';
import { Urn } from './schools.ts';
import { oneFileToRead, oneFileToWrite, TransferId } from './files.ts';
import { filePath } from './text.ts';

export const RECORD_KINDS = ['visit_record', 'consultation_record'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
export const RECORD_KIND_LABELS: Record<RecordKind, string> = { visit_record: 'SPOC visit record', consultation_record: 'Early Help Consultation record' };
/** The file name's description: `<yyyy-mm-dd> SPOC visit.docx`. */
export const RECORD_FILE_LABELS: Record<RecordKind, string> = { visit_record: 'SPOC visit', consultation_record: 'Early Help Consultation' };

/** A placeholder, or a loop with the placeholders allowed inside it. */
export type PlaceholderTree = Record<string, string | { description: string; inside: Record<string, string> }>;

const COMMON: PlaceholderTree = {
  teamName: 'The team’s name',
  localAuthority: 'The local authority',
  schoolName: 'The school’s name',
  urn: 'The school’s URN',
  date: 'The date of the meeting, as 24 November 2026',
  writtenBy: 'Who wrote the record',
  producedOn: 'The day the document was made',
  actions: {
    description: 'A table row repeated for each action: put {#actions} in its first cell and {/actions} in its last',
    inside: { who: 'Who does it', what: 'What is to be done', byWhen: 'By when (a date, or empty)' },
  },
};

export const PLACEHOLDERS: Record<RecordKind, PlaceholderTree> = {
  visit_record: {
    ...COMMON,
    term: 'The term and school year, as Autumn term 2026-27',
    schoolAttendees: 'Who attended from the school',
    teamAttendees: 'Who attended from the team',
    exclusionThresholdDays: 'The suspension threshold used, in school days (the placeholder keeps its name from when suspensions were fixed-term exclusions)',
    managedMovesInternal: 'Number of internal managed moves',
    managedMovesExternal: 'Number of external managed moves',
    managedMovesAgreed: 'Managed moves agreed',
    alternativeProvision: 'Alternative provision',
    unnotifiedExclusions: 'Exclusions not notified',
    otherIssues: 'Other issues',
    children: {
      description: 'A table row repeated for each child reviewed',
      inside: {
        initials: 'The child’s initials',
        yearGroup: 'Year group',
        caseId: 'Case-system ID, if any',
        category: 'Why the child was reviewed, and their attendance if recorded (with persistent or severe absence named)',
        statutoryIntervention: 'Meets the threshold for statutory education intervention',
        earlyHelpReferral: 'Meets the threshold for a referral to Family Early Help',
      },
    },
  },
  consultation_record: {
    ...COMMON,
    requestedBy: 'Who asked for the consultation',
    notesSharedOn: 'When the notes went to the attendees, head and DSL (or "not yet")',
    attendees: { description: 'A table row repeated for each attendee', inside: { name: 'Their name', role: 'Their role' } },
    areas: { description: 'Repeated for each of the six key areas', inside: { title: 'The key area', notes: 'The notes under it (or "Nothing raised")' } },
    children: { description: 'A table row repeated for each child discussed', inside: { initials: 'The child’s initials', yearGroup: 'Year group' } },
  },
};

/** A template without these would make a record that does not say which school or meeting it is about. */
export const REQUIRED_PLACEHOLDERS = ['schoolName', 'date'] as const;

/** Every placeholder path a kind allows: "teamName", "children", "children.initials". */
export function allowedPaths(kind: RecordKind): Set<string> {
  const paths = new Set<string>();
  for (const [name, value] of Object.entries(PLACEHOLDERS[kind])) {
    paths.add(name);
    if (typeof value !== 'string') for (const inner of Object.keys(value.inside)) paths.add(`${name}.${inner}`);
  }
  return paths;
}

export interface TemplateCheck {
  kind: RecordKind;
  placeholders: string[];
  unknown: string[];
  /** Placeholders the app fills that this template does not use: allowed, shown so nothing is left out by mistake. */
  missing: string[];
}

export interface TemplateVersion {
  id: string;
  kind: RecordKind;
  fileName: string;
  sha256: string;
  loadedBy: string;
  loadedAt: string;
  active: boolean;
}

export interface TemplatesState {
  kind: RecordKind;
  /** The template in use: a loaded one, or the default that comes with LinkDesk. */
  active: TemplateVersion | null;
  versions: TemplateVersion[];
}

export const GENERATED_KINDS = ['visit_record', 'consultation_record', 'spoc_list'] as const;
export interface GeneratedDocument {
  id: string;
  kind: (typeof GENERATED_KINDS)[number];
  sourceId: string | null;
  urn: string | null;
  schoolName: string | null;
  path: string;
  sha256: string;
  createdBy: string;
  createdAt: string;
}

export interface ProducibleRecord {
  kind: 'visit' | 'consultation';
  id: string;
  school: string;
  urn: string;
  date: string;
}

/** Meeting records and documents made are listed newest first, a page at a time. */
export const DOCUMENTS_PAGE = 50;
export const ProducibleQuery = z.object(pageFields(DOCUMENTS_PAGE, 500)).strict();
export const DocumentsQuery = z.object({ urn: Urn.optional(), sourceId: z.string().uuid().optional(), ...pageFields(DOCUMENTS_PAGE, 500) }).strict();

export const CreateRecordInput = z.object({ kind: z.enum(['visit', 'consultation']), id: z.string().uuid() }).strict();
export const LoadTemplateInput = z
  .object({ kind: z.enum(RECORD_KINDS), path: filePath('Choose the .docx file, or enter its full path').optional(), upload: TransferId.optional() })
  .strict()
  .superRefine(oneFileToRead('Choose the .docx file, or enter its full path'));
export const SpocListInput = z
  .object({
    path: filePath('Enter where to save the .xlsx file').regex(/\.xlsx$/i, 'The file name must end in .xlsx').optional(),
    /** Browser mode: write it to a private temporary file and offer it as a download instead. */
    download: z.boolean().default(false),
    validFrom: isoDate(),
    /** Saving with schools still to be allocated needs the user to have seen the gaps. */
    acceptGaps: z.boolean().default(false),
    /** Replace a file already at the path (never a team database); otherwise an existing file is refused. */
    replace: z.boolean().default(false),
  })
  .strict()
  .superRefine(oneFileToWrite('Enter where to save the .xlsx file'));

export interface SpocListRow {
  schoolName: string;
  urn: string;
  category: string;
  hub: string;
  spocName: string;
  spocEmail: string;
  spocPhone: string;
  secondaryName: string;
  secondaryEmail: string;
  secondaryPhone: string;
  managerName: string;
  managerEmail: string;
  managerPhone: string;
}

export const TO_BE_ALLOCATED = 'To be allocated';

export interface SpocListCheck {
  validFrom: string;
  schools: number;
  /** Schools with no named link worker on the date. */
  gaps: { urn: string; name: string }[];
}
