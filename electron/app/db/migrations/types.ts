import type { Connection } from '../cipher.ts';

export interface Migration {
  /** Becomes `user_version` when the migration has run; strictly increasing from 1. */
  version: number;
  name: string;
  up(db: Connection): void;
}
