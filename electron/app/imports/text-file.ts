/**
 * Streaming CSV for the importers: encoding sniffed from the first bytes (GIAS is
 * Windows-1252; spreadsheets save UTF-8), decoded chunk by chunk, parsed by csv-parse, so a
 * 60 MB file is never held in memory as a whole. Limits on size, rows, columns and field
 * length are checked as the text streams, before csv-parse builds a record: a line of a million
 * commas is refused at the 201st, not parsed into a million fields.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pipeline, Transform } from 'node:stream';
import { AppError } from '../../../shared/errors.ts';
import { assertFileSize, formatCount, overLimit, type TableLimits } from './limits.ts';

export type TextEncoding = 'utf-8' | 'windows-1252';

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
    return [...text].some((ch) => ch.charCodeAt(0) > 0x7f) ? 'utf-8' : 'windows-1252';
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

export interface CsvRecord {
  /** Spreadsheet row number: the header is row 1. */
  row: number;
  values: string[];
}

export interface CsvStream {
  header: string[];
  records: AsyncIterable<CsvRecord>;
  encoding: TextEncoding;
}

/**
 * Counts fields and field length outside quotes as the decoded text goes by (a quote toggles,
 * so "" inside a quoted field toggles twice), and refuses a record over the limits.
 */
function limitGuard(file: string, limits: TableLimits) {
  let quoted = false;
  let fields = 1;
  let fieldLength = 0;
  let line = 1;
  let afterCr = false;
  return (text: string): AppError | null => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const cr = c === 13;
      if (c === 10 || cr) {
        if (!(c === 10 && afterCr)) line++;
        afterCr = cr;
        if (!quoted) {
          fields = 1;
          fieldLength = 0;
          continue;
        }
      } else afterCr = false;
      if (c === 34) quoted = !quoted;
      else if (c === 44 && !quoted) {
        fieldLength = 0;
        if (++fields > limits.columns) return overLimit(file, `has more than ${formatCount(limits.columns)} columns on line ${line}`, formatCount(limits.columns), { line });
        continue;
      }
      if (++fieldLength > limits.cellCharacters) {
        return overLimit(file, `has a value longer than ${formatCount(limits.cellCharacters)} characters on line ${line}`, `${formatCount(limits.cellCharacters)} characters`, { line });
      }
    }
    return null;
  };
}

/**
 * Opens a CSV for streaming. `onBytes` reports progress as the file is read.
 * Damage the parser cannot get past (a quote never closed) becomes one clear AppError.
 */
export async function openCsv(file: string, limits: TableLimits, onBytes?: (bytesRead: number, totalBytes: number) => void): Promise<CsvStream> {
  // The parser loads with the first file read, not when LinkDesk starts; before the file is
  // opened, since a stream with a 'data' listener flows at once and nothing may await after.
  const { parse } = await import('csv-parse');
  const total = assertReadableFile(file);
  assertFileSize(file, total, limits.fileBytes);
  const encoding = sniffEncoding(readHead(file, 64 * 1024));
  const decoder = new TextDecoder(encoding);
  const guard = limitGuard(file, limits);
  let bytesRead = 0;
  const source = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
  source.on('data', (chunk) => {
    bytesRead += chunk.length;
    onBytes?.(bytesRead, total);
  });
  const decode = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      const text = decoder.decode(chunk, { stream: true });
      callback(guard(text), text);
    },
    flush(callback) {
      const text = decoder.decode();
      callback(guard(text), text);
    },
  });
  const parser = parse({ relax_column_count: true, skip_empty_lines: true, bom: true });
  // pipeline, not pipe: a refusal in the guard (or a read error) must reach the parser's reader.
  pipeline(source, decode, parser, () => undefined);
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  const name = path.basename(file);

  const next = async (): Promise<IteratorResult<string[]>> => {
    try {
      return await iterator.next();
    } catch (error) {
      source.destroy();
      if (error instanceof AppError) throw error;
      const e = error as { code?: string; lines?: number; message?: string };
      if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
        throw new AppError('invalid_input', `${name} looks cut short or damaged: a quoted value is never closed (from line ${e.lines ?? '?'}). Download it again.`, { file: name });
      }
      if (e.code?.startsWith('CSV_')) throw new AppError('invalid_input', `${name} is not valid CSV near line ${e.lines ?? '?'}: ${e.message ?? 'unreadable'}.`, { file: name });
      throw new AppError('file_not_found', `${name} could not be read to the end (was it moved, or the drive disconnected?). Nothing was changed.`, { file: name });
    }
  };

  const first = await next();
  if (first.done) throw new AppError('invalid_input', `${name} has no header row.`, { file: name });
  const header = first.value.map((h) => h.trim());
  let row = 1;
  const records: AsyncIterable<CsvRecord> = {
    [Symbol.asyncIterator]: () => ({
      next: async () => {
        const result = await next();
        if (result.done) return { done: true, value: undefined };
        row++;
        if (row - 1 > limits.rows) {
          source.destroy();
          throw overLimit(file, `has more than ${formatCount(limits.rows)} rows`, formatCount(limits.rows));
        }
        return { done: false, value: { row, values: result.value } };
      },
    }),
  };
  return { header, records, encoding };
}

/** Column index by header name, ignoring case and surrounding spaces. */
export function columnIndex(header: string[], ...names: string[]): number {
  const wanted = names.map((n) => n.toLowerCase());
  return header.findIndex((h) => wanted.includes(h.toLowerCase()));
}

/** dd-mm-yyyy or dd/mm/yyyy or yyyy-mm-dd to ISO; null for blank; undefined for nonsense. */
export function parseDate(value: string): string | null | undefined {
  const v = value.trim();
  if (v === '') return null;
  let y: number, m: number, d: number;
  const uk = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/.exec(v);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (uk) [d, m, y] = [Number(uk[1]), Number(uk[2]), Number(uk[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}
