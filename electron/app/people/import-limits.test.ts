import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aTeamDatabase, asyncRefusalOf, bytesOf, tempDir } from '../testing/builders.ts';
import { inline, sheetXml, xlsxParts, zipOf } from '../testing/zip-files.ts';
import { importConnections, importPeople } from './import.ts';
import { listPeople } from './service.ts';

function save(name: string, content: string | Buffer): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, content);
  return file;
}

describe('people and connections files over a limit', () => {
  it('refuses the reported workbook (one header cell at XFD1, 100,000 one-cell rows) by name and limit, changing nothing', async () => {
    const db = aTeamDatabase();
    const rows = [inline('XFD1', 'Name'), ...Array.from({ length: 100_000 }, (_, i) => `<c r="A${i + 2}"><v>${i}</v></c>`)];
    const file = save('people.xlsx', zipOf(xlsxParts(sheetXml(rows))));
    const before = bytesOf(db.path);
    for (const dryRun of [true, false]) {
      const refused = await asyncRefusalOf(() => importPeople(db.writeContext, file, { dryRun }));
      expect(refused.message).toBe('people.xlsx has more than 200 columns (the limit is 200). Nothing was changed.');
    }
    expect(bytesOf(db.path).equals(before)).toBe(true);
    expect(listPeople(db.writeContext)).toEqual([]);
  });

  it('refuses a connections file with a value over 32,767 characters, changing nothing', async () => {
    const db = aTeamDatabase();
    const before = bytesOf(db.path);
    const file = save('connections.csv', `Worker email,School URN,Connection,From\namy@council.example.gov.uk,100000,other,"${'x'.repeat(32_768)}"\n`);
    const refused = await asyncRefusalOf(() => importConnections(db.writeContext, file, { dryRun: false }));
    expect(refused.message).toBe('connections.csv has a value longer than 32,767 characters on line 2 (the limit is 32,767 characters). Nothing was changed.');
    expect(bytesOf(db.path).equals(before)).toBe(true);
  });

  it('stores names without control or bidi characters, and quotes none in its messages', async () => {
    const db = aTeamDatabase();
    const file = save('people.csv', 'Name,Role,Email,Active from\r\n"Amy\u202Eeciffo Wor\rker\u0007",FSW,amy@council.example.gov.uk,2026-09-01\r\nBen,Boss\u202E\u001B[2J,ben@council.example.gov.uk,2026-09-01\r\n');
    const result = await importPeople(db.writeContext, file, { dryRun: false, applyGoodRows: true });
    expect(result.rejected).toEqual([{ row: 3, field: 'Role', message: 'Row 3: Role "Boss[2J" is not Family Support Worker, Team Manager or Other.' }]);
    expect(listPeople(db.writeContext).map((p) => p.name)).toEqual(['Amyeciffo Wor ker']);
  });
});
