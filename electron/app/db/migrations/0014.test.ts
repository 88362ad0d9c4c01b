import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PASSPHRASE, tempDir } from '../../testing/builders.ts';
import { openConnection } from '../cipher.ts';
import { migrate } from './index.ts';

describe('migration 0014: schools in the team’s scope', () => {
  it('keeps every school, each following its category until it is given its own choice, which must be 0 or 1', () => {
    const db = openConnection(path.join(tempDir(), 'm.linkdesk'), PASSPHRASE, { create: true });
    migrate(db, 13);
    db.exec(`
      INSERT INTO school (urn, name, establishment_type, phase, category, status, la_code, la_name, source, search_text, created_at, updated_at) VALUES
        ('100500', 'St Mary''s C of E Primary School', 'Voluntary aided school', 'Primary', 'primary', 'open', '202', 'Camden', 'manual', 'st mary''s', 'x', 'x'),
        ('100501', 'Westfield College', 'Further education', '16 plus', 'further_education', 'open', '202', 'Camden', 'manual', 'westfield college', 'x', 'x');
    `);
    expect(migrate(db, 14)).toBe(14);
    expect(db.prepare('SELECT urn, name, category, in_scope FROM school ORDER BY urn').all()).toEqual([
      { urn: '100500', name: 'St Mary\'s C of E Primary School', category: 'primary', in_scope: null },
      { urn: '100501', name: 'Westfield College', category: 'further_education', in_scope: null },
    ]);
    db.exec("UPDATE school SET in_scope = 0 WHERE urn = '100501'");
    expect(() => db.exec("UPDATE school SET in_scope = 2 WHERE urn = '100500'")).toThrow(/CHECK constraint failed/);
    expect(db.prepare('SELECT in_scope FROM school ORDER BY urn').pluck().all()).toEqual([null, 0]);
    db.close();
  });
});
