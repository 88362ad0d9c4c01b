import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PASSPHRASE, tempDir } from '../../testing/builders.ts';
import { openConnection } from '../cipher.ts';
import { migrate } from './index.ts';

describe('migration 0025: annual declarations of connections', () => {
  it('gives every worker the team’s month and an empty history, and refuses a month that does not exist', () => {
    const db = openConnection(path.join(tempDir(), 'm.linkdesk'), PASSPHRASE, { create: true });
    migrate(db, 24);
    db.exec(`INSERT INTO person (id, name, role, active_from, created_at, updated_at) VALUES ('p1', 'Amy Worker', 'fsw', '2025-09-01', 'x', 'x')`);
    expect(migrate(db, 25)).toBe(25);
    expect(db.prepare('SELECT name, declaration_month FROM person').get()).toEqual({ name: 'Amy Worker', declaration_month: null });
    expect(db.prepare('SELECT count(*) AS n FROM declaration').get()).toEqual({ n: 0 });
    db.prepare("UPDATE person SET declaration_month = 12 WHERE id = 'p1'").run();
    expect(() => db.prepare("UPDATE person SET declaration_month = 13 WHERE id = 'p1'").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO declaration VALUES ('d1', 'p1', '2026-09-14', 1, 'TM', '2026-09-14T09:00:00Z')").run();
    expect(() => db.prepare("INSERT INTO declaration VALUES ('d2', 'p1', '2026-09-14', 2, 'TM', 'x')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO declaration VALUES ('d3', 'nobody', '2026-09-14', 0, 'TM', 'x')").run()).toThrow(/FOREIGN KEY/);
  });
});
