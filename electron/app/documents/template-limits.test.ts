import fs from 'node:fs';
import path from 'node:path';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { aTeamDatabase, bytesOf, refusalOf, tempDir } from '../testing/builders.ts';
import { withDeclaredSize } from '../testing/zip-files.ts';
import { templatesState } from './service.ts';
import { loadTemplate } from './word-records.ts';
import { defaultTemplate } from './templates.ts';

/** The default visit template with its document text changed, as bytes. */
function edited(change: (xml: string) => string): Buffer {
  const zip = new PizZip(defaultTemplate('visit_record').content);
  zip.file('word/document.xml', change(zip.file('word/document.xml')?.asText() ?? ''));
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function save(name: string, bytes: Buffer): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** Loads a template that must be refused; the database and the templates in use stay as they were. */
function refusedUnchanged(file: string): string {
  const db = aTeamDatabase();
  const before = bytesOf(db.path);
  const message = refusalOf(() => loadTemplate(db.writeContext, 'visit_record', file)).message;
  expect(bytesOf(db.path).equals(before)).toBe(true);
  expect(templatesState(db.db).every((t) => t.active === null && t.versions.length === 0)).toBe(true);
  return message;
}

describe('limits on a team’s Word template, each refused with the file and the limit named, changing nothing', () => {
  it('millions of placeholders in a small file (the report: two million in 59 KB)', () => {
    const reported = edited((xml) => xml.replace('{otherIssues}', `{otherIssues}${'{a}'.repeat(2_000_000)}`));
    expect(reported.length).toBeLessThan(200_000);
    expect(refusedUnchanged(save('reported.docx', reported))).toContain('reported.docx has more than 5 MB of text and layout (XML)');
    const million = edited((xml) => xml.replace('{otherIssues}', `{otherIssues}${'{a}'.repeat(1_000_000)}`));
    expect(refusedUnchanged(save('letterhead.docx', million))).toBe('letterhead.docx has more than 2,000 placeholders (the limit is 2,000). Nothing was changed.');
  });

  it('more than 5 MB of XML, however well it compresses', () => {
    const bytes = edited((xml) => xml.replace('{otherIssues}', `{otherIssues}${' '.repeat(6 * 1024 * 1024)}`));
    expect(refusedUnchanged(save('letterhead.docx', bytes))).toBe('letterhead.docx has more than 5 MB of text and layout (XML) (the limit is 5 MB). Nothing was changed.');
  });

  it('more than 100,000 XML elements, which docxtemplater would hold and walk for every record', () => {
    const bytes = edited((xml) => xml.replace('<w:body>', `<w:body>${'<w:p><w:r><w:t>Letterhead</w:t></w:r></w:p>'.repeat(20_000)}`));
    expect(refusedUnchanged(save('letterhead.docx', bytes))).toBe(
      'letterhead.docx is too long or complex for a template: more than 100,000 pieces of Word layout (XML elements) (the limit is 100,000). Nothing was changed.',
    );
  });

  it('a part that declares 300 MB is refused before it is unpacked; one that declares less than it holds, as soon as it overflows', () => {
    const honest = withDeclaredSize(defaultTemplate('visit_record').content, 'word/document.xml', 300 * 1024 * 1024);
    expect(refusedUnchanged(save('bomb.docx', honest))).toBe('bomb.docx would take more than 100 MB once unpacked (the limit is 100 MB). Nothing was changed.');
    const lying = withDeclaredSize(defaultTemplate('visit_record').content, 'word/document.xml', 100);
    expect(refusedUnchanged(save('liar.docx', lying))).toContain('liar.docx is not a Word .docx file (its part word/document.xml unpacks to more or less than the 100 bytes it declares');
  });

  it('a file larger than 20 MB, refused before it is read', () => {
    const file = save('huge.docx', Buffer.alloc(0));
    fs.truncateSync(file, 20 * 1024 * 1024 + 1);
    expect(refusedUnchanged(file)).toBe('huge.docx is larger than 20 MB (the limit is 20 MB). Nothing was changed.');
  });

  it('placeholders named after what every object has ({__proto__}, {toString}, {constructor}) are unknown, not quietly accepted', () => {
    const bytes = edited((xml) => xml.replace('{otherIssues}', '{otherIssues} {__proto__} {toString} {constructor} {hasOwnProperty}'));
    expect(refusedUnchanged(save('letterhead.docx', bytes))).toContain('uses placeholders LinkDesk does not fill: {__proto__}, {constructor}, {hasOwnProperty}, {toString}');
  });
});
