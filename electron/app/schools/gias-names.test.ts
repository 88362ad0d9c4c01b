import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SchoolQuery } from '../../../shared/domain/schools.ts';
import { aTeamDatabase, tempDir } from '../testing/builders.ts';
import { GIAS_2021, writeEditedFixture } from '../testing/gias-files.ts';
import { applyGiasImport, previewGiasImport } from './gias-import.ts';
import { selectSchool } from './repo.ts';
import { listSchools } from './service.ts';

describe('school names from GIAS', () => {
  it('a name with a line break and runs of spaces is imported on one line, single-spaced, found by search, and unchanged on the next import', async () => {
    const db = aTeamDatabase();
    const file = path.join(tempDir(), 'names.csv');
    // "St Paul's Cathedral School" in the real file; GIAS has names with a break pasted in.
    writeEditedFixture(GIAS_2021, file, (record) => (record.startsWith('100002,') ? record.replace("St Paul's Cathedral School", '"St Paul\'s\r\n Cathedral   School"') : record));
    expect(fs.readFileSync(file, 'latin1')).toContain('"St Paul\'s\r\n Cathedral   School"');
    await applyGiasImport(db.writeContext, file, [], { applyGoodRows: false });
    expect(selectSchool(db.db, '100002')?.name).toBe("St Paul's Cathedral School");
    expect(listSchools(db.db, SchoolQuery.parse({ search: 'st pauls cathedral' })).rows.map((r) => r.urn)).toEqual(['100002']);
    const again = await previewGiasImport(db.writeContext, GIAS_2021, []);
    expect(again.counts).toMatchObject({ added: 0, updated: 0 });
  });
});
