import { parse as csvParse } from 'csv-parse/sync';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.ts';
import { CsvChunks } from './csv-chunks.ts';
import { CsvScanner } from './csv-scan.ts';
import type { TableLimits } from './limits.ts';

const LIMITS: TableLimits = { fileBytes: 1e9, rows: 1e6, columns: 50, cellCharacters: 1_000 };

/** Scans `text` cut into pieces at `cuts` (any places, even inside a CR LF or a doubled quote). */
function scanInPieces(text: string, cuts: number[] = [], limits = LIMITS, keep?: number[]): { values: string[]; fields: number }[] {
  const scanner = new CsvScanner('table.csv', limits, keep ? () => scanner.keepOnly(keep) : undefined);
  const at = [...new Set(cuts.map((c) => Math.min(c, text.length)))].sort((a, b) => a - b);
  const records = [];
  let from = 0;
  for (const cut of at) {
    records.push(...scanner.scan(text.slice(from, cut), false));
    from = cut;
  }
  records.push(...scanner.scan(text.slice(from), true));
  return records;
}

const values = (text: string, cuts?: number[]) => scanInPieces(text, cuts).map((r) => r.values);

function refusal(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the text to be refused');
}

/** A value as Excel writes it: in quotes, its quotes doubled, when it holds a comma, a quote or a line break. */
const cell = (v: string) => (/[",\r\n]/.test(v) || v === '' ? `"${v.replaceAll('"', '""')}"` : v);

const anyValue = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\r', '\n', 'é', '’', '0') , maxLength: 12 }),
  fc.string({ maxLength: 8 }),
);
/** Tables of one to six columns, every row as wide as the header (the CSV a spreadsheet saves). */
const anyTable = fc.integer({ min: 1, max: 6 }).chain((width) => fc.array(fc.array(anyValue, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 12 }));

describe('the CSV scanner reads what Excel writes, exactly as csv-parse and papaparse do', () => {
  it('reads any table written as CSV back as it was, however the text is cut into pieces, with CR LF or LF', () => {
    fc.assert(
      fc.property(anyTable, fc.constantFrom('\r\n', '\n'), fc.array(fc.nat(400), { maxLength: 6 }), (table, newline, cuts) => {
        const text = table.map((row) => row.map(cell).join(',')).join(newline) + newline;
        expect(values(text, cuts)).toEqual(table);
        // The readers used before (csv-parse) and the floor's (papaparse) read it the same way.
        expect(csvParse(text, { relax_column_count: true, skip_empty_lines: true })).toEqual(table);
        const papa = Papa.parse<string[]>(text, { delimiter: ',', newline, skipEmptyLines: false }).data;
        expect(papa.slice(0, table.length)).toEqual(table);
      }),
      { numRuns: 300 },
    );
  });

  it('cuts out only the columns asked for, in the order asked, and counts every value', () => {
    fc.assert(
      fc.property(anyTable, fc.array(fc.nat(400), { maxLength: 4 }), (table, cuts) => {
        const width = table[0]?.length ?? 0;
        const keep = [width - 1, 0].filter((c, i, all) => all.indexOf(c) === i);
        const text = `${table.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
        const records = scanInPieces(text, cuts, LIMITS, keep);
        // The header (the first record) is read whole; the columns are chosen from it.
        expect(records[0]?.values).toEqual(table[0]);
        expect(records.slice(1)).toEqual(table.slice(1).map((row) => ({ values: keep.map((c) => row[c]), fields: width })));
      }),
      { numRuns: 200 },
    );
  });

  it('takes a lone CR as a line break, leaves out empty lines, and reads a last line with no line break', () => {
    expect(values('a,b\r1,2\r\r\n\n3,4')).toEqual([['a', 'b'], ['1', '2'], ['3', '4']]);
    expect(values('a,b\r\n1,2\r\n', [4])).toEqual([['a', 'b'], ['1', '2']]);
    // A line of two quotes is an empty value, not an empty line.
    expect(values('a\r\n""\r\n')).toEqual([['a'], ['']]);
  });
});

describe('damaged quoting is refused with its line, not read one way or another', () => {
  it('a quote inside a value that does not start with one', () => {
    expect(refusal(() => values('Name,Notes\r\nSt Mary"s,x\r\n')).message).toBe(
      'table.csv is not valid CSV on line 2: a quote inside a value that does not start with one (a value with quotes must be in quotes, its quotes doubled). Nothing was changed.',
    );
  });

  it('text after the closing quote of a value, even when the quote ends a piece', () => {
    const text = 'Name\r\n"ok"\r\n"Ashby" School\r\n';
    for (const cut of [undefined, text.indexOf('" School') + 1]) {
      expect(refusal(() => values(text, cut === undefined ? [] : [cut])).message).toBe('table.csv is not valid CSV on line 3: text follows the closing quote of a value. Nothing was changed.');
    }
  });

  it('a quoted value never closed: cut short, named by the line it starts on', () => {
    const error = refusal(() => values('URN,Name\r\n100000,"School A\r\nand more\r\n100001,School B\r\n'));
    expect(error.message).toBe('table.csv looks cut short or damaged: a quoted value is never closed (from line 2). Download it again.');
  });
});

describe('limits, checked as the text goes by', () => {
  it('a line of a million commas is refused at its 51st column, from the first piece', () => {
    const scanner = new CsvScanner('table.csv', LIMITS);
    const error = refusal(() => scanner.scan(`Name\r\nAmy${','.repeat(1_000_000)}`.slice(0, 4096), false));
    expect(error.message).toBe('table.csv has more than 50 columns on line 2 (the limit is 50). Nothing was changed.');
  });

  it('a value longer than the limit, quoted or not, even while it is still arriving', () => {
    expect(refusal(() => values(`Name\r\n${'x'.repeat(1_001)}\r\n`)).message).toBe(
      'table.csv has a value longer than 1,000 characters on line 2 (the limit is 1,000 characters). Nothing was changed.',
    );
    const scanner = new CsvScanner('table.csv', LIMITS);
    scanner.scan('Name\r\n"', false);
    for (let i = 0; i < 3; i++) scanner.scan('y'.repeat(300), false);
    expect(refusal(() => scanner.scan('y'.repeat(300), false)).message).toContain('has a value longer than 1,000 characters on line 2');
  });

  it('counts lines inside quoted values, so the line named is the file’s', () => {
    expect(refusal(() => values('Name,Notes\r\n"A","two\r\nlines"\r\nB"\r\n')).message).toContain('on line 4:');
  });
});

describe('Windows-1252, read as Latin-1 and its 32 differing bytes put right', () => {
  it('gives the same text as the WHATWG decoder for every byte, whatever the piece size', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, b) => b).filter((b) => b !== 0x22 && b !== 0x0a && b !== 0x0d);
    const file = Buffer.concat([Buffer.from('Value\r\n"'), Buffer.from(bytes), Buffer.from('"\r\n')]);
    for (const size of [1, 7, file.length]) {
      const chunks = new CsvChunks('table.csv', LIMITS, 'windows-1252');
      const records = [];
      for (let at = 0; at < file.length; at += size) records.push(...chunks.push(file.subarray(at, at + size)));
      records.push(...chunks.end());
      expect(records.map((r) => r.values)).toEqual([[new TextDecoder('windows-1252').decode(bytes)]]);
    }
    expect(new TextDecoder('windows-1252').decode(Uint8Array.of(0x92, 0x80, 0xf4))).toBe('’€ô');
  });
});
