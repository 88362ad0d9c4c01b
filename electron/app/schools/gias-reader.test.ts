import fs from 'node:fs';
import path from 'node:path';
import { parse as csvParse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { GIAS_LIMITS } from '../imports/limits.ts';
import { openCsv, openCsvSync, sniffEncoding } from '../imports/text-file.ts';
import { tempDir } from '../testing/builders.ts';
import { GIAS_2021, GIAS_2024, writeNationalFile } from '../testing/gias-files.ts';
import { giasRows } from './gias-reader.ts';

/** The reader LinkDesk had before its own scanner: the whole text through csv-parse, as text-file.ts configured it. */
function readBefore(file: string): string[][] {
  const bytes = fs.readFileSync(file);
  const text = new TextDecoder(sniffEncoding(bytes.subarray(0, 64 * 1024))).decode(bytes);
  const [header = [], ...rows] = csvParse(text, { relax_column_count: true, skip_empty_lines: true, bom: true }) as string[][];
  return [header.map((h) => h.trim()), ...rows];
}

function nationalSample(): string {
  const file = path.join(tempDir(), 'edubasealldata.csv');
  writeNationalFile(file, 3_000);
  return file;
}

describe('the GIAS files read as they were read before the scanner replaced csv-parse', () => {
  it('every row and every column of the real files (Windows-1252, quoted commas, a circumflex) and of a national-size copy', async () => {
    for (const file of [GIAS_2021, GIAS_2024, nationalSample()]) {
      const before = readBefore(file);
      const csv = await openCsv(file, GIAS_LIMITS);
      const rows: string[][] = [];
      for await (const { values, fields } of csv.records) {
        expect(fields).toBe(values.length);
        rows.push(values);
      }
      expect([csv.header, ...rows]).toEqual(before);
    }
    // The 2021 file does hold what can go wrong: a Windows-1252 letter and commas inside quotes.
    expect(readBefore(GIAS_2021).flat().some((v) => v.includes('ô'))).toBe(true);
    expect(readBefore(GIAS_2021).flat().some((v) => v.includes(','))).toBe(true);
  });

  it('the columns LinkDesk keeps, read alone, hold the same values as in the whole rows', () => {
    for (const file of [GIAS_2021, GIAS_2024, nationalSample()]) {
      const [header = [], ...before] = readBefore(file);
      let columns: number[] = [];
      const csv = openCsvSync(file, GIAS_LIMITS, (names) => (columns = giasRows(names).columns));
      const kept = [...csv.batches].flat();
      expect(columns.length).toBeGreaterThan(15);
      expect(kept.map((r) => r.values)).toEqual(before.map((row) => columns.map((c) => row[c])));
      expect(kept.map((r) => r.fields)).toEqual(before.map((row) => row.length));
      expect(header.length).toBe(kept[0]?.fields);
    }
  });
});
