import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { docxTables, docxText } from '../app/documents/docx-template.ts';
import { tempDir } from '../app/testing/builders.ts';
import { linkdesk } from '../app/testing/cli.ts';
import { useRealKeyStretch } from '../app/testing/short-key-stretch.ts';

// The `linkdesk` child processes always use the real key stretch, and these tests open their files too.
useRealKeyStretch();

async function demo(): Promise<string> {
  const db = path.join(tempDir(), 'demo.linkdesk');
  expect((await linkdesk(['demo', '--db', db])).status).toBe(0);
  return db;
}

// Each run starts the command line and derives a key: slow on a busy machine, never timed.
describe('linkdesk export-spoc-list and export-record', { timeout: 300_000 }, () => {
  it('writes the SPOC list, listing the schools still to be allocated', async () => {
    const db = await demo();
    const out = path.join(tempDir(), 'spoc.xlsx');
    const run = await linkdesk(['export-spoc-list', '--db', db, '--out', out, '--valid-from', '2026-11-24', '--json']);
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout) as { rows: number; toBeAllocated: { urn: string }[] };
    expect(result.rows).toBeGreaterThan(30);
    expect(result.toBeAllocated.length).toBeGreaterThan(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets[0]?.rowCount).toBe(3 + result.rows);
    const again = await linkdesk(['export-spoc-list', '--db', db, '--out', out]);
    expect(again.status).toBe(1);
    expect(again.stderr).toBe(`linkdesk: There is already a file at ${out}. Choose another name, or add --replace.\n`);
    const replaced = await linkdesk(['export-spoc-list', '--db', db, '--out', out, '--valid-from', '2026-11-25', '--replace', '--json']);
    expect(JSON.parse(replaced.stdout)).toMatchObject({ path: out, validFrom: '2026-11-25' });
  });

  it('reads back what it wrote: export-spoc-list then import-allocations of the same file leaves every row unchanged, none refused', async () => {
    const db = await demo();
    const out = path.join(tempDir(), 'SPOC list.xlsx');
    const exported = await linkdesk(['export-spoc-list', '--db', db, '--out', out, '--json']);
    expect(exported.status).toBe(0);
    const { rows } = JSON.parse(exported.stdout) as { rows: number };
    const imported = await linkdesk(['import-allocations', out, '--db', db, '--json']);
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual({ applied: 0, unchanged: rows, rejected: [], warnings: [] });
    const told = await linkdesk(['import-allocations', out, '--db', db, '--dry-run']);
    expect(told.stdout.trim()).toBe(`Dry run: would apply 0 allocations; ${rows} unchanged; 0 rows refused.`);
  });

  it('lists the records that can be made, and makes one from a visit and one from a consultation', async () => {
    const db = await demo();
    const list = await linkdesk(['export-record', '--db', db, '--list', '--json']);
    const records = JSON.parse(list.stdout) as { kind: string; id: string; school: string; date: string }[];
    expect(Object.keys(records[0] ?? {}).sort()).toEqual(['date', 'id', 'kind', 'school']);
    const visit = records.find((r) => r.kind === 'visit');
    const consultation = records.find((r) => r.kind === 'consultation');
    if (!visit || !consultation) throw new Error('the demo has both');

    const out = path.join(tempDir(), 'visit.docx');
    expect((await linkdesk(['export-record', '--db', db, '--visit', visit.id, '--out', out])).status).toBe(0);
    expect(docxText(fs.readFileSync(out))).toContain(visit.school);
    expect(docxTables(fs.readFileSync(out)).length).toBe(3);
    const other = path.join(tempDir(), 'consultation.docx');
    expect((await linkdesk(['export-record', '--db', db, '--consultation', consultation.id, '--out', other])).status).toBe(0);
    expect(docxText(fs.readFileSync(other))).toContain('Early Help Consultation record');

    const both = await linkdesk(['export-record', '--db', db, '--out', other]);
    expect(both.status).toBe(1);
    expect(both.stderr).toContain('Give either --visit ID or --consultation ID');
    expect((await linkdesk(['export-record', '--db', db, '--visit', visit.id, '--out', out])).stderr).toContain(`There is already a file at ${out}`);
  });
});

describe('linkdesk export-calendar never writes over the database', { timeout: 300_000 }, () => {
  it('refuses --out naming the database itself, with or without --replace, and leaves it byte-identical', async () => {
    const db = await demo();
    const before = fs.readFileSync(db);
    const same = await linkdesk(['export-calendar', '--db', db, '--out', db]);
    expect(same.status).toBe(1);
    expect(same.stderr).toBe(`linkdesk: A calendar file must be saved with a name ending in .ics: ${path.basename(db)} does not.\n`);
    expect((await linkdesk(['export-calendar', '--db', db, '--out', db, '--replace'])).status).toBe(1);
    // A link with the calendar's extension that leads to the database is the database.
    const link = path.join(path.dirname(db), 'calendar.ics');
    fs.symlinkSync(db, link);
    const linked = await linkdesk(['export-calendar', '--db', db, '--out', link, '--replace']);
    expect(linked.stderr).toContain('is the team database that is open. LinkDesk never writes over it');
    expect(fs.readFileSync(db).equals(before)).toBe(true);
    expect(fs.readdirSync(path.dirname(db)).filter((f) => f.endsWith('.partial'))).toEqual([]);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect((await linkdesk(['check', '--db', db])).status).toBe(0);
  });

  it('refuses an existing calendar file unless --replace is given', async () => {
    const db = await demo();
    const out = path.join(tempDir(), 'team.ics');
    fs.writeFileSync(out, 'last month’s calendar');
    const refused = await linkdesk(['export-calendar', '--db', db, '--out', out, '--from', '2026-09-01', '--to', '2027-08-31']);
    expect(refused.stderr).toBe(`linkdesk: There is already a file at ${out}. Choose another name, or add --replace.\n`);
    expect(fs.readFileSync(out, 'utf8')).toBe('last month’s calendar');
    const replaced = await linkdesk(['export-calendar', '--db', db, '--out', out, '--from', '2026-09-01', '--to', '2027-08-31', '--replace']);
    expect(replaced.status).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^BEGIN:VCALENDAR\r\n/);
  });
});
