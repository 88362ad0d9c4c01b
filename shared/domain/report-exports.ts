/**
 * The inputs of the report's exports: the report's query (or the escalation log's period) and
 * where the file goes: a path, or in browser mode a download, never over an existing file
 * unless `replace`, and never over a team database (the one writer's rules).
 */
import { z } from 'zod';
import { oneFileToWrite } from './files.ts';
import { EscalationLogQuery, ReportQuery } from './reports.ts';
import { filePath } from './text.ts';

const fileFields = (extension: 'docx' | 'xlsx', what: string) => ({
  path: filePath(`Enter where to save the ${what}`).regex(new RegExp(`\\.${extension}$`, 'i'), `The file name must end in .${extension}`).optional(),
  /** Browser mode: write it to a private temporary file and offer it as a download instead. */
  download: z.boolean().default(false),
  /** Replace a file already at the path (never a team database); otherwise an existing file is refused. */
  replace: z.boolean().default(false),
});

export const ReportWordInput = ReportQuery.extend(fileFields('docx', 'Word report (.docx)')).strict().superRefine(oneFileToWrite('Enter where to save the Word report (.docx)'));
export const ReportExcelInput = ReportQuery.extend(fileFields('xlsx', 'workbook (.xlsx)')).strict().superRefine(oneFileToWrite('Enter where to save the workbook (.xlsx)'));

/** EscalationLogQuery with the file's fields; its own check (the end on or after the start) comes with it. */
export const EscalationLogInput = EscalationLogQuery.safeExtend(fileFields('docx', 'escalation log (.docx)')).strict().superRefine(oneFileToWrite('Enter where to save the escalation log (.docx)'));

export interface ReportFileResult {
  /** Where it was saved (a download's file name). */
  path: string;
  /** The period the file covers, as "Autumn term 2026-27". */
  period: string;
}

export interface EscalationLogFileResult {
  path: string;
  /** Escalations in the log. */
  escalations: number;
}
