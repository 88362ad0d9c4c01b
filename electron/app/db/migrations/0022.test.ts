import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PASSPHRASE, tempDir } from '../../testing/builders.ts';
import { openConnection } from '../cipher.ts';
import { migrate } from './index.ts';

describe('migration 0022: a worker’s base', () => {
  it('adds an empty base to every worker, a school or a point on the grid, and refuses a point off it', () => {
    const db = openConnection(path.join(tempDir(), 'm.linkdesk'), PASSPHRASE, { create: true });
    migrate(db, 21);
    db.exec(`INSERT INTO person (id, name, role, active_from, created_at, updated_at) VALUES ('p1', 'Amy Worker', 'fsw', '2025-09-01', 'x', 'x')`);
    expect(migrate(db, 22)).toBe(22);
    expect(db.prepare('SELECT base_urn, base_easting, base_northing FROM person').get()).toEqual({ base_urn: null, base_easting: null, base_northing: null });
    db.prepare("UPDATE person SET base_easting = 530000, base_northing = 180000 WHERE id = 'p1'").run();
    expect(() => db.prepare("UPDATE person SET base_easting = 900000 WHERE id = 'p1'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE person SET base_urn = '999999' WHERE id = 'p1'").run()).toThrow(/FOREIGN KEY/);
  });
});
