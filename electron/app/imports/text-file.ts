/**
 * Streaming CSV for the importers: encoding sniffed from the first bytes (GIAS is
 * Windows-1252; spreadsheets save UTF-8), then read a chunk at a time into csv-chunks.ts
 * (decoded, scanned with its limits checked), so a 60 MB file is never held in memory as a
 * whole. `openCsv` awaits each read; `openCsvSync` does not, for an import that
 * reads and writes in one transaction (which cannot span an await: another call could join it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import { CsvChunks, PARSE_BYTES, type CsvRecord, type TextEncoding } from './csv-chunks.ts';
import { assertFileSize, type TableLimits } from './limits.ts';

export type { CsvRecord, TextEncoding };

export interface RowError {
  row: number;
  message: string;
}

export function sniffEncoding(head: Buffer): TextEncoding {
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) {
    throw new AppError('invalid_input', 'This file is saved as UTF-16 (Unicode text). Save it as CSV (comma delimited) and import it again.');
  }
  if (head.includes(0)) {
    throw new AppError('invalid_input', 'This file holds binary data, not CSV text. Is it a spreadsheet saved in another format?');
  }
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, lastCompleteUtf8(head)));
    // eslint-disable-next-line no-control-regex -- any character outside ASCII
    return /[^\x00-\x7f]/.test(text) ? 'utf-8' : 'windows-1252';
  } catch {
    return 'windows-1252';
  }
}

/** The sniffed head may end inside a multi-byte character: stop before it. */
function lastCompleteUtf8(buffer: Buffer): number {
  const end = buffer.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const byte = buffer[end - i] ?? 0;
    if ((byte & 0xc0) === 0xc0) return end - i;
    if ((byte & 0x80) === 0) return end;
  }
  return end;
}

function readHead(path: string, bytes: number): Buffer {
  const fd = fs.openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const read = fs.readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

export function assertReadableFile(file: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new AppError('file_not_found', `There is no file at ${file}.`, { path: file });
  }
  // Only a plain file: a device or a pipe could be read for ever.
  if (!stat.isFile()) throw new AppError('file_not_found', `${file} is ${stat.isDirectory() ? 'a folder' : 'not a plain file'}, not a file LinkDesk can read.`, { path: file });
  if (stat.size === 0) throw new AppError('invalid_input', `${path.basename(file)} is empty.`, { path: file });
  return stat.size;
}

export interface CsvStream {
  header: string[];
  /** The records one by one. */
  records: AsyncIterable<CsvRecord>;
  /** The same records a piece of the file at a time: one await per piece, not one per record (use one or the other). */
  batches: AsyncIterable<CsvRecord[]>;
  encoding: TextEncoding;
  /** Closes the file; reading to the end, or stopping early inside a loop, closes it too. */
  close(): Promise<void>;
}

export interface CsvStreamSync {
  header: string[];
  batches: Iterable<CsvRecord[]>;
  encoding: TextEncoding;
  close(): void;
}

/** Read size; each read is parsed, and its records handed on, a PARSE_BYTES piece at a time. */
const CHUNK_BYTES = 256 * 1024;

/** Given the header, the columns to read (CsvChunks): each record's values are then those, in that order. */
export type SelectColumns = (header: string[]) => number[];

function chunksOf(file: string, limits: TableLimits, select?: SelectColumns): { chunks: CsvChunks; total: number } {
  const total = assertReadableFile(file);
  assertFileSize(file, total, limits.fileBytes);
  return { chunks: new CsvChunks(file, limits, sniffEncoding(readHead(file, 64 * 1024)), select), total };
}

const noHeader = (file: string) => new AppError('invalid_input', `${path.basename(file)} has no header row.`, { file: path.basename(file) });
const unreadable = (file: string) =>
  new AppError('file_not_found', `${path.basename(file)} could not be read to the end (was it moved, or the drive disconnected?). Nothing was changed.`, { file: path.basename(file) });

/** The records of each piece of a read, then (for `read` 0, the end of the file) the last ones. */
function* recordsOfRead(chunks: CsvChunks, buffer: Buffer, read: number): Generator<CsvRecord[]> {
  if (read === 0) yield chunks.end();
  for (let at = 0; at < read; at += PARSE_BYTES) yield chunks.push(buffer.subarray(at, Math.min(read, at + PARSE_BYTES)));
}

