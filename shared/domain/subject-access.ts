/**
 * A subject access request: everything LinkDesk holds about one child, found by the case-system
 * ID, or by initials with the year group (and the school, to narrow it). Year groups move up each
 * September, so an initials search finds the child under the year group the records give; search
 * again with the year before for older records (docs/data-protection.md).
 */
import { z } from 'zod';
import { oneFileToWrite } from './files.ts';
import { filePath, line } from './text.ts';
import { YEAR_GROUPS } from './records.ts';
import { Urn } from './schools.ts';

export const SubjectAccessQuery = z
  .object({
    caseId: line().max(30).optional(),
    initials: line().max(10).optional(),
    yearGroup: z.enum(YEAR_GROUPS, 'Choose the year group').optional(),
    urn: Urn.optional(),
  })
  .strict()
  .refine((q) => Boolean(q.caseId) !== Boolean(q.initials), { message: 'Search by the case ID, or by initials with the year group', path: ['caseId'] })
  .refine((q) => !q.initials || q.yearGroup, { message: 'Give the year group with the initials', path: ['yearGroup'] });
export type SubjectAccessQuery = z.output<typeof SubjectAccessQuery>;

export const SUBJECT_RECORD_KINDS = ['visit_record', 'consultation', 'escalation', 'contact'] as const;
export type SubjectRecordKind = (typeof SUBJECT_RECORD_KINDS)[number];
export const SUBJECT_RECORD_LABELS: Record<SubjectRecordKind, string> = { visit_record: 'SPOC visit record', consultation: 'Early Help Consultation', escalation: 'Escalation', contact: 'Contact' };

export interface SubjectAccessMatch {
  kind: SubjectRecordKind;
  id: string;
  /** The record's day, ISO. */
  date: string;
  school: string;
  urn: string;
  /** The screen showing the record (a visit record's or an escalation's page); null where it has none of its own. */
  link: string | null;
}

const SAVE_THE_BUNDLE = 'Enter where to save the bundle (.docx)';

/** Where the bundle goes: a path, or in browser mode a download (as the reports' exports). */
export const SubjectAccessExportInput = z
  .object({
    query: SubjectAccessQuery,
    path: filePath(SAVE_THE_BUNDLE).regex(/\.docx$/i, 'The file name must end in .docx').optional(),
    /** Browser mode: write it to a private temporary file and offer it as a download instead. */
    download: z.boolean().default(false),
    /** Replace a file already at the path (never a team database); otherwise an existing file is refused. */
    replace: z.boolean().default(false),
  })
  .strict()
  .superRefine(oneFileToWrite(SAVE_THE_BUNDLE));

/** A download's name: the day only, never the child's reference (it stays in the Downloads folder's listing). */
export const subjectAccessFileName = (day: string): string => `Subject access bundle ${day}.docx`;

export interface SubjectAccessBundle {
  /** Where it was saved (a download's file name). */
  path: string;
  records: number;
}

/** What stands in a bundle for another child's reference. */
export const ANOTHER_CHILD = '[another child]';

/** "JB Y4": a reference to a child as typed in free text. */
const REFERENCE_IN_TEXT = /\b([A-Z]{1,3})\s?Y(N|R|1[0-4]|[1-9])\b/g;

/**
 * Free text as the bundle shows it: every other child's reference (those the record lists, and
 * any "AB Y4" typed in the words) replaced, the subject's own kept.
 */
export function redactOthers(text: string, others: readonly string[], subject: { initials?: string | undefined; yearGroup?: string | undefined }): string {
  let out = text.replace(REFERENCE_IN_TEXT, (whole, initials: string, year: string) =>
    subject.initials && initials === subject.initials.toUpperCase() && year === subject.yearGroup ? whole : ANOTHER_CHILD,
  );
  for (const other of others) {
    const ref = other.trim();
    if (ref.length < 2) continue;
    out = out.replace(new RegExp(`(?<![\\w])${ref.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w])`, 'g'), ANOTHER_CHILD);
  }
  return out;
}
