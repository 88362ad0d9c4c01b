/**
 * GIAS import: upsert by URN. New open establishments are added; existing ones updated field
 * by field (never the team's own fields); a school now closed in GIAS is marked closed and
 * flagged, never deleted; new closed ones are skipped. Preview first, then apply in one
 * transaction, so a failed import changes nothing.
 *
 * Both read the file once, a chunk at a time, and compare each batch of rows with the schools
 * of those URNs only (memory holds a chunk, never the file or the register). Apply does it inside
 * its transaction without awaiting anything, so no other call can slip into the transaction nor
 * change the register between the comparison and the write.
 */
import fs from 'node:fs';
import { plural } from '../../../shared/format.ts';
import type { GiasImportResult, GiasPreview } from '../../../shared/domain/imports.ts';
import { AppError } from '../../../shared/errors.ts';
import { endOpenPeriodsOfSchool } from '../allocations/repo.ts';
import { auditAppender } from '../audit/chain.ts';
import { afterBigImport, beforeBigImport, sizePageCache } from '../db/cipher.ts';
import { write, type WriteContext } from '../db/write.ts';
import { GIAS_LIMITS } from '../imports/limits.ts';
import { assertReadableFile, openCsv, openCsvSync } from '../imports/text-file.ts';
import { GiasPlan, type PlannedUpdate } from './gias-plan.ts';
import { giasRows, type GiasRecord, type GiasRows } from './gias-reader.ts';
import { indexForSearch, insertSchool, pauseSearchIndexing, updateGiasFacts } from './repo.ts';

export type ProgressReporter = (phase: 'reading' | 'applying' | 'done', bytesRead: number, totalBytes: number) => void;

function fileStamp(path: string): GiasPreview['file'] {
  assertReadableFile(path);
  const stat = fs.statSync(path);
  return { path, bytes: stat.size, modifiedAt: stat.mtime.toISOString() };
}

export async function previewGiasImport(ctx: WriteContext, path: string, laCodes: string[], progress?: ProgressReporter): Promise<GiasPreview> {
  const file = fileStamp(path);
  let rows: GiasRows | undefined;
  const csv = await openCsv(path, GIAS_LIMITS, (done, total) => progress?.('reading', done, total), (header) => (rows = giasRows(header, laCodes)).columns);
  try {
    const plan = new GiasPlan(true);
    let records: GiasRecord[] = [];
    for await (const batch of csv.batches) {
      records.push(...giasRowsOf(rows).take(batch));
      if (records.length < COMPARE_BATCH) continue;
      plan.compare(ctx.db, records);
      records = [];
    }
    plan.compare(ctx.db, records);
    progress?.('done', file.bytes, file.bytes);
    return plan.preview(file, giasRowsOf(rows).result);
  } finally {
    await csv.close();
  }
}

/** The reader made from the header, which opening the file has read. */
function giasRowsOf(rows: GiasRows | undefined): GiasRows {
  if (!rows) throw new Error('The GIAS header was not read.');
  return rows;
}

/**
 * Rows compared with the register at once: one query for the schools of fifty URNs. Many more
 * and the rows, with the text they were cut from, outlive V8's young generation (at 250 the
 * import peaked 40 MB higher).
 */
const COMPARE_BATCH = 50;

/** Thrown inside the transaction to roll it back: the file had errors and the user did not choose to import the good rows. */
const REFUSED = Symbol('refused');

