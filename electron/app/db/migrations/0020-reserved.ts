import type { Migration } from './types.ts';

/**
 * A placeholder: schema 20 belongs to another branch's migration, merged in its place. It
 * exists on this branch only so that migration 0022 (retention) has the number agreed for it.
 */
export const migration0020: Migration = {
  version: 20,
  name: 'reserved for another branch',
  up() {},
};
