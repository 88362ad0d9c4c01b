/** What the importers report, shared so the wizard shows exactly what the CLI prints. */
import { z } from 'zod';
import { oneFileToRead, TransferId } from './files.ts';
import { formatDate } from '../format.ts';
import { CATEGORY_LABELS, STATUS_LABELS, type SchoolCategory, type SchoolStatus } from './schools.ts';
import { filePath, line } from './text.ts';

export interface RowError {
  row: number;
  /** The column at fault, as the file's header names it, when one cell is. */
  field?: string;
  message: string;
}

export interface FieldChange {
  field: string;
  from: string | number | null;
  to: string | number | null;
}

/** The GIAS facts as the school page names them, for the preview of what an import changes. */
export const GIAS_FIELD_LABELS: Record<string, string> = {
  name: 'Name', establishmentType: 'Type of establishment', phase: 'Phase', category: 'Category', status: 'Status', laCode: 'LA code',
  laName: 'Local authority', street: 'Street', locality: 'Locality', address3: 'Address line 3', town: 'Town', county: 'County',
  postcode: 'Postcode', phone: 'Telephone', website: 'Website', headTeacher: 'Head teacher', pupils: 'Pupils', easting: 'Easting',
  northing: 'Northing', openedOn: 'Opened', closedOn: 'Closed',
};

/** One changed fact in words: "Category: Primary → Secondary", "Closed: (blank) → 31 Aug 2026". */
export function describeFieldChange(change: FieldChange): string {
  const shown = (v: string | number | null): string => {
    if (v === null || v === '') return '(blank)';
    if (change.field === 'category') return CATEGORY_LABELS[v as SchoolCategory] ?? String(v);
    if (change.field === 'status') return STATUS_LABELS[v as SchoolStatus] ?? String(v);
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(v);
    return typeof v === 'number' ? v.toLocaleString('en-GB') : v;
  };
  return `${GIAS_FIELD_LABELS[change.field] ?? change.field}: ${shown(change.from)} → ${shown(change.to)}`;
}

export interface PlannedSchool {
  row: number;
  urn: string;
  name: string;
}

export interface GiasPreview {
  file: { path: string; bytes: number; modifiedAt: string };
  counts: { added: number; updated: number; unchanged: number; skipped: number; errors: number; filteredOut: number; closing: number };
  /** Each list holds at most PREVIEW_LIST_LIMIT entries; the counts are complete. */
  added: PlannedSchool[];
  updated: (PlannedSchool & { changes: FieldChange[]; closing: boolean })[];
  skipped: (PlannedSchool & { reason: string })[];
  errors: RowError[];
}

export interface GiasImportResult {
  applied: boolean;
  counts: GiasPreview['counts'];
  errors: RowError[];
}

export const PREVIEW_LIST_LIMIT = 500;

export const LaCode = line().regex(/^\d{3}$/, 'An LA code is three digits, like 202');

const ChooseGias = 'Choose the GIAS file, or enter its full path';

export const GiasImportInput = z
  .object({
    path: filePath(ChooseGias).optional(),
    upload: TransferId.optional(),
    laCodes: z.array(LaCode).max(50).default([]),
  })
  .strict()
  .superRefine(oneFileToRead(ChooseGias));

export const GiasApplyInput = z
  .object({
    path: filePath(ChooseGias).optional(),
    upload: TransferId.optional(),
    laCodes: z.array(LaCode).max(50).default([]),
    /** Apply the good rows of a file that also has errors: only after the user chose to. */
    applyGoodRows: z.boolean().default(false),
    /** The file as the preview saw it: a file changed since is refused. */
    expected: z.object({ bytes: z.number().int(), modifiedAt: z.string() }).optional(),
  })
  .strict()
  .superRefine(oneFileToRead(ChooseGias));

export interface ImportProgress {
  task: string;
  phase: 'reading' | 'applying' | 'done';
  bytesRead: number;
  totalBytes: number;
}

/** A row of a people or connections import that adds or changes something. */
export interface PlannedRow {
  row: number;
  /** The person, or the person and the school. */
  name: string;
  /** For a change: the fields that change, by their column names. */
  changes?: string[];
}

/**
 * What a people or connections import would do (a dry run: the preview) or did. The lists hold
 * at most PREVIEW_LIST_LIMIT rows each; the counts are complete.
 */
export interface RowsImportResult {
  applied: number;
  dryRun: boolean;
  rejected: RowError[];
  counts: { added: number; updated: number; unchanged: number; refused: number };
  added: PlannedRow[];
  updated: PlannedRow[];
  /** The file as it was read, so an import after its preview can refuse a file changed since. */
  file: { name: string; bytes: number; modifiedAt: string };
}
