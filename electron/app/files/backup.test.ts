import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aTeamDatabase, asyncRefusalOf, bytesOf, tempDir } from '../testing/builders.ts';

const posix = process.platform !== 'win32';

describe('backups go through the one writer', () => {
  it('writes a .linkdesk copy readable by its owner only, and refuses any other name, the database itself and an existing backup', async () => {
    const db = aTeamDatabase();
    const folder = tempDir();
    const copy = path.join(folder, 'team backup.linkdesk');
    expect((await db.backup(copy)).path).toBe(copy);
    if (posix) expect(fs.statSync(copy).mode & 0o777).toBe(0o600);

    expect((await asyncRefusalOf(() => db.backup(path.join(folder, 'team backup.db')))).message).toBe('A backup must be saved with a name ending in .linkdesk: team backup.db does not.');
    const before = bytesOf(db.path);
    expect((await asyncRefusalOf(() => db.backup(db.path))).message).toContain('is the team database that is open. LinkDesk never writes over it');
    expect(bytesOf(db.path).equals(before)).toBe(true);
    const backupBefore = bytesOf(copy);
    expect((await asyncRefusalOf(() => db.backup(copy))).message).toBe(`There is already a file at ${copy}, a team database, which LinkDesk never replaces. Choose another name.`);
    expect(bytesOf(copy).equals(backupBefore)).toBe(true);
    expect(fs.readdirSync(folder)).toEqual(['team backup.linkdesk']);
  });
});
