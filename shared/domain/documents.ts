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

/** A placeholder, or a loop with the placeholders (and loops) allowed inside it. */
export type PlaceholderTree = { [name: string]: string | { description: string; inside: PlaceholderTree } };

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

/**
 * The kinds of Word template LinkDesk fills: the meeting records, the termly and annual report
 * (whose tables LinkDesk lays out itself, so its template has one raw placeholder, {@report}, for
 * them) and the printable escalation log (LinkDesk's own layout only).
 */
export const TEMPLATE_KINDS = [...RECORD_KINDS, 'team_report', 'escalation_log'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];
/** Every kind may be the team's own template (Settings, Templates), since schema 24 the report and the escalation log too. */
export const TEMPLATE_KIND_LABELS: Record<TemplateKind, string> = { ...RECORD_KIND_LABELS, team_report: 'Termly and annual report', escalation_log: 'Escalation log' };

export const PLACEHOLDERS: Record<TemplateKind, PlaceholderTree> = {
  visit_record: {
    ...COMMON,
    term: 'The term and school year, as Autumn term 2026-27',
    version: 'Which version of the record this is and when it was saved, as Version 2, 3 Dec 2026',
    heldBy: 'The worker who held the visit (or "Not recorded")',
    heldWithoutProForma: 'Why the visit was held without a pro forma, or empty when one was sent',
    nextVisit: 'The date of the next visit, as 3 February 2027 (or "To be agreed")',
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
  team_report: {
    teamName: 'The team’s name',
    localAuthority: 'The local authority',
    marking: 'The protective marking: OFFICIAL',
    title: 'The report’s title, as Termly report: Autumn term 2026-27',
    period: 'The period and its dates, as Autumn term 2026-27 (1 Sep 2026 to 18 Dec 2026)',
    previousPeriod: 'The period it is compared with, and its dates',
    filters: 'The filters applied, as Hub: North (or "All hubs and workers")',
    sharing: 'Whether the report is the team’s own copy or shared outside the team (counts of 1-4 shown as fewer than 5)',
    producedOn: 'The day the figures were counted',
  },
  escalation_log: {
    teamName: 'The team’s name',
    localAuthority: 'The local authority',
    marking: 'The protective marking: OFFICIAL-SENSITIVE',
    period: 'The period, as 1 Sep 2026 to 18 Dec 2026',
    hub: 'The hub the log is limited to (or "All hubs")',
    producedOn: 'The day the log was printed',
    raised: 'Escalations raised in the period',
    toldWithin24h: 'Of those, the manager told within 24 hours',
    toldLate: 'Of those, the manager told late',
    notYetTold: 'Of those, the manager not yet told',
    open: 'Of those, still open',
    late: { description: 'A table row per escalation whose manager was told late', inside: { reference: 'The escalation’s reference', school: 'The school', hours: 'How long after raising the manager was told', reason: 'Why' } },
    escalations: {
      description: 'Repeated for each escalation raised in the period, oldest first',
      inside: {
        heading: 'Its reference, school and concern',
        clock: 'The 24-hour figure: told within 24 hours, late, or not yet',
        entries: {
          description: 'Each entry, as raised and then every correction, oldest first',
          inside: {
            entryHeading: 'Which entry it is, who recorded it and when',
            fields: { description: 'A table row per field of the entry', inside: { label: 'The field', value: 'What the entry holds (changed fields are marked)' } },
          },
        },
      },
    },
  },
};

/**
 * Placeholders filled with Word layout LinkDesk builds ({@name}): the report's headings and
 * tables, whose columns vary. Only these; any other raw placeholder would paste typed text into
 * the document's XML, so it is refused.
 */
export const RAW_PLACEHOLDERS: Partial<Record<TemplateKind, readonly string[]>> = { team_report: ['report'] };

/** A template without these would make a record that does not say which school or meeting it is about. */
export const REQUIRED_PLACEHOLDERS = ['schoolName', 'date'] as const;

/**
 * What a team's own template of each kind must hold, and why: without them the document would
 * not say what it is about, or would have nowhere to put what it is for. A finished document
 * loaded by mistake has none of them.
 */
export const REQUIRED_OF_KIND: Record<TemplateKind, { placeholders: readonly string[]; why: string }> = {
  visit_record: { placeholders: REQUIRED_PLACEHOLDERS, why: 'its records would not say which school or meeting they are about' },
  consultation_record: { placeholders: REQUIRED_PLACEHOLDERS, why: 'its records would not say which school or meeting they are about' },
  team_report: { placeholders: ['@report', 'period'], why: 'the report would not say which period it counts, or its figures would have nowhere to go' },
  escalation_log: { placeholders: ['period', 'escalations'], why: 'the log would not say which days it covers, or its escalations would have nowhere to go' },
};

/** Every placeholder path a kind allows: "teamName", "children", "children.initials". */
export function allowedPaths(kind: TemplateKind): Set<string> {
  const paths = new Set<string>();
  const walk = (tree: PlaceholderTree, prefix: string) => {
    for (const [name, value] of Object.entries(tree)) {
      const path = prefix ? `${prefix}.${name}` : name;
      paths.add(path);
      if (typeof value !== 'string') walk(value.inside, path);
    }
  };
  walk(PLACEHOLDERS[kind], '');
  return paths;
}

export interface TemplateCheck {
  kind: TemplateKind;
  placeholders: string[];
  unknown: string[];
  /** Placeholders the app fills that this template does not use: allowed, shown so nothing is left out by mistake. */
  missing: string[];
}

export interface TemplateVersion {
  id: string;
  kind: TemplateKind;
  fileName: string;
  sha256: string;
  loadedBy: string;
  loadedAt: string;
  active: boolean;
}

export interface TemplatesState {
  kind: TemplateKind;
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
  .object({ kind: z.enum(TEMPLATE_KINDS), path: filePath('Choose the .docx file, or enter its full path').optional(), upload: TransferId.optional() })
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
