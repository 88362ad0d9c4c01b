import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { asyncRefusalOf, tempDir } from '../testing/builders.ts';
import { inline, sheetXml, withDeclaredSize, xlsxParts, zipOf } from '../testing/zip-files.ts';
import { readTable } from './table-file.ts';

function save(name: string, bytes: Buffer): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, bytes);
  return file;
}

const xlsx = (name: string, rows: string[], extra: Record<string, string> = {}, workbookPr = '') => save(name, zipOf(xlsxParts(sheetXml(rows), extra, workbookPr)));

describe('reading an .xlsx as a stream', () => {
  it('reads what Excel writes: shared strings (with rich text and phonetic guides left out), inline strings, numbers, booleans, formula results and dates', async () => {
    const shared = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Name</t></si><si><t xml:space="preserve">Active from</t></si><si><r><t>Siân</t></r><r><rPr><b/></rPr><t xml:space="preserve"> Ní Bhriain &amp; co</t></r><rPh><t>ignored</t></rPh></si></sst>`;
    const styles = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
    const file = xlsx('people.xlsx', [
      '<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>Capacity</t></is></c><c r="D1" t="str"><f>"Ac"&amp;"tive"</f><v>Active</v></c>',
      '<c r="A2" t="s"><v>2</v></c><c r="B2" s="1"><v>46027</v></c><c r="C2"><v>12</v></c><c r="D2" t="b"><v>1</v></c>',
      '<c r="A3" t="inlineStr"><is><t>Ben</t></is></c><c r="B3" s="2"><v>46028.75</v></c><c r="C3" t="e"><v>#N/A</v></c>',
    ], { 'xl/sharedStrings.xml': shared, 'xl/styles.xml': styles });
    expect(await readTable(file)).toEqual({
      header: ['Name', 'Active from', 'Capacity', 'Active'],
      rows: [
        { row: 2, values: ['Siân Ní Bhriain & co', '2026-01-05', '12', 'true'] },
        { row: 3, values: ['Ben', '2026-01-06', '', ''] },
      ],
    });
  });

  it('reads a workbook saved by exceljs, and the 1904 date system of an old Mac workbook', async () => {
    const file = path.join(tempDir(), 'exceljs.xlsx');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('People');
    sheet.addRow(['Name', 'Active from']);
    sheet.addRow(['Cara Support', new Date(Date.UTC(2026, 0, 5))]);
    await book.xlsx.writeFile(file);
    expect((await readTable(file)).rows).toEqual([{ row: 2, values: ['Cara Support', '2026-01-05'] }]);

    const styles = '<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>';
    const mac = xlsx('mac.xlsx', [inline('A1', 'Active from'), '<c r="A2" s="1"><v>44565</v></c>'], { 'xl/styles.xml': styles }, '<workbookPr date1904="1"/>');
    expect((await readTable(mac)).rows[0]?.values).toEqual(['2026-01-05']);
  });

  it('reads prefixed XML (as the .NET Open XML SDK writes it), cells without references, and skips empty rows', async () => {
    const sheet = sheetXml(['<x:c t="inlineStr"><x:is><x:t>Name</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>Hub</x:t></x:is></x:c>', '', '<x:c t="inlineStr"><x:is><x:t>Amy</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>North</x:t></x:is></x:c>'], 'x');
    const file = save('prefixed.xlsx', zipOf(xlsxParts(sheet)));
    expect(await readTable(file)).toEqual({ header: ['Name', 'Hub'], rows: [{ row: 3, values: ['Amy', 'North'] }] });
  });

  it('strips control and bidi characters from every cell', async () => {
    const file = xlsx('hostile.xlsx', [inline('A1', 'Name'), inline('A2', 'Amy&#x202E;reknow&#13; Worker&#0;')]);
    expect((await readTable(file)).rows[0]?.values).toEqual(['Amyreknow  Worker']);
  });
});

describe('limits on an .xlsx, each refused with the file and the limit named', () => {
  it('the reported file: one header cell at XFD1 and 100,000 one-cell rows is refused at its first row', async () => {
    const rows = [inline('XFD1', 'Name'), ...Array.from({ length: 100_000 }, (_, i) => `<c r="A${i + 2}"><v>${i}</v></c>`)];
    const file = xlsx('people.xlsx', rows);
    const refused = await asyncRefusalOf(() => readTable(file));
    expect(refused.message).toBe('people.xlsx has more than 200 columns (the limit is 200). Nothing was changed.');
    expect(refused.details).toMatchObject({ file: 'people.xlsx', limit: '200', row: 1 });
  });

  it('more than 20,000 rows', async () => {
    const rows = [inline('A1', 'Name'), ...Array.from({ length: 20_001 }, (_, i) => `<c r="A${i + 2}"><v>${i}</v></c>`)];
    expect((await asyncRefusalOf(() => readTable(xlsx('long.xlsx', rows)))).message).toBe('long.xlsx has more than 20,000 rows (the limit is 20,000). Nothing was changed.');
  });

  it('a cell longer than Excel’s own 32,767 characters, inline or shared', async () => {
    const long = 'x'.repeat(32_768);
    expect((await asyncRefusalOf(() => readTable(xlsx('cell.xlsx', [inline('A1', 'Name'), inline('A2', long)])))).message).toBe(
      'cell.xlsx has a cell longer than 32,767 characters in row 2 (the limit is 32,767 characters). Nothing was changed.',
    );
    const shared = `<sst><si><t>Name</t></si><si><t>${long}</t></si></sst>`;
    const sharedFile = xlsx('shared.xlsx', ['<c r="A1" t="s"><v>0</v></c>', '<c r="A2" t="s"><v>1</v></c>'], { 'xl/sharedStrings.xml': shared });
    expect((await asyncRefusalOf(() => readTable(sharedFile))).message).toContain('shared.xlsx has a cell longer than 32,767 characters');
  });

  it('a zip bomb that declares its size is refused before anything is unpacked', async () => {
    const honest = withDeclaredSize(zipOf(xlsxParts(sheetXml([inline('A1', 'Name')]))), 'xl/worksheets/sheet1.xml', 2_000_000_000);
    expect((await asyncRefusalOf(() => readTable(save('bomb.xlsx', honest)))).message).toBe('bomb.xlsx would take more than 50 MB once unpacked (the limit is 50 MB). Nothing was changed.');
  });

  it('a zip bomb that lies about its size is refused as soon as it unpacks more than it declared', async () => {
    const sheet = sheetXml([inline('A1', 'Name'), ...Array.from({ length: 5_000 }, (_, i) => inline(`A${i + 2}`, 'padding padding padding'))]);
    const lying = withDeclaredSize(zipOf(xlsxParts(sheet)), 'xl/worksheets/sheet1.xml', 1_000);
    const refused = await asyncRefusalOf(() => readTable(save('liar.xlsx', lying)));
    expect(refused.message).toContain('liar.xlsx cannot be read as an Excel workbook: its part xl/worksheets/sheet1.xml unpacks to more or less than the 1,000 bytes it declares');
  });

  it('a file larger than 20 MB is refused before it is read', async () => {
    const file = path.join(tempDir(), 'huge.xlsx');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 21 * 1024 * 1024);
    expect((await asyncRefusalOf(() => readTable(file))).message).toBe('huge.xlsx is larger than 20 MB (the limit is 20 MB). Nothing was changed.');
  });

  it('a cell never closed (XML cut short or crafted so) is refused as damaged, not read in part', async () => {
    const file = xlsx('cut.xlsx', [inline('A1', 'Name') + '<c r="B1">'.repeat(100_000)]);
    expect((await asyncRefusalOf(() => readTable(file))).message).toContain('cut.xlsx cannot be read as an Excel workbook: its XML is damaged (a <c> is never closed)');
  });

  it('a file that is not a workbook, or holds no worksheet, says so', async () => {
    expect((await asyncRefusalOf(() => readTable(save('text.xlsx', Buffer.from('Name,Role\nAmy,FSW\n'))))).message).toBe(
      'text.xlsx cannot be read as an Excel workbook: it is not a zip package. Save it from Excel as "Excel Workbook (.xlsx)" and try again.',
    );
    const parts = xlsxParts(sheetXml([]));
    delete parts['xl/worksheets/sheet1.xml'];
    expect((await asyncRefusalOf(() => readTable(save('empty.xlsx', zipOf(parts))))).message).toContain('it holds no worksheet');
  });
});