/**
 * Opens a CSV for streaming, reading the header first. `onBytes` reports progress as the file is
 * read. A file over a limit, or damaged, is refused with an AppError naming the line.
 */
export async function openCsv(
  file: string, limits: TableLimits, onBytes?: (bytesRead: number, totalBytes: number) => void, select?: SelectColumns,
): Promise<CsvStream> {
  const { chunks, total } = chunksOf(file, limits, select);
  const handle = await fs.promises.open(file, 'r');
  let closed: Promise<void> | null = null;
  const close = () => (closed ??= handle.close());
  async function* all(): AsyncGenerator<CsvRecord[]> {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let bytesRead = 0;
    for (;;) {
      let read: number;
      try {
        ({ bytesRead: read } = await handle.read(buffer, 0, buffer.length, null));
      } catch {
        throw unreadable(file);
      }
      bytesRead += read;
      if (read > 0) onBytes?.(bytesRead, total);
      yield* recordsOfRead(chunks, buffer, read);
      if (read === 0) return;
    }
  }
  const source = all();
  let first: CsvRecord[] = [];
  try {
    while (!chunks.header) {
      const next = await source.next();
      if (next.done) throw noHeader(file);
      first = next.value;
    }
  } catch (error) {
    await close();
    throw error;
  }
  async function* batches(): AsyncGenerator<CsvRecord[]> {
    try {
      if (first.length > 0) yield first;
      first = [];
      for await (const records of source) if (records.length > 0) yield records;
    } finally {
      await close();
    }
  }
  async function* records(): AsyncGenerator<CsvRecord> {
    for await (const batch of batches()) yield* batch;
  }
  return { header: chunks.header, records: records(), batches: batches(), encoding: chunks.encoding, close };
}

/** The same, reading without awaiting: for a reader inside a synchronous transaction. */
export function openCsvSync(file: string, limits: TableLimits, select?: SelectColumns): CsvStreamSync {
  const { chunks } = chunksOf(file, limits, select);
  const fd = fs.openSync(file, 'r');
  let closed = false;
  const close = () => {
    if (!closed) fs.closeSync(fd);
    closed = true;
  };
  function* all(): Generator<CsvRecord[]> {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (;;) {
      let read: number;
      try {
        read = fs.readSync(fd, buffer, 0, buffer.length, null);
      } catch {
        throw unreadable(file);
      }
      yield* recordsOfRead(chunks, buffer, read);
      if (read === 0) return;
    }
  }
  const source = all();
  let first: CsvRecord[] = [];
  try {
    while (!chunks.header) {
      const next = source.next();
      if (next.done) throw noHeader(file);
      first = next.value;
    }
  } catch (error) {
    close();
    throw error;
  }
  function* batches(): Generator<CsvRecord[]> {
    try {
      if (first.length > 0) yield first;
      first = [];
      for (const records of source) if (records.length > 0) yield records;
    } finally {
      close();
    }
  }
  return { header: chunks.header, batches: batches(), encoding: chunks.encoding, close };
}

/** Column index by header name, ignoring case and surrounding spaces. */
export function columnIndex(header: string[], ...names: string[]): number {
  const wanted = names.map((n) => n.toLowerCase());
  return header.findIndex((h) => wanted.includes(h.toLowerCase()));
}

const UK_DATE = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const twoDigits = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * dd-mm-yyyy or dd/mm/yyyy or yyyy-mm-dd to ISO; null for blank; undefined for nonsense. Checked
 * by arithmetic, not through a Date (it runs twice for each of a national file's 50,000 rows);
 * years before 100 are refused, as Date.UTC would have read them as 19xx.
 */
export function parseDate(value: string): string | null | undefined {
  const v = value.trim();
  if (v === '') return null;
  let y: number, m: number, d: number;
  const uk = UK_DATE.exec(v);
  if (uk) [d, m, y] = [Number(uk[1]), Number(uk[2]), Number(uk[3])];
  else {
    const iso = ISO_DATE.exec(v);
    if (!iso) return undefined;
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  }
  if (y < 100 || m < 1 || m > 12 || d < 1) return undefined;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (m === 2 && leap ? 29 : (DAYS_IN_MONTH[m - 1] ?? 0))) return undefined;
  return `${String(y).padStart(4, '0')}-${twoDigits(m)}-${twoDigits(d)}`;
}
