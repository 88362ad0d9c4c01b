import bankHolidays from '../../calendar/bank-holidays.json' with { type: 'json' };
import type { Migration } from './types.ts';

export const migration0005: Migration = {
  version: 5,
  name: 'calendar: academic years, terms, INSET days, bank holidays',
  up(db) {
    db.exec(`
      CREATE TABLE academic_year (
        id TEXT PRIMARY KEY,
        label TEXT NOT NULL UNIQUE
      ) STRICT;
      CREATE TABLE term (
        year_id TEXT NOT NULL REFERENCES academic_year(id),
        name TEXT NOT NULL CHECK (name IN ('autumn', 'spring', 'summer')),
        starts_on TEXT NOT NULL,
        ends_on TEXT NOT NULL,
        half_term_from TEXT NOT NULL,
        half_term_to TEXT NOT NULL,
        PRIMARY KEY (year_id, name)
      ) STRICT;
      CREATE TABLE inset_day (
        urn TEXT NOT NULL REFERENCES school(urn),
        day TEXT NOT NULL,
        note TEXT,
        PRIMARY KEY (urn, day)
      ) STRICT;
      CREATE TABLE bank_holiday (
        day TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT ''
      ) STRICT;
    `);
    // England and Wales, as gov.uk publishes them; a newer file can be imported later.
    const insert = db.prepare('INSERT INTO bank_holiday (day, title, notes) VALUES (?, ?, ?)');
    for (const e of bankHolidays['england-and-wales'].events) insert.run(e.date, e.title, e.notes);
    db.prepare("INSERT INTO setting (key, value) VALUES ('schoolHolidaysAreWorkingDays', 'false') ON CONFLICT(key) DO NOTHING").run();
  },
};
