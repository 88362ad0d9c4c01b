import type { Migration } from './types.ts';

/**
 * Where a worker sets out from, for the allocation planner's travel term: a school (their usual
 * base, whose GIAS easting and northing are used) or a point entered by hand (a postcode's
 * British National Grid coordinates, in metres). Schools already carry GIAS easting and northing
 * (0003); capacity and Level 3 plans are on the person since 0003 too.
 */
export const migration0022: Migration = {
  version: 22,
  name: 'a worker’s base, for the allocation planner',
  up(db) {
    db.exec(`
      ALTER TABLE person ADD COLUMN base_urn TEXT REFERENCES school(urn);
      ALTER TABLE person ADD COLUMN base_easting INTEGER CHECK (base_easting IS NULL OR base_easting BETWEEN 0 AND 800000);
      ALTER TABLE person ADD COLUMN base_northing INTEGER CHECK (base_northing IS NULL OR base_northing BETWEEN 0 AND 1400000);
    `);
  },
};
