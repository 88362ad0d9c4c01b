import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.ts';
import { aTeamDatabase, tempDir } from '../testing/builders.ts';
import { encodeWindows1252, GIAS_2021, GIAS_2024, writeEditedFixture, writeNationalFile } from '../testing/gias-files.ts';
import { AllocationProposal } from '../../../shared/domain/allocations.ts';
import { selectSchoolHistory } from '../allocations/repo.ts';
import { allocate } from '../allocations/service.ts';
import { aPerson } from '../testing/people-builders.ts';
import { applyGiasImport, previewGiasImport } from './gias-import.ts';
import { closeSchool } from './service.ts';
import { selectSchool } from './repo.ts';

const apply = (db: ReturnType<typeof aTeamDatabase>, file: string, laCodes: string[] = [], applyGoodRows = false) =>
  applyGiasImport(db.writeContext, file, laCodes, { applyGoodRows });

async function refusal(work: Promise<unknown>): Promise<AppError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the import to be refused');
}

function schoolCount(db: ReturnType<typeof aTeamDatabase>): number {
  return db.db.prepare('SELECT count(*) FROM school').pluck().get() as number;
}

describe('GIAS import of the real 2021 file (Windows-1252, 139 columns)', () => {
  it('previews without writing, then adds the open establishments and skips the closed ones', async () => {
    const db = aTeamDatabase();
    const preview = await previewGiasImport(db.writeContext, GIAS_2021, []);
    expect(preview.counts).toEqual({ added: 90, updated: 0, unchanged: 0, skipped: 9, errors: 0, filteredOut: 0, closing: 0 });
    expect(preview.skipped[0]).toMatchObject({ urn: '100004', reason: 'Closed in GIAS and not in LinkDesk' });
    expect(schoolCount(db)).toBe(0);
    const result = await apply(db, GIAS_2021);
    expect(result.applied).toBe(true);
    expect(schoolCount(db)).toBe(90);
  });

  it('maps GIAS fields: category, status, restored phone, dates, postcode', async () => {
    const db = aTeamDatabase();
    await apply(db, GIAS_2021);
    expect(selectSchool(db.db, '100000')).toMatchObject({
      name: 'The Aldgate School', category: 'primary', status: 'open', laCode: '201', laName: 'City of London',
      phone: '02072831147', postcode: 'EC3A 5DE', source: 'gias',
    });
    expect(selectSchool(db.db, '100012')?.status).toBe('open_proposed_to_close');
    expect(selectSchool(db.db, '402386')).toMatchObject({ status: 'proposed_to_open', category: 'other' });
    const pru = db.db.prepare("SELECT category FROM school WHERE establishment_type = 'Pupil referral unit'").pluck().all();
    expect(pru.length).toBeGreaterThan(0);
    expect(new Set(pru)).toEqual(new Set(['alternative_provision']));
    expect(selectSchool(db.db, '100001')?.openedOn).toBe('1920-01-01');
  });

  it('filters by LA code', async () => {
    const db = aTeamDatabase();
    const preview = await previewGiasImport(db.writeContext, GIAS_2021, ['202', '201']);
    expect(preview.counts.filteredOut).toBe(51);
    expect(preview.counts.added + preview.counts.skipped).toBe(48);
  });

  it('is idempotent: a second import adds and updates nothing', async () => {
    const db = aTeamDatabase();
    await apply(db, GIAS_2021);
    const again = await apply(db, GIAS_2021);
    expect(again.counts).toMatchObject({ added: 0, updated: 0, unchanged: 90, skipped: 9 });
  });

  it('marks a school now closed in GIAS as closed and flagged, keeps it, and never touches team-held fields', async () => {
    const db = aTeamDatabase();
    await apply(db, GIAS_2021);
    db.db.prepare("UPDATE school SET hub = 'Central', dsl_name = 'Pat Lead', notes = 'Prefers Tuesday visits' WHERE urn = '100000'").run();
    const later = path.join(tempDir(), 'later.csv');
    writeEditedFixture(GIAS_2021, later, (record) =>
      record.startsWith('100000,') ? record.replace(',1,Open,', ',2,Closed,').replace('The Aldgate School', 'The Aldgate School (closed)') : record,
    );
    const preview = await previewGiasImport(db.writeContext, later, []);
    expect(preview.counts).toMatchObject({ updated: 1, closing: 1, unchanged: 89 });
    expect(preview.updated[0]?.changes.map((c) => c.field).sort()).toEqual(['name', 'status']);
    await apply(db, later);
    expect(selectSchool(db.db, '100000')).toMatchObject({
      status: 'closed', name: 'The Aldgate School (closed)', hub: 'Central', dslName: 'Pat Lead', notes: 'Prefers Tuesday visits',
    });
    expect(selectSchool(db.db, '100000')?.closedInGiasOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(schoolCount(db)).toBe(90);
  });
});

describe('GIAS import and the team’s own decisions', () => {
  it('keeps a school the team closed closed, even while GIAS still lists it as open', async () => {
    const db = aTeamDatabase();
    await apply(db, GIAS_2021);
    closeSchool(db.writeContext, '100000', '2026-08-31');
    const again = await apply(db, GIAS_2021);
    expect(again.counts).toMatchObject({ updated: 0, unchanged: 90 });
    expect(selectSchool(db.db, '100000')).toMatchObject({ status: 'closed', closedOn: '2026-08-31' });
  });

  it('ends the allocations of a school GIAS now lists as closed', async () => {
    const db = aTeamDatabase();
    await apply(db, GIAS_2021);
    const amy = aPerson(db, { hub: '' });
    const ben = aPerson(db, { hub: '' });
    allocate(db.writeContext, AllocationProposal.parse({ urn: '100000', namedId: amy.id, secondaryId: ben.id, from: '2026-09-01' }));
    const later = path.join(tempDir(), 'later.csv');
    writeEditedFixture(GIAS_2021, later, (record) => (record.startsWith('100000,') ? record.replace(',1,Open,', ',2,Closed,') : record));
    await apply(db, later);
    const ends = selectSchoolHistory(db.db, '100000').map((p) => p.to);
    expect(ends).toHaveLength(2);
    expect(ends.every((to) => to !== null)).toBe(true);
  });
});

describe('GIAS import of the 2024 file (140 columns, new columns in other places)', () => {
  it('finds its columns by name', async () => {
    const db = aTeamDatabase();
    const result = await apply(db, GIAS_2024);
    expect(result.counts).toMatchObject({ added: 6, skipped: 2, errors: 0 });
    expect(selectSchool(db.db, '100000')?.phone).toBe('02072831147');
  });
});

describe('bad GIAS files: a clear message each, and the database as it was', () => {
  const write = (name: string, content: string | Buffer) => {
    const file = path.join(tempDir(), name);
    fs.writeFileSync(file, content);
    return file;
  };

  it('refuses a CSV that is not a GIAS file', async () => {
    const db = aTeamDatabase();
    const error = await refusal(apply(db, write('people.csv', 'Name,Email\nAmy,amy@example.org\n')));
    expect(error.message).toMatch(/not a GIAS establishment file.*URN or EstablishmentName/);
  });

  it('refuses an empty file, a UTF-16 file and a missing one', async () => {
    const db = aTeamDatabase();
    expect((await refusal(apply(db, write('empty.csv', '')))).message).toBe('empty.csv is empty.');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('URN,EstablishmentName\r\n', 'utf16le')]);
    expect((await refusal(apply(db, write('utf16.csv', utf16)))).message).toMatch(/UTF-16/);
    expect((await refusal(apply(db, '/nowhere/edubase.csv'))).code).toBe('file_not_found');
  });

  it('reads Windows-1252 and UTF-8 alike', async () => {
    const db = aTeamDatabase();
    const text = 'URN,EstablishmentName,EstablishmentStatus (name),LA (code)\r\n123456,Ysgol Gymraeg Bro Môn,Open,673\r\n';
    await apply(db, write('cp1252.csv', encodeWindows1252(text)));
    expect(selectSchool(db.db, '123456')?.name).toBe('Ysgol Gymraeg Bro Môn');
    const utf8 = text.replace('123456', '123457');
    await apply(db, write('utf8.csv', `\ufeff${utf8}`));
    expect(selectSchool(db.db, '123457')?.name).toBe('Ysgol Gymraeg Bro Môn');
  });

  it('reports duplicate URNs, malformed rows and bad dates by row, and applies nothing', async () => {
    const db = aTeamDatabase();
    const file = path.join(tempDir(), 'bad-rows.csv');
    writeEditedFixture(GIAS_2021, file, (record, index) => {
      if (index === 3) return record.replace(/^\d+,/, '100000,');
      if (index === 5) return record.split(',').slice(0, 40).join(',');
      if (index === 2) return record.replace('01-01-1939', '31-02-1939');
      return record;
    });
    const result = await apply(db, file);
    expect(result.applied).toBe(false);
    expect(result.errors.map((e) => e.row)).toEqual([4, 5, 7]);
    expect(result.errors[0]?.message).toMatch(/OpenDate "31-02-1939" is not a date/);
    expect(result.errors[1]?.message).toMatch(/URN 100000 appears more than once in the file \(first on row 2\)/);
    expect(result.errors[2]?.message).toMatch(/has 40 values where the header has 139/);
    expect(schoolCount(db)).toBe(0);
    const good = await apply(db, file, [], true);
    expect(good.applied).toBe(true);
    expect(schoolCount(db)).toBe(87);
  });

  it('refuses a file cut short inside a quoted value', async () => {
    const db = aTeamDatabase();
    const text = 'URN,EstablishmentName,EstablishmentStatus (name)\r\n100000,School A,Open\r\n100001,"School B,Open, but proposed\r\n';
    const error = await refusal(apply(db, write('cut.csv', text)));
    expect(error.message).toMatch(/cut short or damaged/);
    expect(schoolCount(db)).toBe(0);
  });
});

describe('a national-size GIAS file', () => {
  // Two passes over 40 MB: on two cores shared with other work this has taken over two minutes.
  it('imports 50,000 rows, filtered by LA or whole', async () => {
    const file = path.join(tempDir(), 'edubasealldata20261123.csv');
    const { bytes } = writeNationalFile(file, 50_000);
    expect(bytes).toBeGreaterThan(40_000_000);
    const db = aTeamDatabase();
    const filtered = await previewGiasImport(db.writeContext, file, ['301']);
    const inLa301 = Array.from({ length: 50_000 }, (_, i) => i).filter((i) => i % 150 === 1).length;
    expect(filtered.counts.added + filtered.counts.skipped).toBe(inLa301);
    const progress: number[] = [];
    const result = await applyGiasImport(db.writeContext, file, [], { applyGoodRows: false }, (_phase, done) => progress.push(done));
    expect(result.applied).toBe(true);
    expect(schoolCount(db)).toBe(result.counts.added);
    expect(result.counts.added + result.counts.skipped).toBe(50_000);
    expect(progress.at(-1)).toBe(bytes);
  }, 600_000);
});
