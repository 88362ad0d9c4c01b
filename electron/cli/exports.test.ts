import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { docxTables, docxText } from '../app/documents/docx-template.ts';
import { tempDir } from '../app/testing/builders.ts';
import { linkdesk } from '../app/testing/cli.ts';

async function demo(): Promise<string> {
  const db = path.join(tempDir(), 'demo.linkdesk');
  expect((await linkdesk(['demo', '--db', db])).status).toBe(0);
  return db;
}

describe('linkdesk export-spoc-list and export-record', () => {
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
    expect(again.stderr).toContain('already exists');
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
    expect((await linkdesk(['export-record', '--db', db, '--visit', visit.id, '--out', out])).stderr).toContain('never overwrites');
  });
});
