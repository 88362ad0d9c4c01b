import type { Migration } from './types.ts';

export const migration0009: Migration = {
  version: 9,
  name: 'panels and their meetings',
  up(db) {
    db.exec(`
      CREATE TABLE panel (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('pupil_placement', 'behaviour_forum', 'inclusion_partnership', 'reintegration', 'other')),
        area TEXT NOT NULL,
        every_weeks INTEGER CHECK (every_weeks BETWEEN 1 AND 26),
        usual_time TEXT,
        location TEXT,
        anchor_date TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX panel_name_area ON panel(lower(name), lower(area));
      CREATE TABLE panel_meeting (
        id TEXT PRIMARY KEY,
        panel_id TEXT NOT NULL REFERENCES panel(id),
        slot TEXT,
        date TEXT NOT NULL,
        time TEXT,
        cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),
        cancelled_reason TEXT,
        notes TEXT,
        themes TEXT,
        tags TEXT NOT NULL DEFAULT '[]',
        updated_at TEXT NOT NULL,
        UNIQUE (panel_id, slot)
      ) STRICT;
      CREATE INDEX panel_meeting_date ON panel_meeting(date);
      CREATE TABLE panel_attendance (
        meeting_id TEXT NOT NULL REFERENCES panel_meeting(id) ON DELETE CASCADE,
        person_id TEXT NOT NULL REFERENCES person(id),
        response TEXT NOT NULL CHECK (response IN ('expected', 'attended', 'apologies')),
        PRIMARY KEY (meeting_id, person_id)
      ) STRICT;
    `);
  },
};
