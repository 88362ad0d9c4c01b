/** Hand-built .xlsx and .docx packages for the tests of the bounded readers (and the fuzzer). */
import PizZip from 'pizzip';

export function zipOf(parts: Record<string, string | Buffer>): Buffer {
  const zip = new PizZip();
  for (const [name, content] of Object.entries(parts)) zip.file(name, content);
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * The same package with one part declaring another unpacked size in the zip's directory (and
 * its local header): how a zip bomb either announces itself or lies about what it holds.
 */
export function withDeclaredSize(zip: Buffer, part: string, size: number): Buffer {
  const out = Buffer.from(zip);
  let patched = false;
  for (let at = 0; at + 46 <= out.length; at++) {
    const signature = out.readUInt32LE(at);
    if (signature !== 0x02014b50 && signature !== 0x04034b50) continue;
    const central = signature === 0x02014b50;
    const nameAt = at + (central ? 46 : 30);
    const nameLength = out.readUInt16LE(at + (central ? 28 : 26));
    if (out.toString('utf8', nameAt, nameAt + nameLength) !== part) continue;
    out.writeUInt32LE(size, at + (central ? 24 : 22));
    patched = true;
  }
  if (!patched) throw new Error(`no part ${part}`);
  return out;
}

const XLSX_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** `<c>` elements (written as given) in rows; rows are numbered from 1 unless the cells say otherwise. */
export function sheetXml(rows: string[], prefix = ''): string {
  const p = prefix ? `${prefix}:` : '';
  const ns = prefix ? `xmlns:${prefix}="${XLSX_MAIN}"` : `xmlns="${XLSX_MAIN}"`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${p}worksheet ${ns} xmlns:r="${RELATIONSHIPS}"><${p}sheetData>${rows
    .map((cells, i) => `<${p}row r="${i + 1}">${cells}</${p}row>`)
    .join('')}</${p}sheetData></${p}worksheet>`;
}

/** An inline-string cell. */
export const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** The parts of a one-sheet workbook, as Excel lays them out; `extra` adds or replaces parts. */
export function xlsxParts(sheet: string, extra: Record<string, string> = {}, workbookPr = ''): Record<string, string> {
  return {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${XLSX_MAIN}" xmlns:r="${RELATIONSHIPS}">${workbookPr}<sheets><sheet name="People" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${RELATIONSHIPS}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': sheet,
    ...extra,
  };
}
