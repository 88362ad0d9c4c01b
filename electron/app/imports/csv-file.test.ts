import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { asyncRefusalOf, tempDir } from '../testing/builders.ts';
import { readTable } from './table-file.ts';

function csv(name: string, text: string): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, text);
  return file;
}

describe('limits on a .csv, checked as it streams, each refused with the file and the limit named', () => {
  it('a line of a million commas is refused at its 201st column, before a record is built', async () => {
    const refused = await asyncRefusalOf(() => readTable(csv('people.csv', `Name,Role\nAmy,${','.repeat(1_000_000)}\n`)));
    expect(refused.message).toBe('people.csv has more than 200 columns on line 2 (the limit is 200). Nothing was changed.');
  });

  it('commas inside quotes are not columns; line breaks inside quotes do not end the record', async () => {
    const table = await readTable(csv('quoted.csv', `Name,Notes\n"Worker, Amy","${','.repeat(500)}\nsecond line ""quoted"""\n`));
    expect(table.rows).toEqual([{ row: 2, values: ['Worker, Amy', `${','.repeat(500)} second line "quoted"`] }]);
  });

  it('a value longer than 32,767 characters', async () => {
    const refused = await asyncRefusalOf(() => readTable(csv('long.csv', `Name\n"${'x'.repeat(40_000)}"\n`)));
    expect(refused.message).toBe('long.csv has a value longer than 32,767 characters on line 2 (the limit is 32,767 characters). Nothing was changed.');
  });

  it('more than 20,000 rows', async () => {
    const refused = await asyncRefusalOf(() => readTable(csv('rows.csv', `Name\n${'Amy\n'.repeat(20_001)}`)));
    expect(refused.message).toBe('rows.csv has more than 20,000 rows (the limit is 20,000). Nothing was changed.');
  });

  it('a file larger than 20 MB is refused before it is read', async () => {
    const file = csv('big.csv', '');
    fs.truncateSync(file, 20 * 1024 * 1024 + 1);
    expect((await asyncRefusalOf(() => readTable(file))).message).toBe('big.csv is larger than 20 MB (the limit is 20 MB). Nothing was changed.');
  });

  it('a device or a folder is not read at all', async () => {
    expect((await asyncRefusalOf(() => readTable(tempDir()))).code).toBe('file_not_found');
    if (process.platform !== 'win32') expect((await asyncRefusalOf(() => readTable('/dev/zero'))).message).toContain('is not a plain file');
  });

  it('every value loses control and bidi characters, the header too', async () => {
    const table = await readTable(csv('hostile.csv', 'Na\u001Bme\u202E,Role\r\nAmy\u202Eeciffo\u0007,"F\rSW"\r\n'));
    expect(table).toEqual({ header: ['Name', 'Role'], rows: [{ row: 2, values: ['Amyeciffo', 'F SW'] }] });
    // A NUL means the file is not text at all.
    expect((await asyncRefusalOf(() => readTable(csv('binary.csv', 'Name\nA\u0000my\n')))).message).toContain('holds binary data');
  });
});
