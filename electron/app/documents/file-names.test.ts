import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_PATH, meetingRecordFolder, safeName } from './file-names.ts';

describe('file names on a shared drive', () => {
  it('replaces the characters Windows refuses, and keeps the rest', () => {
    expect(safeName('St Mary’s C of E: Primary / Nursery?')).toBe('St Mary’s C of E- Primary - Nursery-');
    expect(safeName('A <B> "C" D|E*F\\G')).toBe('A -B- -C- D-E-F-G');
    expect(safeName('Tab\there')).toBe('Tab here');
    expect(safeName('Report\u202Excod.docx')).toBe('Reportxcod.docx');
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
