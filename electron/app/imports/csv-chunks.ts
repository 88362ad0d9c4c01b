/**
 * A CSV read a piece of bytes at a time, by whoever reads the file (text-file.ts: with or
 * without awaiting each read): each piece is decoded and scanned (csv-scan.ts: limits, quoting,
 * the columns kept), and the complete records are numbered. Memory holds a piece and the record
 * it ends inside, never the file.
 */
import { formatCount, overLimit, type TableLimits } from './limits.ts';
import { CsvScanner, type ScannedRecord } from './csv-scan.ts';

export type TextEncoding = 'utf-8' | 'windows-1252';

export interface CsvRecord {
  /** Spreadsheet row number: the header is row 1. */
  row: number;
  /** Every value, or after `keepOnly` the kept ones in the order asked. */
  values: string[];
  /** How many values the row has. */
  fields: number;
}

/**
 * The most bytes to decode and scan at once. A large piece decodes to a string V8 keeps outside
 * its young generation, with every value a slice of it: read in 256 KB pieces the national GIAS
 * file took 2.5 times the CPU time it takes in 32 KB pieces. And the values read stay alive until
 * their rows are compared and written, keeping the piece they were cut from: at 8 KB the young
 * generation no longer fills with them and stays at its first size (16 MB less at the peak).
 */
export const PARSE_BYTES = 8 * 1024;

/** Windows-1252's characters for bytes 0x80 to 0x9F; the other bytes are their Latin-1 selves. */
const CP1252_80_9F = new TextDecoder('windows-1252').decode(Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i));
const C1 = /[\u0080-\u009f]/g;

/**
 * Decodes a piece of the file. Windows-1252 is Latin-1 but for 32 bytes, so it is read as Latin-1
 * (in C++, to a one-byte string) and those few characters, if any, put right after: the same text
 * as the WHATWG decoder gives (a test holds them equal for every byte), in half the memory, since
 * that decoder always makes a two-byte string and every value is cut from it.
 */
function decoderOf(encoding: TextEncoding): (bytes: Uint8Array | null) => string {
  if (encoding === 'utf-8') {
    const decoder = new TextDecoder('utf-8');
    return (bytes) => (bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode());
  }
  return (bytes) => {
    if (!bytes) return '';
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    return text.replace(C1, (c) => CP1252_80_9F[c.charCodeAt(0) - 0x80] ?? c);
  };
}

export class CsvChunks {
  /** The first record, trimmed; undefined until it has been read. */
  header: string[] | undefined;
  private headerPassed = false;
  private readonly decode: (bytes: Uint8Array | null) => string;
  private readonly scanner: CsvScanner;
  private row = 1;

  /**
   * @param select given the header as soon as it is read, the columns to read (by index): each
   * record's values are then those columns' in that order, and the others are not even cut out
   * of the text. It may refuse the file by throwing.
   */
  constructor(
    private readonly file: string,
    private readonly limits: TableLimits,
    readonly encoding: TextEncoding,
    select?: (header: string[]) => number[],
  ) {
    this.decode = decoderOf(encoding);
    this.scanner = new CsvScanner(file, limits, (first) => {
      this.header = first.map((h) => h.trim());
      if (select) this.scanner.keepOnly(select(this.header));
    });
  }

  /** The records completed by this piece of the file's bytes (at most PARSE_BYTES). */
  push(bytes: Uint8Array): CsvRecord[] {
    return this.numbered(this.scanner.scan(this.decode(bytes), false));
  }

  /** The last records, at the end of the file. */
  end(): CsvRecord[] {
    return this.numbered(this.scanner.scan(this.decode(null), true));
  }

  private numbered(rows: ScannedRecord[]): CsvRecord[] {
    const records: CsvRecord[] = [];
    for (const { values, fields } of rows) {
      if (!this.headerPassed) {
        this.headerPassed = true;
        continue;
      }
      this.row++;
      if (this.row - 1 > this.limits.rows) throw overLimit(this.file, `has more than ${formatCount(this.limits.rows)} rows`, formatCount(this.limits.rows));
      records.push({ row: this.row, values, fields });
    }
    return records;
  }
}
