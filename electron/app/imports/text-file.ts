/**
 * Streaming CSV for the importers: encoding sniffed from the first bytes (GIAS is
 * Windows-1252; spreadsheets save UTF-8), decoded chunk by chunk, parsed by csv-parse, so a
 * 60 MB file is never held in memory as a whole.
 */
import fs from 'node:fs';
import { Transform } from 'node:stream';
import { parse } from 'csv-parse';
import { AppError } from '../../../shared/errors.ts';

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

export function assertReadableFile(path: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(path);
  } catch {
    throw new AppError('file_not_found', `There is no file at ${path}.`, { path });
  }
  if (!stat.isFile()) throw new AppError('file_not_found', `${path} is a folder, not a file.`, { path });
  if (stat.size === 0) throw new AppError('invalid_input', 'The file is empty.', { path });
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
 * Opens a CSV for streaming. `onBytes` reports progress as the file is read.
 * Damage the parser cannot get past (a quote never closed) becomes one clear AppError.
 */
export async function openCsv(path: string, onBytes?: (bytesRead: number, totalBytes: number) => void): Promise<CsvStream> {
  const total = assertReadableFile(path);
  const encoding = sniffEncoding(readHead(path, 64 * 1024));
  const decoder = new TextDecoder(encoding);
  let bytesRead = 0;
  const source = fs.createReadStream(path, { highWaterMark: 256 * 1024 });
  source.on('data', (chunk) => {
    bytesRead += chunk.length;
    onBytes?.(bytesRead, total);
  });
  const decode = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, decoder.decode(chunk, { stream: true }));
    },
    flush(callback) {
      callback(null, decoder.decode());
    },
  });
  const parser = source.pipe(decode).pipe(parse({ relax_column_count: true, skip_empty_lines: true, bom: true }));
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;

  const next = async (): Promise<IteratorResult<string[]>> => {
    try {
      return await iterator.next();
    } catch (error) {
      source.destroy();
      const e = error as { code?: string; lines?: number; message?: string };
      if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
        throw new AppError('invalid_input', `The file looks cut short or damaged: a quoted value is never closed (from line ${e.lines ?? '?'}). Download it again.`);
      }
      throw new AppError('invalid_input', `The file is not valid CSV near line ${e.lines ?? '?'}: ${e.message ?? 'unreadable'}.`);
    }
  };

  const first = await next();
  if (first.done) throw new AppError('invalid_input', 'The file has no header row.');
  const header = first.value.map((h) => h.trim());
  let row = 1;
  const records: AsyncIterable<CsvRecord> = {
    [Symbol.asyncIterator]: () => ({
      next: async () => {
        const result = await next();
        if (result.done) return { done: true, value: undefined };
        row++;
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
