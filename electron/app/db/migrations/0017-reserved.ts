import type { Migration } from './types.ts';

/**
 * PLACEHOLDER on the record-versions branch only: migration 17 belongs to the `actions` branch
 * (issue 14 part 2). It is here so this branch's migration 18 keeps the numbers gap-free; the
 * merge takes the actions branch's 0017 instead of this file.
 */
export const migration0017: Migration = {
  version: 17,
  name: 'reserved for the actions branch',
  up() {},
};
