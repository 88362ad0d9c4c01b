import { schoolSearchText } from '../../../../shared/domain/schools.ts';
import { singleSpaced } from '../../../../shared/domain/text.ts';
import type { Migration } from './types.ts';

interface SchoolText {
  urn: string;
  name: string;
  town: string | null;
  postcode: string | null;
  search_text: string;
}

/**
 * Search that finds what people type, and names that print on one line. Every school's name
 * loses the line breaks and repeated spaces an older GIAS import kept (the SPOC list printed
 * them over the next row), and its search text is folded as searches now are (apostrophes and
 * quotes gone, accents and hyphens folded, "Saint" as "St"), so "st peters" finds St Peter’s.
 * The index of migration 0013 follows through its update trigger: each changed row is taken
 * out with the text it was indexed with and put back with the new one. Rows already right are
 * not written.
 */
export const migration0015: Migration = {
  version: 15,
  name: 'search-folding',
  up(db) {
    const rows = db.prepare('SELECT urn, name, town, postcode, search_text FROM school').all() as SchoolText[];
    const update = db.prepare('UPDATE school SET name = ?, search_text = ? WHERE urn = ?');
    for (const row of rows) {
      const name = singleSpaced(row.name);
      const searchText = schoolSearchText({ ...row, name });
      if (name !== row.name || searchText !== row.search_text) update.run(name, searchText, row.urn);
    }
  },
};
