/**
 * GIAS import: upsert by URN. New open establishments are added; existing ones updated field
 * by field (never the team's own fields); a school now closed in GIAS is marked closed and
 * flagged, never deleted; new closed ones are skipped. Preview first, then apply in one
 * transaction, so a failed import changes nothing.
 */
import fs from 'node:fs';
import { plural } from '../../../shared/format.ts';
import type { FieldChange, GiasImportResult, GiasPreview } from '../../../shared/domain/imports.ts';
import { PREVIEW_LIST_LIMIT } from '../../../shared/domain/imports.ts';
import { AppError } from '../../../shared/errors.ts';
import { endOpenPeriodsOfSchool } from '../allocations/repo.ts';
import { afterBigImport, beforeBigImport } from '../db/cipher.ts';
import { write, type WriteContext } from '../db/write.ts';
import { assertReadableFile } from '../imports/text-file.ts';
import { readGiasFile, type GiasRecord } from './gias-reader.ts';
import { GIAS_FIELDS, insertSchool, selectGiasFacts, updateGiasFacts, type GiasFacts } from './repo.ts';

export type ProgressReporter = (phase: 'reading' | 'applying' | 'done', bytesRead: number, totalBytes: number) => void;

interface Plan {
  preview: GiasPreview;
  toAdd: GiasRecord[];
  toUpdate: { record: GiasRecord; closing: boolean }[];
  unchanged: GiasRecord[];
}

function changesBetween(before: GiasFacts, after: GiasFacts): FieldChange[] {
  return GIAS_FIELDS.filter((f) => (before[f] ?? null) !== (after[f] ?? null)).map((f) => ({ field: f, from: before[f] ?? null, to: after[f] ?? null }));
}

function fileStamp(path: string): GiasPreview['file'] {
  assertReadableFile(path);
  const stat = fs.statSync(path);
  return { path, bytes: stat.size, modifiedAt: stat.mtime.toISOString() };
}

async function plan(ctx: WriteContext, path: string, laCodes: string[], progress?: ProgressReporter): Promise<Plan> {
  const file = fileStamp(path);
  const read = await readGiasFile(path, { laCodes, onProgress: (done, total) => progress?.('reading', done, total) });
  const existing = selectGiasFacts(ctx.db);
  const preview: GiasPreview = {
    file,
    counts: { added: 0, updated: 0, unchanged: 0, skipped: 0, errors: read.errors.length, filteredOut: read.filteredOut, closing: 0 },
    added: [],
    updated: [],
    skipped: [],
    errors: read.errors.slice(0, PREVIEW_LIST_LIMIT),
  };
  const toAdd: GiasRecord[] = [];
  const toUpdate: Plan['toUpdate'] = [];
  const unchanged: GiasRecord[] = [];
  const room = (list: unknown[]) => list.length < PREVIEW_LIST_LIMIT;
  for (const record of read.records) {
    const { facts, row } = record;
    const entry = { row, urn: facts.urn, name: facts.name };
    const before = existing.get(facts.urn);
    if (!before) {
      if (facts.status === 'closed') {
        preview.counts.skipped++;
        if (room(preview.skipped)) preview.skipped.push({ ...entry, reason: 'Closed in GIAS and not in LinkDesk' });
      } else {
        preview.counts.added++;
        toAdd.push(record);
        if (room(preview.added)) preview.added.push(entry);
      }
      continue;
    }
    // A school the team has closed stays closed even while GIAS still lists it as open.
    if (before.status === 'closed' && facts.status !== 'closed') {
      record.facts = { ...facts, status: 'closed', closedOn: before.closedOn };
    }
    const changes = changesBetween(before, record.facts);
    if (changes.length === 0) {
      preview.counts.unchanged++;
      unchanged.push(record);
      continue;
    }
    const closing = before.status !== 'closed' && record.facts.status === 'closed';
    preview.counts.updated++;
    if (closing) preview.counts.closing++;
    toUpdate.push({ record, closing });
    if (room(preview.updated)) preview.updated.push({ ...entry, changes, closing });
  }
  return { preview, toAdd, toUpdate, unchanged };
}

export async function previewGiasImport(ctx: WriteContext, path: string, laCodes: string[], progress?: ProgressReporter): Promise<GiasPreview> {
  const { preview } = await plan(ctx, path, laCodes, progress);
  progress?.('done', preview.file.bytes, preview.file.bytes);
  return preview;
}

export async function applyGiasImport(
  ctx: WriteContext,
  path: string,
  laCodes: string[],
  options: { applyGoodRows: boolean; expected?: { bytes: number; modifiedAt: string } | undefined },
  progress?: ProgressReporter,
): Promise<GiasImportResult> {
  const { preview, toAdd, toUpdate } = await plan(ctx, path, laCodes, progress);
  if (options.expected && (options.expected.bytes !== preview.file.bytes || options.expected.modifiedAt !== preview.file.modifiedAt)) {
    throw new AppError('invalid_input', 'The file has changed since the preview. Preview it again before importing.');
  }
  if (preview.counts.errors > 0 && !options.applyGoodRows) {
    return { applied: false, counts: preview.counts, errors: preview.errors };
  }
  // An unchanged file writes nothing: no row touched, no audit entry, no transaction.
  if (toAdd.length === 0 && toUpdate.length === 0) {
    progress?.('done', preview.file.bytes, preview.file.bytes);
    return { applied: true, counts: preview.counts, errors: preview.errors };
  }
  progress?.('applying', preview.file.bytes, preview.file.bytes);
  beforeBigImport(ctx.db);
  const at = ctx.now().toISOString();
  const today = at.slice(0, 10);
  write(ctx, (audit) => {
    for (const { facts } of toAdd) {
      insertSchool(ctx.db, facts, 'gias', at);
      audit('school', facts.urn, 'import-add');
    }
    for (const { record, closing } of toUpdate) {
      updateGiasFacts(ctx.db, record.facts, at, closing ? today : null);
      const ended = closing ? endOpenPeriodsOfSchool(ctx.db, record.facts.urn, record.facts.closedOn ?? today) : 0;
      audit('school', record.facts.urn, closing ? 'import-closed' : 'import-update', ended ? `ended ${plural(ended, 'allocation')}` : undefined);
    }
    const c = preview.counts;
    audit('gias-import', null, 'apply', `added ${c.added}, updated ${c.updated}, unchanged ${c.unchanged}, skipped ${c.skipped}, errors ${c.errors}`);
  });
  afterBigImport(ctx.db);
  progress?.('done', preview.file.bytes, preview.file.bytes);
  return { applied: true, counts: preview.counts, errors: preview.errors };
}
