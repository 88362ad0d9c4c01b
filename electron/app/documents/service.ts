/**
 * Meeting records from templates into the team folder tree, the templates a team loads, and
 * the published SPOC list. Every file is written whole or not at all, never over another, and
 * recorded (path, sha256, who, when).
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import {
  RECORD_FILE_LABELS,
  REQUIRED_PLACEHOLDERS,
  RECORD_KINDS,
  type CreateRecordInput,
  type DocumentsQuery,
  type GeneratedDocument,
  type ProducibleRecord,
  type RecordKind,
  type SpocListInput,
  type TemplateCheck,
  type TemplatesState,
} from '../../../shared/domain/documents.ts';
import { AppError } from '../../../shared/errors.ts';
import { formatDate, formatDateTime } from '../../../shared/format.ts';
import type { Connection } from '../db/cipher.ts';
import { write, type WriteContext } from '../db/write.ts';
import { assertFileSize, DOCX_TEMPLATE_LIMITS } from '../imports/limits.ts';
import { assertReadableFile } from '../imports/text-file.ts';
import { userPath } from '../paths.ts';
import { getTeam } from '../team/service.ts';
import { fillTemplate, inspectTemplate } from './docx-template.ts';
import type { OpenFile } from './open-file.ts';
import { checkOutputTarget, writeOutputFile, type OutputTarget } from '../files/output-path.ts';
import { meetingRecordFolder, safeName } from './file-names.ts';
import { consultationSource, visitRecordSource, type RecordSource } from './record-data.ts';
import { activateTemplate, countGenerated, countProducible, insertGenerated, insertTemplate, selectActiveTemplate, selectGenerated, selectGeneratedOne, selectProducible, selectTemplateVersions } from './repo.ts';
import type { Page, PageRequest } from '../../../shared/domain/paging.ts';
import { buildSpocList, checkSpocList } from './spoc-list.ts';
import { defaultTemplate } from './templates.ts';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export function templatesState(db: Connection): TemplatesState[] {
  return RECORD_KINDS.map((kind) => {
    const versions = selectTemplateVersions(db, kind);
    return { kind, active: versions.find((v) => v.active) ?? null, versions };
  });
}

function readTemplateFile(file: string): { bytes: Buffer; fileName: string } {
  const full = userPath(file);
  const size = assertReadableFile(full);
  const fileName = path.basename(full);
  if (!/\.docx$/i.test(fileName)) throw new AppError('invalid_input', `${fileName} is not a Word .docx file. Save the template from Word as "Word Document (.docx)".`, { issues: [{ path: 'path', message: 'Choose a Word .docx file' }] });
  assertFileSize(full, size, DOCX_TEMPLATE_LIMITS.fileBytes);
  return { bytes: fs.readFileSync(full), fileName };
}

export function checkTemplateFile(kind: RecordKind, file: string): TemplateCheck {
  const { bytes, fileName } = readTemplateFile(file);
  return inspectTemplate(bytes, kind, fileName);
}

/** Loads a team's own template; one with unknown placeholders is refused. The previous one is kept to go back to. */
export function loadTemplate(ctx: WriteContext, kind: RecordKind, file: string): TemplatesState[] {
  const { bytes, fileName } = readTemplateFile(file);
  const check = inspectTemplate(bytes, kind, fileName);
  if (check.unknown.length > 0) {
    throw new AppError('invalid_input', `${fileName} uses placeholders LinkDesk does not fill: ${check.unknown.map((u) => `{${u}}`).join(', ')}. Correct them (docs/templates.md lists the placeholders); nothing was saved.`, { check });
  }
  const absent = REQUIRED_PLACEHOLDERS.filter((p) => !check.placeholders.includes(p));
  if (absent.length > 0) {
    throw new AppError('invalid_input', `${fileName} has no ${absent.map((a) => `{${a}}`).join(' or ')} placeholder, so its records would not say which school or meeting they are about (is it a finished record rather than a template?). Nothing was saved.`, { check });
  }
  const id = randomUUID();
  write(ctx, (audit) => {
    insertTemplate(ctx.db, { id, kind, fileName, sha256: sha256(bytes), loadedBy: ctx.actor, loadedAt: ctx.now().toISOString() }, bytes);
    activateTemplate(ctx.db, kind, id);
    audit('document-template', id, 'load', `${kind}: ${fileName}`);
  });
  return templatesState(ctx.db);
}

/** Goes back to an earlier loaded template, or to LinkDesk's own (id null). */
export function useTemplate(ctx: WriteContext, kind: RecordKind, id: string | null): TemplatesState[] {
  if (id && !selectTemplateVersions(ctx.db, kind).some((v) => v.id === id)) throw new AppError('not_found', 'There is no such template.');
  write(ctx, (audit) => {
    activateTemplate(ctx.db, kind, id);
    audit('document-template', id, 'use', id ? kind : `${kind}: the default`);
  });
  return templatesState(ctx.db);
}

