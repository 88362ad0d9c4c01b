import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { refusalOf, tempDir } from '../testing/builders.ts';
import { writeOutputFile, writeOutputWith } from './output-path.ts';

const posix = process.platform !== 'win32';
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;
const leftovers = (folder: string) => fs.readdirSync(folder).filter((f) => f.endsWith('.partial'));

describe('the one writer of files at a path a person gave', () => {
  it('writes a new file readable by its owner only, and leaves no temporary file', () => {
    const folder = tempDir();
    const file = path.join(folder, 'visits.ics');
    expect(writeOutputFile({ path: file, kind: 'calendar' }, 'BEGIN:VCALENDAR\r\n')).toBe(file);
    expect(fs.readFileSync(file, 'utf8')).toBe('BEGIN:VCALENDAR\r\n');
    if (posix) expect(modeOf(file)).toBe(0o600);
    expect(fs.readdirSync(folder)).toEqual(['visits.ics']);
  });

  it('requires the extension of the action', () => {
    const folder = tempDir();
    const wrong = refusalOf(() => writeOutputFile({ path: path.join(folder, 'visits.txt'), kind: 'calendar' }, 'x'));
    expect(wrong.message).toBe('A calendar file must be saved with a name ending in .ics: visits.txt does not.');
    expect(refusalOf(() => writeOutputFile({ path: path.join(folder, '.xlsx'), kind: 'spoc-list' }, 'x')).message).toContain('ending in .xlsx');
    expect(refusalOf(() => writeOutputFile({ path: path.join(folder, 'record.docx.exe'), kind: 'record' }, 'x')).message).toContain('ending in .docx');
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('refuses a file already there unless the person chose to replace it, then replaces it whole', () => {
    const folder = tempDir();
    const file = path.join(folder, 'SPOC list.xlsx');
    fs.writeFileSync(file, 'the list published last term', { mode: 0o644 });
    const refused = refusalOf(() => writeOutputFile({ path: file, kind: 'spoc-list' }, 'new'));
    expect(refused.code).toBe('file_exists');
    expect(refused.message).toBe(`There is already a file at ${file}. Choose another name, or tick Replace.`);
    expect(refused.details).toMatchObject({ canReplace: true, issues: [{ path: 'path' }] });
    expect(fs.readFileSync(file, 'utf8')).toBe('the list published last term');

    expect(writeOutputFile({ path: file, kind: 'spoc-list', replace: true }, 'the new list')).toBe(file);
    expect(fs.readFileSync(file, 'utf8')).toBe('the new list');
    if (posix) expect(modeOf(file)).toBe(0o600);
    expect(leftovers(folder)).toEqual([]);
  });

  it('never replaces a team database, whatever the person chose', () => {
    const folder = tempDir();
    const other = path.join(folder, 'another team.linkdesk');
    fs.writeFileSync(other, 'another team’s encrypted database');
    const refused = refusalOf(() => writeOutputWith({ path: other, kind: 'backup', replace: true }, () => fs.writeFileSync(path.join(folder, 'never'), '')));
    expect(refused.message).toContain('a team database, which LinkDesk never replaces');
    expect(fs.readFileSync(other, 'utf8')).toBe('another team’s encrypted database');
    expect(fs.readdirSync(folder)).toEqual(['another team.linkdesk']);
  });

  it('never writes over the open database, however the path names it: directly, through .., a symbolic link or a hard link', () => {
    const folder = tempDir();
    // A database whose name has the action's extension, so only the database rule can refuse it.
    const database = path.join(folder, 'team.ics');
    fs.writeFileSync(database, 'the team database');
    fs.mkdirSync(path.join(folder, 'sub'));
    fs.symlinkSync(database, path.join(folder, 'link.ics'));
    fs.linkSync(database, path.join(folder, 'hard.ics'));
    for (const name of ['team.ics', 'sub/../team.ics', 'link.ics', 'hard.ics']) {
      const refused = refusalOf(() => writeOutputFile({ path: path.join(folder, name), kind: 'calendar', replace: true, database }, 'a calendar'));
      expect(refused.message, name).toContain('is the team database that is open. LinkDesk never writes over it');
    }
    expect(fs.readFileSync(database, 'utf8')).toBe('the team database');
    expect(leftovers(folder)).toEqual([]);
  });

  it('removes the temporary file when writing fails, and puts nothing at the name', () => {
    const folder = tempDir();
    const file = path.join(folder, 'backup.linkdesk');
    expect(() =>
      writeOutputWith({ path: file, kind: 'backup' }, (temporary) => {
        fs.writeFileSync(temporary, 'half a backup');
        throw new Error('the drive went away');
      }),
    ).toThrow('the drive went away');
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('refuses a file that appeared at the name while it was being written, keeping that file', () => {
    const folder = tempDir();
    const file = path.join(folder, 'visits.ics');
    const refused = refusalOf(() =>
      writeOutputWith({ path: file, kind: 'calendar' }, (temporary) => {
        fs.writeFileSync(temporary, 'ours');
        fs.writeFileSync(file, 'someone else’s');
      }),
    );
    expect(refused.code).toBe('file_exists');
    expect(fs.readFileSync(file, 'utf8')).toBe('someone else’s');
    expect(leftovers(folder)).toEqual([]);
  });

  it('adds " (2)", " (3)" for names LinkDesk chooses itself', () => {
    const folder = tempDir();
    const file = path.join(folder, '2026-11-24 SPOC visit.docx');
    expect(writeOutputFile({ path: file, kind: 'record', addSuffix: true }, 'first')).toBe(file);
    expect(writeOutputFile({ path: file, kind: 'record', addSuffix: true }, 'second')).toBe(path.join(folder, '2026-11-24 SPOC visit (2).docx'));
    expect(writeOutputFile({ path: file, kind: 'record', addSuffix: true }, 'third')).toBe(path.join(folder, '2026-11-24 SPOC visit (3).docx'));
    expect(fs.readFileSync(file, 'utf8')).toBe('first');
    expect(fs.readdirSync(folder).sort()).toEqual(['2026-11-24 SPOC visit (2).docx', '2026-11-24 SPOC visit (3).docx', '2026-11-24 SPOC visit.docx']);
  });

  it('names a missing folder, and a folder where the file should go', () => {
    const folder = tempDir();
    expect(refusalOf(() => writeOutputFile({ path: path.join(folder, 'gone', 'x.docx'), kind: 'record' }, 'x')).message).toBe(
      `The folder ${path.join(folder, 'gone')} does not exist (is the shared drive connected?). Nothing was saved.`,
    );
    fs.mkdirSync(path.join(folder, 'taken.ics'));
    expect(refusalOf(() => writeOutputFile({ path: path.join(folder, 'taken.ics'), kind: 'calendar', replace: true }, 'x')).message).toContain('There is a folder at');
  });
});
