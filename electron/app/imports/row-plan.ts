/**
 * What a row-by-row import (people, declared connections) will do, gathered before anything is
 * written: each row added, changed, unchanged or refused (with its row and column). The preview
 * shows the plan; applying writes the added and changed rows in one transaction, and only when
 * no row was refused or the person chose to import the good rows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PREVIEW_LIST_LIMIT, type PlannedRow, type RowError, type RowsImportResult } from '../../../shared/domain/imports.ts';
import { AppError } from '../../../shared/errors.ts';
import { write, type WriteContext } from '../db/write.ts';

export interface RowsImportOptions {
  dryRun: boolean;
  applyGoodRows?: boolean;
  /** The file as its preview saw it: an import of a file changed since is refused. */
  expected?: { bytes: number; modifiedAt: string } | undefined;
}

type Audit = Parameters<Parameters<typeof write>[1]>[0];

/** The file's name (never its folder: messages may reach a log), size and time, checked against the preview's. */
export function fileSeen(file: string, expected: RowsImportOptions['expected']): RowsImportResult['file'] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new AppError('file_not_found', `There is no file at ${file}.`, { path: file });
  }
  const seen = { name: path.basename(file), bytes: stat.size, modifiedAt: stat.mtime.toISOString() };
  if (expected && (expected.bytes !== seen.bytes || expected.modifiedAt !== seen.modifiedAt)) {
    throw new AppError('invalid_input', `${seen.name} has changed since the preview. Preview it again before importing; nothing was changed.`, {
      issues: [{ path: 'path', message: 'The file changed since the preview: preview it again' }],
    });
  }
  return seen;
}

export class RowPlan<T> {
  private readonly added: (PlannedRow & { item: T })[] = [];
  private readonly updated: (PlannedRow & { item: T })[] = [];
  private unchangedCount = 0;
  readonly rejected: RowError[] = [];

  /** The message starts with its row, as the command line prints it; the screen shows row and column apart. */
  refuse(row: number, field: string | undefined, message: string): void {
    this.rejected.push(field ? { row, field, message: `Row ${row}: ${message}` } : { row, message: `Row ${row}: ${message}` });
  }

  add(row: number, name: string, item: T): void {
    this.added.push({ row, name, item });
  }

  update(row: number, name: string, changes: string[], item: T): void {
    if (changes.length === 0) this.unchangedCount++;
    else this.updated.push({ row, name, changes, item });
  }

  unchanged(): void {
    this.unchangedCount++;
  }

  /** Applies the plan (unless a dry run, or refused rows and no choice to import the good ones) in one transaction. */
  finish(ctx: WriteContext, file: RowsImportResult['file'], options: RowsImportOptions, apply: (item: T, audit: Audit, isNew: boolean) => void): RowsImportResult {
    const strip = ({ row, name, changes }: PlannedRow) => (changes ? { row, name, changes } : { row, name });
    const result: RowsImportResult = {
      applied: 0,
      dryRun: options.dryRun,
      rejected: this.rejected,
      counts: { added: this.added.length, updated: this.updated.length, unchanged: this.unchangedCount, refused: this.rejected.length },
      added: this.added.slice(0, PREVIEW_LIST_LIMIT).map(strip),
      updated: this.updated.slice(0, PREVIEW_LIST_LIMIT).map(strip),
      file,
    };
    const blocked = this.rejected.length > 0 && !options.applyGoodRows;
    const writes = this.added.length + this.updated.length;
    if (options.dryRun || blocked || writes === 0) return result;
    write(ctx, (audit) => {
      for (const a of this.added) apply(a.item, audit, true);
      for (const u of this.updated) apply(u.item, audit, false);
    });
    return { ...result, applied: writes };
  }
}
