import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../app/testing/builders.ts';
import { linkdesk } from '../app/testing/cli.ts';
import { GIAS_2021 } from '../app/testing/gias-files.ts';
import { useRealKeyStretch } from '../app/testing/short-key-stretch.ts';

// The `linkdesk` child processes always use the real key stretch, and these tests open their files too.
useRealKeyStretch();

async function aDatabase(): Promise<string> {
  const file = path.join(tempDir(), 'imports.linkdesk');
  expect((await linkdesk(['create', '--db', file, '--team', 'Import Team'])).status).toBe(0);
  return file;
}

function write(name: string, text: string): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, text);
  return file;
}

describe('linkdesk import-gias', () => {
  it('prints the counts as JSON, filtered by LA, and a dry run writes nothing', async () => {
    const db = await aDatabase();
    const dry = await linkdesk(['import-gias', GIAS_2021, '--db', db, '--la', '202', '--dry-run', '--json']);
    expect(dry.status).toBe(0);
    expect(JSON.parse(dry.stdout)).toEqual({ added: 38, updated: 0, unchanged: 0, skipped: 6, errors: [] });
    const real = await linkdesk(['import-gias', GIAS_2021, '--db', db, '--la', '202', '--la', '201', '--json']);
    expect(JSON.parse(real.stdout)).toMatchObject({ added: 42, skipped: 6 });
    const again = await linkdesk(['import-gias', GIAS_2021, '--db', db, '--la', '202', '--la', '201', '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ added: 0, updated: 0, unchanged: 42 });
  });

  it('exits 1 with the rows listed when a row is refused, and imports nothing', async () => {
    const db = await aDatabase();
    const file = write('bad.csv', 'URN,EstablishmentName,EstablishmentStatus (name)\r\n100000,School A,Open\r\n12345,School B,Open\r\n');
    const run = await linkdesk(['import-gias', file, '--db', db, '--json']);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).errors).toEqual([{ row: 3, message: 'Row 3: URN "12345" is not six digits.' }]);
    expect(run.stderr).toMatch(/^linkdesk: 1 row was refused; nothing was imported/);
    const count = await linkdesk(['api', 'schools.list', '--db', db, '--json']);
    expect(JSON.parse(count.stdout).total).toBe(0);
  });

  it('says clearly when the file is not a GIAS file', async () => {
    const run = await linkdesk(['import-gias', write('x.csv', 'Name,Email\nA,b@c.uk\n'), '--db', await aDatabase()]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/not a GIAS establishment file/);
  });
});

describe('linkdesk import-people and import-connections', () => {
  it('imports people then their declared connections', async () => {
    const db = await aDatabase();
    expect((await linkdesk(['import-gias', GIAS_2021, '--db', db])).status).toBe(0);
    const people = write('people.csv', 'Name,Role,Email,Phone,Hub,Capacity,Active from,Active to\nAmy Worker,FSW,amy@council.example.gov.uk,,Central,10,2025-09-01,\n');
    const imported = await linkdesk(['import-people', people, '--db', db, '--json']);
    expect(imported.status).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual({ applied: 1, dryRun: false, rejected: [], counts: { added: 1, updated: 0, unchanged: 0, refused: 0 } });
    const connections = write('c.csv', 'Worker email,School URN,Connection,From,To\namy@council.example.gov.uk,100001,own child attends,2024-09-01,\n');
    expect(JSON.parse((await linkdesk(['import-connections', connections, '--db', db, '--json'])).stdout)).toMatchObject({ applied: 1 });
    // The same connection again, open since another date: refused, and the message names the screen that can leave it out.
    const overlapping = write('c2.csv', 'Worker email,School URN,Connection,From,To\namy@council.example.gov.uk,100001,own child attends,2025-09-01,\n');
    const again = await linkdesk(['import-connections', overlapping, '--db', db]);
    expect(again.status).toBe(1);
    expect(again.stdout).toMatch(/Row 2: Amy Worker already has this connection to URN 100001, from 1 Sep/);
    expect(again.stderr).toBe('linkdesk: 1 row was refused; nothing was imported. Fix the rows listed, or import the good rows in the app (People, Import declared connections), which shows each row before importing.\n');
    expect(again.stderr).not.toMatch(/wizard/);
  });

  it('exits 1 and applies nothing when a row is refused', async () => {
    const db = await aDatabase();
    const people = write('people.csv', 'Name,Role,Email,Active from\nAmy Worker,FSW,amy@council.example.gov.uk,2025-09-01\nBen,Chef,ben@council.example.gov.uk,2025-09-01\n');
    const run = await linkdesk(['import-people', people, '--db', db]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/Row 3: Role "Chef"/);
    expect(run.stderr).toMatch(/import the good rows in the app \(People, Import people\)/);
    expect(JSON.parse((await linkdesk(['api', 'people.list', '--db', db, '--json'])).stdout)).toEqual([]);
  });
});

describe('linkdesk import-allocations', () => {
  it('applies the good rows, lists the refused ones with school and reasons as JSON, and exits 1', async () => {
    const db = await aDatabase();
    expect((await linkdesk(['import-gias', GIAS_2021, '--db', db, '--la', '202'])).status).toBe(0);
    const people = write('people.csv', 'Name,Role,Email,Active from\nAmy Worker,FSW,amy@council.example.gov.uk,2025-09-01\nBen Second,FSW,ben@council.example.gov.uk,2025-09-01\n');
    expect((await linkdesk(['import-people', people, '--db', db])).status).toBe(0);
    // Both have made this year's declaration of connections, so the good row has no warning to override.
    const listed = JSON.parse((await linkdesk(['api', 'people.list', '--db', db, '--json'])).stdout) as { id: string }[];
    for (const { id } of listed) {
      const declared = await linkdesk(['api', 'declarations.record', '--db', db, '--input', JSON.stringify({ personId: id, declaredOn: '2026-09-14', nothingToDeclare: true })]);
      expect(declared.status).toBe(0);
    }
    const list = write(
      'spoc.csv',
      'School URN,SPOC,Secondary link worker,From,Reason\n100008,Amy Worker,Ben Second,2026-12-01,\n100009,Amy Worker,Amy Worker,2026-12-01,\n',
    );
    const run = await linkdesk(['import-allocations', list, '--db', db, '--json']);
    expect(run.status).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result.applied).toBe(1);
    expect(result.rejected).toEqual([{ row: 3, school: { urn: '100009', name: expect.any(String) }, reasons: [expect.stringMatching(/cannot be both the named and the secondary/)] }]);
    expect(result.warnings).toEqual([]);
    expect(run.stderr).toMatch(/^linkdesk: 1 row was refused; the other rows were applied\./);
  });
});

describe('linkdesk export-calendar', () => {
  it('writes the demo team’s visits and pro forma deadlines to an .ics file', async () => {
    const db = path.join(tempDir(), 'demo.linkdesk');
    expect((await linkdesk(['demo', '--db', db])).status).toBe(0);
    const out = path.join(tempDir(), 'visits.ics');
    const run = await linkdesk(['export-calendar', '--db', db, '--out', out, '--from', '2026-09-01', '--to', '2027-08-31', '--json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).events).toBeGreaterThan(30);
    const text = fs.readFileSync(out, 'utf8');
    expect(text).toMatch(/SUMMARY:SPOC visit: /);
    expect(text).toMatch(/SUMMARY:Send pro forma: /);
    expect(text).toMatch(/SUMMARY:Pro forma due back: /);
  });
});