function sourceOf(db: Connection, input: z.output<typeof CreateRecordInput>, now: Date): RecordSource {
  return input.kind === 'visit' ? visitRecordSource(db, input.id, now) : consultationSource(db, input.id, now);
}

function renderRecord(db: Connection, source: RecordSource): Buffer {
  const template = selectActiveTemplate(db, source.kind) ?? defaultTemplate(source.kind);
  return fillTemplate(template.content, template.fileName, source.data);
}

function record(ctx: WriteContext, kind: GeneratedDocument['kind'], sourceId: string | null, urn: string | null, file: string, bytes: Buffer): GeneratedDocument {
  const doc = { id: randomUUID(), kind, sourceId, urn, path: file, sha256: sha256(bytes), createdBy: ctx.actor, createdAt: ctx.now().toISOString() };
  write(ctx, (audit) => {
    insertGenerated(ctx.db, doc);
    audit('document', doc.id, 'create', `${kind}: ${path.basename(file)}`);
  });
  const saved = selectGeneratedOne(ctx.db, doc.id);
  if (!saved) throw new AppError('internal', 'The document was not recorded.');
  return saved;
}

/** The school's folder by its URN when the team already has one (a renamed school, or the team's own name for it), else a new one. */
function schoolRecordsFolder(teamFolder: string, schoolName: string, urn: string): string {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(teamFolder, { withFileTypes: true });
  } catch (error) {
    throw folderError(error, teamFolder);
  }
  const existing = entries.find((d) => d.isDirectory() && d.name.endsWith(`(${urn})`));
  return existing ? path.join(teamFolder, existing.name, 'Meeting records') : meetingRecordFolder(teamFolder, schoolName, urn);
}

function folderError(error: unknown, folder: string): AppError {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENAMETOOLONG' ? 'the path is too long' :
    code === 'ENOENT' ? 'the team folder is no longer there (is the shared drive connected?)' :
    code === 'ENOTDIR' || code === 'EEXIST' ? 'a file is in the way where a folder should be' :
    'LinkDesk is not allowed to write there: check the folder’s permissions';
  return new AppError('read_only_location', `LinkDesk cannot create ${folder}: ${why}. Nothing was saved.`, { path: folder });
}

/** The meeting record into `<team folder>/<School> (<URN>)/Meeting records/`, with `Emails and correspondence/` beside it. */
export function createMeetingRecord(ctx: WriteContext, input: z.output<typeof CreateRecordInput>): GeneratedDocument {
  const teamFolder = getTeam(ctx.db).settings.teamFolder;
  if (!teamFolder) throw new AppError('invalid_input', 'Set the team folder in Settings first: meeting records are saved in a folder per school inside it.', { issues: [{ path: 'teamFolder', message: 'Not set' }] });
  if (!fs.existsSync(teamFolder)) throw new AppError('file_not_found', `The team folder ${teamFolder} cannot be found (is the shared drive connected?). Nothing was saved.`, { path: teamFolder });
  const source = sourceOf(ctx.db, input, ctx.now());
  const bytes = renderRecord(ctx.db, source);
  const folder = schoolRecordsFolder(teamFolder, source.schoolName, source.urn);
  try {
    fs.mkdirSync(folder, { recursive: true });
    fs.mkdirSync(path.join(path.dirname(folder), 'Emails and correspondence'), { recursive: true });
  } catch (error) {
    throw folderError(error, folder);
  }
  const target = path.join(folder, `${safeName(`${source.date} ${RECORD_FILE_LABELS[source.kind]}`)}.docx`);
  const file = writeOutputFile({ path: target, kind: 'record', addSuffix: true }, bytes);
  return record(ctx, source.kind, input.id, source.urn, file, bytes);
}

/** A record to a named file: never over an existing one unless the person chose to replace it. */
export function exportRecord(ctx: WriteContext, input: z.output<typeof CreateRecordInput>, out: Omit<OutputTarget, 'kind'>): GeneratedDocument {
  const target: OutputTarget = { ...out, path: userPath(out.path), kind: 'record' };
  checkOutputTarget(target);
  const source = sourceOf(ctx.db, input, ctx.now());
  const bytes = renderRecord(ctx.db, source);
  const file = writeOutputFile(target, bytes);
  return record(ctx, source.kind, input.id, source.urn, file, bytes);
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
  record(ctx, 'spoc_list', null, null, recordAs ?? file, bytes);
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
