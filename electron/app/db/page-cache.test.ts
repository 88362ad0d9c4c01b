import { describe, expect, it } from 'vitest';
import { aTeamDatabase } from '../testing/builders.ts';
import { afterBigImport, beforeBigImport, PAGE_CACHE_CAP, PAGE_CACHE_FLOOR, pageCacheBytes, sizePageCache } from './cipher.ts';

const MiB = 1024 * 1024;
const cacheKiB = (db: ReturnType<typeof aTeamDatabase>) => -Number(db.db.pragma('cache_size', { simple: true }));

describe('the page cache, sized from the file', () => {
  it('holds the whole file and a quarter more, between a floor for small files and a cap for idle memory', () => {
    expect(pageCacheBytes(0)).toBe(PAGE_CACHE_FLOOR);
    expect(pageCacheBytes(2 * MiB)).toBe(PAGE_CACHE_FLOOR);
    expect(pageCacheBytes(20 * MiB)).toBe(25 * MiB);
    expect(pageCacheBytes(200 * MiB)).toBe(PAGE_CACHE_CAP);
    expect(PAGE_CACHE_CAP).toBeLessThan(100 * MiB);
  });

  it('is set when a database opens, opened to the cap for a big import, and sized again from the grown file', () => {
    const db = aTeamDatabase();
    expect(cacheKiB(db)).toBe(PAGE_CACHE_FLOOR / 1024);
    beforeBigImport(db.db);
    expect(cacheKiB(db)).toBe(PAGE_CACHE_CAP / 1024);
    db.db.exec('CREATE TABLE filler (x BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) INSERT INTO filler SELECT randomblob(4000) FROM n');
    afterBigImport(db.db);
    // Read after: the statistics PRAGMA optimize writes are in the file too.
    const fileBytes = Number(db.db.pragma('page_count', { simple: true })) * Number(db.db.pragma('page_size', { simple: true }));
    expect(fileBytes).toBeGreaterThan(PAGE_CACHE_FLOOR);
    expect(cacheKiB(db)).toBe(Math.ceil(pageCacheBytes(fileBytes) / 1024));
    expect(cacheKiB(db)).toBeGreaterThan(PAGE_CACHE_FLOOR / 1024);
    sizePageCache(db.db);
    expect(cacheKiB(db)).toBe(Math.ceil(pageCacheBytes(fileBytes) / 1024));
  });
});
