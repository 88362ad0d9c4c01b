/**
 * The documents LinkDesk made (listed, opened), which template is in use, and the published SPOC
 * list; the Word meeting records themselves are made in word-records.ts. Every file is written
 * whole or not at all, never over another, and recorded (path, sha256, who, when).
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { TEMPLATE_KINDS, type DocumentsQuery, type GeneratedDocument, type ProducibleRecord, type SpocListInput, type TemplateKind, type TemplatesState } from '../../../shared/domain/documents.ts';
import { AppError } from '../../../shared/errors.ts';
import { formatDate, formatDateTime } from '../../../shared/format.ts';
import type { Connection } from '../db/cipher.ts';
import { write, type WriteContext } from '../db/write.ts';
import { userPath } from '../paths.ts';
import type { OpenFile } from './open-file.ts';
import { checkOutputTarget, writeOutputFile, type OutputTarget } from '../files/output-path.ts';
import { activateTemplate, countGenerated, countProducible, insertGenerated, selectGenerated, selectGeneratedOne, selectProducible, selectTemplateVersions } from './repo.ts';
import type { Page, PageRequest } from '../../../shared/domain/paging.ts';
import { buildSpocList, checkSpocList } from './spoc-list.ts';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export function templatesState(db: Connection): TemplatesState[] {
  return TEMPLATE_KINDS.map((kind) => {
    const versions = selectTemplateVersions(db, kind);
    return { kind, active: versions.find((v) => v.active) ?? null, versions };
  });
}

/** Goes back to an earlier loaded template, or to LinkDesk's own (id null). */
export function useTemplate(ctx: WriteContext, kind: TemplateKind, id: string | null): TemplatesState[] {
  if (id && !selectTemplateVersions(ctx.db, kind).some((v) => v.id === id)) throw new AppError('not_found', 'There is no such template.');
  write(ctx, (audit) => {
    activateTemplate(ctx.db, kind, id);
    audit('document-template', id, 'use', id ? kind : `${kind}: the default`);
  });
  return templatesState(ctx.db);
}

/** Records a document LinkDesk wrote (path, sha256, who, when), with its audit row. */
export function recordDocument(ctx: WriteContext, kind: GeneratedDocument['kind'], sourceId: string | null, urn: string | null, file: string, bytes: Buffer): GeneratedDocument {
  const doc = { id: randomUUID(), kind, sourceId, urn, path: file, sha256: sha256(bytes), createdBy: ctx.actor, createdAt: ctx.now().toISOString() };
  write(ctx, (audit) => {
    insertGenerated(ctx.db, doc);
    audit('document', doc.id, 'create', `${kind}: ${path.basename(file)}`);
  });
  const saved = selectGeneratedOne(ctx.db, doc.id);
  if (!saved) throw new AppError('internal', 'The document was not recorded.');
  return saved;
}

/** `recordAs` names a download in the documents made: the browser chooses where it goes, not LinkDesk. */
export async function exportSpocList(
  ctx: WriteContext,
  input: Omit<z.output<typeof SpocListInput>, 'download'>,
  database: string,
  recordAs?: string,
): Promise<{ path: string; rows: number; gaps: number }> {
  const target: OutputTarget = { path: userPath(input.path ?? ''), kind: 'spoc-list', replace: input.replace, database };
  checkOutputTarget(target);
  const check = checkSpocList(ctx.db, input.validFrom);
  if (check.gaps.length > 0 && !input.acceptGaps) {
    throw new AppError('invalid_input', `${check.gaps.length} ${check.gaps.length === 1 ? 'school has' : 'schools have'} no named link worker on ${formatDate(input.validFrom)}: ${check.gaps.slice(0, 5).map((g) => g.name).join(', ')}${check.gaps.length > 5 ? '…' : ''}. Allocate them, or save with them shown as "to be allocated".`, { gaps: check.gaps, issues: [{ path: 'acceptGaps', message: 'Tick this to save the list with these schools shown as “To be allocated”, or allocate them first' }] });
  }
  const { bytes, rows } = await buildSpocList(ctx.db, input.validFrom);
  const file = writeOutputFile(target, bytes);
  recordDocument(ctx, 'spoc_list', null, null, recordAs ?? file, bytes);
  return { path: file, rows, gaps: check.gaps.length };
}

/** The sha256 of a file, read in pieces: whatever is at the path now may be large. */
async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Opens a document LinkDesk made, only while the file is still the one it made: the path comes
 * from the record, never from the caller, and the bytes must still have the recorded sha256, so
 * a file swapped in on a shared drive is not opened in Word or Excel on LinkDesk's word.
 */
export async function openDocument(db: Connection, id: string, openFile: OpenFile): Promise<{ opened: true }> {
  const doc = selectGeneratedOne(db, id);
  if (!doc) throw new AppError('not_found', 'There is no such document.');
  // A download is recorded by its name alone (never looked up relative to where LinkDesk runs).
  if (!path.isAbsolute(doc.path)) {
    throw new AppError('file_not_found', `${doc.path} was downloaded through the browser, which chose where to keep it: open it from your Downloads folder.`, { path: doc.path });
  }
  const stat = fs.lstatSync(doc.path, { throwIfNoEntry: false });
  if (!stat) throw new AppError('file_not_found', `${doc.path} is no longer there: it was moved or deleted, or the shared drive is not connected.`, { path: doc.path });
  let sha: string | null = null;
  if (stat.isFile()) {
    try {
      sha = await fileSha256(doc.path);
    } catch {
      throw new AppError('file_not_found', `${doc.path} cannot be read: check it is not open elsewhere and that the shared drive is connected.`, { path: doc.path });
    }
  }
  if (sha !== doc.sha256) {
    throw new AppError(
      'file_changed',
      `${doc.path} has been changed since LinkDesk made it (${formatDateTime(doc.createdAt)}), so LinkDesk will not open it: it may no longer be the document LinkDesk made. Make the document again for a copy LinkDesk can vouch for.`,
      { path: doc.path },
    );
  }
  await openFile(doc.path);
  return { opened: true };
}

export function generatedDocuments(db: Connection, filter: { sourceId?: string | undefined; urn?: string | undefined }): GeneratedDocument[] {
  return selectGenerated(db, filter);
}

/** A page of the documents made, newest first, and how many there are. */
export function generatedDocumentsPage(db: Connection, query: z.output<typeof DocumentsQuery>): Page<GeneratedDocument> {
  const { offset, limit, ...filter } = query;
  return { rows: selectGenerated(db, filter, { offset, limit }), total: countGenerated(db, filter) };
}

/** A page of the meeting records that can be made, newest first, and how many there are. */
export function producibleRecords(db: Connection, page: PageRequest): Page<ProducibleRecord> {
  return { rows: selectProducible(db, page), total: countProducible(db) };
}
