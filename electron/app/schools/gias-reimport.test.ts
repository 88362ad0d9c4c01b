import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SchoolQuery } from '../../../shared/domain/schools.ts';
import { aTeamDatabase, tempDir } from '../testing/builders.ts';
import { GIAS_2021, writeEditedFixture } from '../testing/gias-files.ts';
import { applyGiasImport } from './gias-import.ts';
import { selectSchool } from './repo.ts';
import { listSchools } from './service.ts';

const apply = (db: ReturnType<typeof aTeamDatabase>, file: string) => applyGiasImport(db.writeContext, file, [], { applyGoodRows: false });
const auditRows = (db: ReturnType<typeof aTeamDatabase>) => db.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;

describe('importing the same GIAS file again', () => {
  it('writes nothing at all: no school touched, no audit entry, the file byte for byte the same', async () => {
    const db = aTeamDatabase({ now: () => new Date('2026-11-23T10:00:00Z') });
    await apply(db, GIAS_2021);
    const audit = auditRows(db);
    const stamp = selectSchool(db.db, '100000')?.giasImportedAt;
    const bytes = fs.readFileSync(db.path);
    const changes = db.db.prepare('SELECT total_changes()').pluck().get();

    const again = await apply(db, GIAS_2021);

    expect(again).toMatchObject({ applied: true, counts: { added: 0, updated: 0, unchanged: 90 } });
    expect(db.db.prepare('SELECT total_changes()').pluck().get()).toBe(changes);
    expect(auditRows(db)).toBe(audit);
    expect(selectSchool(db.db, '100000')?.giasImportedAt).toBe(stamp);
    expect(fs.readFileSync(db.path).equals(bytes)).toBe(true);
  });

  it('writes only the schools that changed, and keeps them findable by their new name', async () => {
    const db = aTeamDatabase();
    await apply(db, GIAS_2021);
    const audit = auditRows(db);
    const later = path.join(tempDir(), 'later.csv');
    writeEditedFixture(GIAS_2021, later, (record) => (record.startsWith('100000,') ? record.replace('The Aldgate School', 'The Aldgate Free School') : record));

    const result = await apply(db, later);

    expect(result.counts).toMatchObject({ updated: 1, unchanged: 89 });
    // One audit row for the school and one for the import.
    expect(auditRows(db) - audit).toBe(2);
    expect(listSchools(db.db, SchoolQuery.parse({ search: 'aldgate free' })).rows.map((r) => r.urn)).toEqual(['100000']);
  });
});
