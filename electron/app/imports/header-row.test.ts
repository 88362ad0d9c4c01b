import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/builders.ts';
import { inline, sheetXml, xlsxParts, zipOf } from '../testing/zip-files.ts';
import { headerNaming, HEADER_SEARCH_ROWS } from './header-row.ts';
import { mapColumns, readTable } from './table-file.ts';

const isHeader = headerNaming(['Named link worker (SPOC)', 'Named link worker']);

function saved(name: string, content: string | Buffer): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, content);
  return file;
}

/** A row of inline strings in the sheet's XML, from column A. */
const cells = (row: number, values: string[]) => values.map((v, i) => inline(`${String.fromCharCode(65 + i)}${row}`, v)).join('');

describe('finding the row that names the columns', () => {
  it('skips the title rows above the header of an .xlsx and a .csv, and keeps the sheet’s row numbers', async () => {
    const xlsx = saved('list.xlsx', zipOf(xlsxParts(sheetXml([
      cells(1, ['North Hub: SPOC contact list']),
      cells(2, ['Camden. Valid from 1 December 2026.']),
      cells(3, ['School', 'URN', 'Named link worker (SPOC)', 'Secondary link worker']),
      cells(4, ['Ashby Primary School', '100201', 'Amy Worker', 'Ben Second']),
    ]))));
    const csv = saved('list.csv', 'North Hub: SPOC contact list\nCamden. Valid from 1 December 2026.\nSchool,URN,Named link worker (SPOC),Secondary link worker\nAshby Primary School,100201,Amy Worker,Ben Second\n');
    for (const file of [xlsx, csv]) {
      expect(await readTable(file, undefined, isHeader)).toEqual({
        header: ['School', 'URN', 'Named link worker (SPOC)', 'Secondary link worker'],
        rows: [{ row: 4, values: ['Ashby Primary School', '100201', 'Amy Worker', 'Ben Second'] }],
      });
      // An importer that does not say what its header looks like reads the first row as the header.
      expect((await readTable(file)).header[0]).toBe('North Hub: SPOC contact list');
    }
  });

  it('takes the first row as the header when none of the first rows names a column, and loses no row', async () => {
    const lines = Array.from({ length: HEADER_SEARCH_ROWS + 2 }, (_, i) => `row ${i + 1},x`);
    const table = await readTable(saved('plain.csv', `${lines.join('\n')}\n`), undefined, isHeader);
    expect(table.header).toEqual(['row 1', 'x']);
    expect(table.rows.map((r) => r.row)).toEqual(Array.from({ length: HEADER_SEARCH_ROWS + 1 }, (_, i) => i + 2));
  });

  it('matches column names folded: case, spaces, brackets and curly apostrophes do not matter', () => {
    const header = ['  SCHOOL  urn ', 'named link worker spoc', 'Worker’s   hub'];
    expect(mapColumns(header, { urn: { names: ['School URN'], required: true }, named: { names: ['Named link worker (SPOC)'], required: true }, hub: { names: ["Worker's hub"], required: true } })).toEqual({ urn: 0, named: 1, hub: 2 });
  });
});
