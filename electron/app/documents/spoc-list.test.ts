import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SpocListInput, TO_BE_ALLOCATED } from '../../../shared/domain/documents.ts';
import { createDemoDatabase } from '../demo/demo.ts';
import { asyncRefusalOf, PASSPHRASE, tempDir } from '../testing/builders.ts';
import { pdfOf, pdfText } from '../testing/office.ts';
import { exportSpocList, generatedDocuments } from './service.ts';
import { checkSpocList } from './spoc-list.ts';

const demo = () => createDemoDatabase(path.join(tempDir(), 'demo.linkdesk'), PASSPHRASE, 'Tess Manager', () => new Date('2026-11-24T10:00:00Z'));

const refusal = asyncRefusalOf;

describe('the published SPOC list', () => {
  it('lists the schools with no named link worker before saving, and saves them as "to be allocated" only when asked', async () => {
    const db = demo();
    const check = checkSpocList(db.db, '2026-11-24');
    expect(check.gaps.length).toBeGreaterThan(0);
    const file = path.join(tempDir(), 'SPOC list.xlsx');
    const refused = await refusal(() => exportSpocList(db.writeContext, SpocListInput.parse({ path: file, validFrom: '2026-11-24' }), db.path));
    expect(refused.message).toContain(`${check.gaps.length} schools have no named link worker`);
    expect(fs.existsSync(file)).toBe(false);

    const saved = await exportSpocList(db.writeContext, SpocListInput.parse({ path: file, validFrom: '2026-11-24', acceptGaps: true }), db.path);
    expect(saved).toEqual({ path: file, rows: check.schools, gaps: check.gaps.length });
    expect(generatedDocuments(db.db, {}).filter((d) => d.kind === 'spoc_list').map((d) => d.path)).toEqual([file]);
    expect((await refusal(() => exportSpocList(db.writeContext, SpocListInput.parse({ path: file, validFrom: '2026-11-24', acceptGaps: true }), db.path))).code).toBe('file_exists');

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error('no worksheet');
    expect(String(sheet.getCell('A1').value)).toBe('North Hub Dedicated Schools Team: SPOC contact list');
    expect(String(sheet.getCell('A2').value)).toContain('Valid from 24 November 2026');
    const header = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual(['School', 'URN', 'Category', 'Area / hub', 'Named link worker (SPOC)', 'SPOC work email', 'SPOC work phone', 'Secondary link worker', 'Secondary contact', 'Team manager', 'Team manager contact']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.columns.every((c) => (c.width ?? 0) >= 10)).toBe(true);

    const rows = Array.from({ length: check.schools }, (_, i) => (sheet.getRow(4 + i).values as unknown[]).slice(1).map(String));
    expect(sheet.getRow(4 + check.schools).getCell(1).value).toBeNull();
    const names = rows.map((r) => r[0] ?? '');
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en-GB')));
    const gapRows = rows.filter((r) => r[4] === TO_BE_ALLOCATED).map((r) => r[1]);
    expect(gapRows.sort()).toEqual(check.gaps.map((g) => g.urn).sort());
    expect(rows.filter((r) => r[4] !== TO_BE_ALLOCATED).every((r) => /@/.test(r[5] ?? ''))).toBe(true);

    // Only publishable fields: nothing from declared connections, notes or reasons reaches the file.
    const privateTexts = db.db
      .prepare("SELECT other_text AS t FROM declared_connection UNION SELECT notes FROM school UNION SELECT reason FROM allocation UNION SELECT override_reason FROM allocation")
      .pluck()
      .all()
      .filter((t): t is string => typeof t === 'string' && t.length > 3);
    expect(privateTexts.length).toBeGreaterThan(0);
    const everything = rows.flat().join('\n');
    for (const t of privateTexts) expect(everything).not.toContain(t);

    const text = pdfText(await pdfOf(file));
    expect(text).toContain('SPOC contact list');
    expect(text).toContain(names[0] ?? '');
  });
});
