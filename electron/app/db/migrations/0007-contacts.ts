import type { Migration } from './types.ts';

export const migration0007: Migration = {
  version: 7,
  name: 'contact log',
  up(db) {
    db.exec(`
      CREATE TABLE contact (
        id TEXT PRIMARY KEY,
        urn TEXT NOT NULL REFERENCES school(urn),
        at TEXT NOT NULL,
        worker_id TEXT NOT NULL REFERENCES person(id),
        with_whom TEXT NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('from_school', 'to_school')),
        channel TEXT NOT NULL CHECK (channel IN ('phone', 'email', 'in_person', 'video_call')),
        summary TEXT NOT NULL,
        follow_up TEXT,
        follow_up_due TEXT,
        follow_up_done_on TEXT,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX contact_school ON contact(urn, at);
      CREATE INDEX contact_follow_up ON contact(follow_up_due) WHERE follow_up_done_on IS NULL;
    `);
  },
};
