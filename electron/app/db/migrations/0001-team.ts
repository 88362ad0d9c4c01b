import type { Migration } from './types.ts';

export const migration0001: Migration = {
  version: 1,
  name: 'team and settings',
  up(db) {
    db.exec(`
      CREATE TABLE team (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        local_authority TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      ) STRICT;
      CREATE TABLE setting (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
