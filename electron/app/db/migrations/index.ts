/**
 * Forward-only migrations. Each runs in its own transaction that ends by setting
 * `user_version`, so a failure leaves the file at the last good version.
 */
import { AppError } from '../../../../shared/errors.ts';
import type { Connection } from '../cipher.ts';
import { migration0001 } from './0001-team.ts';
import { migration0002 } from './0002-audit-log.ts';
import { migration0003 } from './0003-schools-people-connections.ts';
import { migration0004 } from './0004-allocations.ts';
import { migration0005 } from './0005-calendar.ts';
import { migration0006 } from './0006-visits.ts';
import { migration0007 } from './0007-contacts.ts';
import { migration0008 } from './0008-records.ts';
import { migration0009 } from './0009-panels.ts';
import { migration0010 } from './0010-escalations.ts';
import { migration0011 } from './0011-documents.ts';
import { migration0012 } from './0012-audit-chain.ts';
import { migration0013 } from './0013-work-in-front.ts';
import { migration0014 } from './0014-school-scope.ts';
import { migration0015 } from './0015-search-folding.ts';
import { migration0016 } from './0016-practice-words.ts';
import { migration0017 } from './0017-action-list.ts';
import { migration0018 } from './0018-record-versions.ts';
import { migration0019 } from './0019-school-timeline.ts';
import { migration0020 } from './0020-visit-held-by.ts';
import { migration0021 } from './0021-retention.ts';
import { migration0022 } from './0022-worker-base.ts';
import { migration0023 } from './0023-reason-kinds.ts';
import { migration0024 } from './0024-report-templates.ts';
import { migration0025 } from './0025-declarations.ts';
import type { Migration } from './types.ts';

export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009, migration0010, migration0011,
  migration0012, migration0013, migration0014, migration0015, migration0016,
  migration0017, migration0018, migration0019, migration0020, migration0021, migration0022,
  migration0023, migration0024, migration0025];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

export function assertMigrationsOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) {
      throw new Error(`Migration "${m.name}" has version ${m.version}; expected ${index + 1}`);
    }
  });
}
assertMigrationsOrdered(MIGRATIONS);

export function schemaVersion(db: Connection): number {
  return Number(db.pragma('user_version', { simple: true }));
}

export function newerSchemaError(found: number): AppError {
  return new AppError(
    'newer_schema',
    `This database was written by a newer LinkDesk (schema ${found}; this version knows up to ${LATEST_SCHEMA_VERSION}). Update LinkDesk to open it; the file has not been changed.`,
    { found, supported: LATEST_SCHEMA_VERSION },
  );
}

/** Runs the migrations above the file's version, up to `target` (the latest by default). */
export function migrate(db: Connection, target = LATEST_SCHEMA_VERSION, migrations = MIGRATIONS): number {
  const from = schemaVersion(db);
  if (from > migrations.length) throw newerSchemaError(from);
  for (const m of migrations) {
    if (m.version <= from || m.version > target) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version=${m.version}`);
    })();
  }
  return schemaVersion(db);
}
