import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PASSPHRASE, tempDir } from '../../testing/builders.ts';
import { openConnection, type Connection } from '../cipher.ts';
import { migrate } from './index.ts';

/** Schools as a version-14 database holds them: names as an older import kept them, search text lower-cased only. */
function aDatabaseAt14(): Connection {
  const db = openConnection(path.join(tempDir(), 'm.linkdesk'), PASSPHRASE, { create: true });
  migrate(db, 14);
  const school = db.prepare(`INSERT INTO school (urn, name, establishment_type, phase, category, status, la_code, la_name, town, postcode, source, search_text, created_at, updated_at)
    VALUES (?, ?, 'Community school', 'Primary', 'primary', 'open', '202', 'Camden', ?, ?, 'gias', ?, 'x', 'x')`);
  school.run('100600', 'St Peter’s CE\nPrimary   School', 'Camden', 'NW1 1AA', 'st peter’s ce\nprimary   school 100600 camden nw1 1aa nw11aa');
  school.run('100601', 'Café Learning Centre', 'Brindle', null, 'café learning centre 100601 brindle  ');
  school.run('100602', 'Holy Trinity and Saint Silas CofE Primary School, NW1', null, null, 'holy trinity and saint silas cofe primary school, nw1 100602   ');
  school.run('100603', 'Westfield Academy', 'Ashby', null, 'westfield academy 100603 ashby  ');
  return db;
}

const found = (db: Connection, match: string) =>
  db.prepare("SELECT printf('%06d', rowid) FROM school_search WHERE school_search MATCH ? ORDER BY rowid").pluck().all(match) as string[];

describe('migration 0015: search folding and single-spaced names', () => {
  it('puts each name on one line with single spaces, and folds every school’s search text', () => {
    const db = aDatabaseAt14();
    expect(found(db, '"peters"')).toEqual([]);
    expect(migrate(db, 15)).toBe(15);
    expect(db.prepare('SELECT urn, name, search_text FROM school ORDER BY urn').all()).toEqual([
      { urn: '100600', name: 'St Peter’s CE Primary School', search_text: 'st peters ce primary school 100600 camden nw1 1aa nw11aa' },
      { urn: '100601', name: 'Café Learning Centre', search_text: 'cafe learning centre 100601 brindle' },
      { urn: '100602', name: 'Holy Trinity and Saint Silas CofE Primary School, NW1', search_text: 'holy trinity and st silas cofe primary school nw1 100602' },
      { urn: '100603', name: 'Westfield Academy', search_text: 'westfield academy 100603 ashby' },
    ]);
    db.close();
  });

  it('re-indexes through the update trigger: the old text is gone from the index and the folded text is found', () => {
    const db = aDatabaseAt14();
    migrate(db, 15);
    expect(found(db, '"peters"')).toEqual(['100600']);
    expect(found(db, '"peter’s"')).toEqual([]);
    expect(found(db, '"cafe"')).toEqual(['100601']);
    expect(found(db, '" st" AND "silas"')).toEqual(['100602']);
    expect(found(db, '"saint"')).toEqual([]);
    // Every school is in the index once, under its new text.
    expect(db.prepare('SELECT rowid FROM school_search ORDER BY rowid').pluck().all()).toEqual([100600, 100601, 100602, 100603]);
    expect(found(db, '"school"')).toEqual(['100600', '100602']);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.prepare("INSERT INTO school_search (school_search) VALUES ('integrity-check')").run();
    db.close();
  });
});
