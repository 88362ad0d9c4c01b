import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type AppError } from '../../../shared/errors.ts';
import { tempDir } from '../testing/builders.ts';
import { MAX_PATH, meetingRecordFolder, safeName, writeNewFile } from './file-names.ts';

describe('file names on a shared drive', () => {
  it('replaces the characters Windows refuses, and keeps the rest', () => {
    expect(safeName('St Mary’s C of E: Primary / Nursery?')).toBe('St Mary’s C of E- Primary - Nursery-');
    expect(safeName('A <B> "C" D|E*F\\G')).toBe('A -B- -C- D-E-F-G');
    expect(safeName('Tab\there')).toBe('Tab-here');
  });

  it('never ends a name in a dot or space, and never uses a reserved device name', () => {
    expect(safeName('Trailing dots... ')).toBe('Trailing dots');
    expect(safeName('CON')).toBe('CON_');
    expect(safeName('lpt1.docx')).toBe('lpt1.docx_');
    expect(safeName('Console Academy')).toBe('Console Academy');
    expect(safeName(' . ')).toBe('Unnamed');
  });

  it('shortens a long school name so the whole path stays within Windows’ limit', () => {
    const teamFolder = `C:\\Users\\tess.manager\\OneDrive - Northshire County Council\\Dedicated Schools Team\\${'Area '.repeat(10)}`;
    const folder = meetingRecordFolder(teamFolder, `The ${'Very '.repeat(40)}Long Church of England Voluntary Aided Primary School`, '123456');
    const file = path.join(folder, '2026-11-24 Early Help Consultation (99).docx');
    expect(file.length).toBeLessThanOrEqual(MAX_PATH);
    expect(folder).toContain('(123456)');
  });
});

describe('writing a document', () => {
  it('adds a suffix rather than overwrite, and leaves no temporary file', () => {
    const folder = tempDir();
    const target = path.join(folder, '2026-11-24 SPOC visit.docx');
    expect(writeNewFile(target, Buffer.from('first'))).toBe(target);
    expect(writeNewFile(target, Buffer.from('second'))).toBe(path.join(folder, '2026-11-24 SPOC visit (2).docx'));
    expect(writeNewFile(target, Buffer.from('third'))).toBe(path.join(folder, '2026-11-24 SPOC visit (3).docx'));
    expect(fs.readFileSync(target, 'utf8')).toBe('first');
    expect(fs.readdirSync(folder).sort()).toEqual(['2026-11-24 SPOC visit (2).docx', '2026-11-24 SPOC visit (3).docx', '2026-11-24 SPOC visit.docx']);
  });

  it('refuses a named file that exists when no suffix is wanted, and a missing folder, writing nothing', () => {
    const folder = tempDir();
    const target = path.join(folder, 'list.xlsx');
    fs.writeFileSync(target, 'the published list');
    const exists = (() => {
      try {
        writeNewFile(target, Buffer.from('new'), { addSuffix: false });
      } catch (error) {
        return error as AppError;
      }
      return null;
    })();
    expect(exists?.code).toBe('file_exists');
    expect(fs.readFileSync(target, 'utf8')).toBe('the published list');
    expect(fs.readdirSync(folder)).toEqual(['list.xlsx']);
    expect(() => writeNewFile(path.join(folder, 'gone', 'x.docx'), Buffer.from('x'))).toThrow(/does not exist/);
  });
});
