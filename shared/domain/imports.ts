/** What the importers report, shared so the wizard shows exactly what the CLI prints. */
import { z } from 'zod';
import { filePath, line } from './text.ts';

export interface RowError {
  row: number;
  message: string;
}

export interface FieldChange {
  field: string;
  from: string | number | null;
  to: string | number | null;
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

export const GiasImportInput = z
  .object({
    path: filePath('Enter the path of the GIAS file'),
    laCodes: z.array(LaCode).max(50).default([]),
  })
  .strict();

export const GiasApplyInput = z
  .object({
    path: filePath('Enter the path of the GIAS file'),
    laCodes: z.array(LaCode).max(50).default([]),
    /** Apply the good rows of a file that also has errors: only after the user chose to. */
    applyGoodRows: z.boolean().default(false),
    /** The file as the preview saw it: a file changed since is refused. */
    expected: z.object({ bytes: z.number().int(), modifiedAt: z.string() }).optional(),
  })
  .strict();

export interface ImportProgress {
  task: string;
  phase: 'reading' | 'applying' | 'done';
  bytesRead: number;
  totalBytes: number;
}

export interface RowsImportResult {
  applied: number;
  dryRun: boolean;
  rejected: RowError[];
}