export async function applyGiasImport(
  ctx: WriteContext,
  path: string,
  laCodes: string[],
  options: { applyGoodRows: boolean; expected?: { bytes: number; modifiedAt: string } | undefined },
  progress?: ProgressReporter,
): Promise<GiasImportResult> {
  const file = fileStamp(path);
  if (options.expected && (options.expected.bytes !== file.bytes || options.expected.modifiedAt !== file.modifiedAt)) {
    throw new AppError('invalid_input', 'The file has changed since the preview. Preview it again before importing.');
  }
  progress?.('applying', 0, file.bytes);
  let reader: GiasRows | undefined;
  const csv = openCsvSync(path, GIAS_LIMITS, (header) => (reader = giasRows(header, laCodes)).columns);
  try {
    const rows = giasRowsOf(reader);
    const plan = new GiasPlan(false);
    const refused = () => rows.result.errorCount > 0 && !options.applyGoodRows;
    let written = 0;
    // Room for every page the import writes: none reaches the file before the outcome is known,
    // so a refused import leaves the file as it was, byte for byte.
    beforeBigImport(ctx.db);
    try {
      write(ctx, (audit, at) => {
        const writer = new SchoolWriter(ctx, at);
        const compareAndWrite = (records: GiasRecord[]) => {
          const { add, update } = plan.compare(ctx.db, records);
          // After the first error only the counting goes on: the transaction will be rolled back.
          if (refused()) return;
          writer.add(add);
          writer.update(update);
        };
        let records: GiasRecord[] = [];
        for (const batch of csv.batches) {
          records.push(...rows.take(batch));
          if (records.length < COMPARE_BATCH) continue;
          compareAndWrite(records);
          records = [];
        }
        compareAndWrite(records);
        if (refused()) throw REFUSED;
        // Nothing can refuse the import from here: its pages may reach the file before the commit,
        // so the cache goes back to its size rather than hold the search index's pages too.
        sizePageCache(ctx.db);
        written = writer.finish();
        // An unchanged file writes nothing: no row touched, no audit entry.
        if (written === 0) return;
        const c = plan.counts(rows.result);
        audit('gias-import', null, 'apply', `added ${c.added}, updated ${c.updated}, unchanged ${c.unchanged}, skipped ${c.skipped}, errors ${c.errors}`);
      });
    } catch (error) {
      if (error !== REFUSED) throw error;
    }
    if (written > 0) afterBigImport(ctx.db);
    progress?.('done', file.bytes, file.bytes);
    return { applied: !refused(), counts: plan.counts(rows.result), errors: rows.result.errors };
  } finally {
    csv.close();
  }
}

/**
 * Writes the planned schools. A changed school gets its own audit row (what the team already had
 * changed under it); added schools are recorded by the import's own row, which counts them and
 * carries the instant each of them holds as its created_at and gias_imported_at. A row for each
 * of 45,000 schools a national import adds doubled the import's writing and lengthened every
 * later check of the log's chain (bench/README.md). The search index is built for all the added
 * schools at once at the end (repo.ts says why).
 */
class SchoolWriter {
  private added = 0;
  /** The highest rowid before the first school added, once one is. */
  private addedAfter: number | null = null;
  private updated = 0;
  private readonly today: string;
  private readonly auditSchool: ReturnType<typeof auditAppender>;

  constructor(
    private readonly ctx: WriteContext,
    private readonly at: string,
  ) {
    this.today = at.slice(0, 10);
    this.auditSchool = auditAppender(ctx.db);
  }

  add(records: GiasRecord[]): void {
    for (const { facts } of records) {
      this.addedAfter ??= pauseSearchIndexing(this.ctx.db);
      insertSchool(this.ctx.db, facts, 'gias', this.at);
      this.added++;
    }
  }

  update(updates: PlannedUpdate[]): void {
    const { db, actor } = this.ctx;
    for (const { record, closing } of updates) {
      const { facts } = record;
      updateGiasFacts(db, facts, this.at, closing ? this.today : null);
      const ended = closing ? endOpenPeriodsOfSchool(db, facts.urn, facts.closedOn ?? this.today) : 0;
      const action = closing ? 'import-closed' : 'import-update';
      this.auditSchool({ at: this.at, actor, entity: 'school', entityId: facts.urn, action, summary: ended ? `ended ${plural(ended, 'allocation')}` : null });
      this.updated++;
    }
  }

  /** Indexes the added schools for search; the number of schools written. */
  finish(): number {
    if (this.addedAfter !== null) indexForSearch(this.ctx.db, this.addedAfter);
    return this.added + this.updated;
  }
}
