/** A national-size GIAS import: what its one pass must still guarantee (the figures are in the bench, never here). */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NewSchool } from '../../../shared/domain/schools.ts';
import { aTeamDatabase, bytesOf, tempDir } from '../testing/builders.ts';
import { encodeWindows1252, writeNationalFile } from '../testing/gias-files.ts';
import { applyGiasImport } from './gias-import.ts';
import { SCHOOL_SEARCH_INSERT_TRIGGER } from './repo.ts';
import { addSchool } from './service.ts';

type Db = ReturnType<typeof aTeamDatabase>;
const apply = (db: Db, file: string, applyGoodRows = false) => applyGiasImport(db.writeContext, file, [], { applyGoodRows });
const count = (db: Db, sql: string): number => db.db.prepare(sql).pluck().get() as number;

function nationalFile(rows: number): string {
  const file = path.join(tempDir(), 'edubasealldata.csv');
  writeNationalFile(file, rows);
  return file;
}

/** The national file with its text changed: `edit` gets the decoded text. */
function edited(file: string, edit: (text: string) => string): string {
  const target = path.join(tempDir(), 'edited.csv');
  fs.writeFileSync(target, encodeWindows1252(edit(new TextDecoder('windows-1252').decode(fs.readFileSync(file)))));
  return target;
}

/** The URNs the search index finds for a phrase, and those whose search text holds it (what it must find, for a phrase of three lower-case letters or more). */
function searchBothWays(db: Db, phrase: string): { index: string[]; text: string[] } {
  const index = db.db.prepare("SELECT printf('%06d', rowid) FROM school_search WHERE school_search MATCH ? ORDER BY rowid").pluck().all(`"${phrase}"`) as string[];
  const text = db.db.prepare("SELECT urn FROM school WHERE instr(search_text, ?) > 0 ORDER BY CAST(urn AS INTEGER)").pluck().all(phrase) as string[];
  return { index, text };
}

const triggerSql = (db: Db) => db.db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'school_search_insert'").pluck().get();

describe('a national-size GIAS import', () => {
  it('records the schools it adds in the import’s own audit row, whose instant they carry, and a changed school in a row of its own', async () => {
    const db = aTeamDatabase();
    const before = count(db, 'SELECT count(*) FROM audit_log');
    const file = nationalFile(2_000);
    const result = await apply(db, file);
    expect(result.counts.added).toBeGreaterThan(1_500);
    const rows = db.db.prepare('SELECT entity, entity_id, action, summary, at FROM audit_log WHERE id > ? ORDER BY id').all(before) as { entity: string; action: string; summary: string; at: string }[];
    expect(rows).toEqual([{ entity: 'gias-import', entity_id: null, action: 'apply', summary: expect.stringMatching(`^added ${result.counts.added}, updated 0,`) as unknown, at: expect.any(String) as unknown }]);
    expect(db.db.prepare('SELECT DISTINCT created_at, gias_imported_at FROM school').all()).toEqual([{ created_at: rows[0]?.at, gias_imported_at: rows[0]?.at }]);

    const renamed = edited(file, (text) => text.replace(/\r\n200001,(\d+),([^,]*),(\d+),"?([^,"]*)/, '\r\n200001,$1,$2,$3,Renamed Academy'));
    const again = await apply(db, renamed);
    expect(again.counts).toMatchObject({ added: 0, updated: 1 });
    expect(db.db.prepare('SELECT entity, entity_id, action FROM audit_log WHERE id > ? ORDER BY id').all(before + 1)).toEqual([
      { entity: 'school', entity_id: '200001', action: 'import-update' },
      { entity: 'gias-import', entity_id: null, action: 'apply' },
    ]);
  }, 120_000);

  it('keeps the search index exact: built in one statement for the added schools, changed with a renamed one, then kept by its trigger again', async () => {
    const fresh = aTeamDatabase();
    const db = aTeamDatabase();
    const file = nationalFile(3_000);
    await apply(db, file);
    const schools = count(db, 'SELECT count(*) FROM school');
    // One entry for each school, none twice.
    expect(count(db, 'SELECT count(*) FROM school_search_docsize')).toBe(schools);
    for (const phrase of ['school', 'pri', 'camden', 'nw1', '2002', 'mary', 'ysgol']) {
      const { index, text } = searchBothWays(db, phrase);
      expect(index).toEqual(text);
    }
    // The trigger the import set aside is back, as the migration made it.
    expect(triggerSql(db)).toBe(triggerSql(fresh));
    expect(triggerSql(db)).toBe(SCHOOL_SEARCH_INSERT_TRIGGER);

    const renamed = edited(file, (text) => text.replace(/\r\n200002,(\d+),([^,]*),(\d+),"?([^,"]*)"?,/, '\r\n200002,$1,$2,$3,Quillfeather Academy,'));
    expect((await apply(db, renamed)).counts).toMatchObject({ updated: 1, unchanged: schools - 1 });
    expect(searchBothWays(db, 'quillfeather')).toEqual({ index: ['200002'], text: ['200002'] });
    expect(count(db, 'SELECT count(*) FROM school_search_docsize')).toBe(schools);

    addSchool(db.writeContext, NewSchool.parse({ urn: '999001', name: 'Zephyrine Nursery', establishmentType: 'Local authority nursery school', laCode: '202', laName: 'Camden' }));
    expect(searchBothWays(db, 'zephyrine')).toEqual({ index: ['999001'], text: ['999001'] });
  }, 120_000);

  it('refused at its last row, after writing more than the page cache holds, leaves the file byte for byte as it was', async () => {
    const db = aTeamDatabase();
    const bytes = bytesOf(db.path);
    // 25,000 rows write more than the 8 MiB page cache a new file starts with.
    const national = nationalFile(25_000);
    const file = edited(national, (text) => `${text}999999,Last School,Open,202,"cut short\r\n`);
    const cut = await apply(db, file, true).then(
      () => null,
      (error: unknown) => error as Error,
    );
    expect(cut?.message).toMatch(/cut short or damaged: a quoted value is never closed \(from line 25002\)/);
    expect(bytesOf(db.path).equals(bytes)).toBe(true);

    const badDate = edited(national, (text) => text.replace(/\r\n224950,.*$/m, (row) => row.replace(/\d\d-\d\d-\d{4}/, '31-02-2001')));
    const refused = await apply(db, badDate);
    expect(refused).toMatchObject({ applied: false, counts: { errors: 1 } });
    expect(refused.counts.added).toBeGreaterThan(20_000);
    expect(bytesOf(db.path).equals(bytes)).toBe(true);
    expect(count(db, 'SELECT count(*) FROM school')).toBe(0);
  }, 300_000);

  it('leaves the planner statistics of the register up to date (ANALYZE after a big import)', async () => {
    const db = aTeamDatabase();
    await apply(db, nationalFile(2_000));
    const stats = db.db.prepare("SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'school' ORDER BY idx").all() as { idx: string; stat: string }[];
    expect(stats.map((s) => s.idx)).toContain('school_name_urn');
    expect(Number(stats[0]?.stat.split(' ')[0])).toBe(count(db, 'SELECT count(*) FROM school'));
  }, 120_000);
});
