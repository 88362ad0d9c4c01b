/**
 * Every limit on the files LinkDesk reads, in one place; README.md ("Limits on imported files")
 * lists them. Each is far above any real file of its kind (a county's people list, the national
 * GIAS download, a council's term dates, gov.uk's bank holidays, a letterhead template) and far
 * below what would stall the app or exhaust its memory. A file over a limit is refused, within
 * seconds, with a message naming the file and the limit, and nothing is changed.
 */
import path from 'node:path';
import { AppError } from '../../../shared/errors.ts';

const MB = 1024 * 1024;

export interface TableLimits {
  fileBytes: number;
  rows: number;
  columns: number;
  cellCharacters: number;
}

/** People, declared connections and allocations, from .csv or .xlsx. */
export const SPREADSHEET_LIMITS: TableLimits = { fileBytes: 20 * MB, rows: 20_000, columns: 200, cellCharacters: 32_767 };

/** The DfE GIAS establishment download: about 60 MB, 50,000 rows and 140 columns today. */
export const GIAS_LIMITS: TableLimits = { fileBytes: 300 * MB, rows: 200_000, columns: 400, cellCharacters: 10_000 };

/** Any zip package LinkDesk opens (.xlsx, .docx): parts, and bytes once inflated (declared and actual). */
export interface ZipLimits {
  entries: number;
  uncompressedBytes: number;
}

export const XLSX_ZIP_LIMITS: ZipLimits = { entries: 2_000, uncompressedBytes: 50 * MB };
/** One worksheet row's XML, however many cells it holds: a guard while streaming the sheet. */
export const XLSX_ROW_XML_CHARACTERS = 8 * MB;

/**
 * A team's own Word template: a letterhead with images, a few pages of text and tables, about a
 * hundred placeholders (LinkDesk's own has 17 KB of XML and about 1,000 elements). docxtemplater
 * holds and walks every XML element of every part, for every record made: 117,000 elements
 * (1 MB of XML) took it 9 s and 325 MB on a busy 2-core machine, 9 MB of XML 58 s and 1.2 GB.
 */
export const DOCX_TEMPLATE_LIMITS = {
  fileBytes: 20 * MB,
  zip: { entries: 1_000, uncompressedBytes: 100 * MB } satisfies ZipLimits,
  xmlBytes: 5 * MB,
  xmlElements: 100_000,
  tags: 2_000,
};

/** A council's term-dates calendar (.ics). */
export const TERM_DATES_LIMITS = { fileBytes: 2 * MB, events: 5_000, lineCharacters: 10_000, firstYear: 2000, lastYear: 2100 };

/** gov.uk's bank-holidays.json (about 80 England and Wales dates today). */
export const BANK_HOLIDAY_LIMITS = { fileBytes: 1 * MB, dates: 2_000, firstYear: 1990, lastYear: 2100 };

export const formatCount = (n: number): string => n.toLocaleString('en-GB');

export function formatBytes(bytes: number): string {
  return bytes >= MB ? `${formatCount(Math.round(bytes / MB))} MB` : `${formatCount(Math.round(bytes / 1024))} KB`;
}

/**
 * The refusal of a file over a limit: `has more than 200 columns (the limit is 200)`. The file
 * is named by its name only: the message may reach a log, and a full path can name a person.
 */
export function overLimit(file: string, what: string, limit: string, details: Record<string, unknown> = {}): AppError {
  const name = path.basename(file);
  return new AppError('invalid_input', `${name} ${what} (the limit is ${limit}). Nothing was changed.`, { file: name, limit, ...details });
}

/** Refuses a file larger than `limit` bytes before a byte of it is read. */
export function assertFileSize(file: string, size: number, limit: number): void {
  if (size > limit) throw overLimit(file, `is larger than ${formatBytes(limit)}`, formatBytes(limit), { bytes: size });
}
