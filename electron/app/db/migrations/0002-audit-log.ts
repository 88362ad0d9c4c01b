import type { Migration } from './types.ts';

export const migration0002: Migration = {
  version: 2,
  name: 'audit log',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT,
        action TEXT NOT NULL,
        summary TEXT
      ) STRICT;
      CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
    `);
    // Databases made before the audit log existed still say who created them.
    db.exec(`
      INSERT INTO audit_log (at, actor, entity, entity_id, action, summary)
      SELECT created_at, created_by, 'team', id, 'create', 'Team database created' FROM team;
    `);
  },
};
