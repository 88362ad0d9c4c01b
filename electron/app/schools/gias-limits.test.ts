import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aTeamDatabase, asyncRefusalOf, bytesOf, tempDir } from '../testing/builders.ts';
import { applyGiasImport } from './gias-import.ts';
import { selectSchool } from './repo.ts';

const HEADER = 'URN,EstablishmentName,EstablishmentStatus (name),LA (code)\r\n';

function write(name: string, content: string): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, content);
  return file;
}

/** Applies a GIAS file that must be refused, and checks the database did not change by a byte. */
async function refusedUnchanged(file: string): Promise<string> {
  const db = aTeamDatabase();
  const before = bytesOf(db.path);
  const refused = await asyncRefusalOf(() => applyGiasImport(db.writeContext, file, [], { applyGoodRows: true }));
  expect(bytesOf(db.path).equals(before)).toBe(true);
  return refused.message;
}

describe('limits on the GIAS file, each refused with the file and the limit named, changing nothing', () => {
  it('more than 400 columns', async () => {
    const header = `URN,EstablishmentName,${Array.from({ length: 400 }, (_, i) => `Extra${i}`).join(',')}\r\n`;
    expect(await refusedUnchanged(write('edubase.csv', `${header}100000,School\r\n`))).toBe('edubase.csv has more than 400 columns on line 1 (the limit is 400). Nothing was changed.');
  });

  it('a value longer than 10,000 characters', async () => {
    expect(await refusedUnchanged(write('edubase.csv', `${HEADER}100000,"${'School '.repeat(1_500)}",Open,202\r\n`))).toBe(
      'edubase.csv has a value longer than 10,000 characters on line 2 (the limit is 10,000 characters). Nothing was changed.',
    );
  });

  it('more than 200,000 rows', async () => {
    const rows = Array.from({ length: 200_001 }, (_, i) => `${100000 + i},School ${i},Open,202\r\n`).join('');
    expect(await refusedUnchanged(write('edubase.csv', HEADER + rows))).toBe('edubase.csv has more than 200,000 rows (the limit is 200,000). Nothing was changed.');
  });

  it('a file larger than 300 MB, refused before it is read', async () => {
    const file = write('edubase.csv', HEADER);
    fs.truncateSync(file, 300 * 1024 * 1024 + 1);
    expect(await refusedUnchanged(file)).toBe('edubase.csv is larger than 300 MB (the limit is 300 MB). Nothing was changed.');
  });

  it('school names lose control and bidi characters on the way in', async () => {
    const db = aTeamDatabase();
    await applyGiasImport(db.writeContext, write('edubase.csv', `${HEADER}100000,"Ashby\u202Eloohcs\u0007 Primary\rSchool",Open,202\r\n`), [], { applyGoodRows: false });
    expect(selectSchool(db.db, '100000')?.name).toBe('Ashbyloohcs Primary School');
  });
});
