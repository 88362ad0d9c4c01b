/**
 * Word meeting records made from templates into the team folder tree, and the templates a team
 * loads. Apart from service.ts because docxtemplater and pizzip are large: this module is loaded
 * (by documents/handlers.ts and the demo) with the first record made or template checked, not
 * when LinkDesk starts.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { RECORD_FILE_LABELS, REQUIRED_OF_KIND, type CreateRecordInput, type GeneratedDocument, type TemplateCheck, type TemplateKind, type TemplatesState } from '../../../shared/domain/documents.ts';
import { AppError } from '../../../shared/errors.ts';
import type { Connection } from '../db/cipher.ts';
import { write, type WriteContext } from '../db/write.ts';
import { checkOutputTarget, writeOutputFile, type OutputTarget } from '../files/output-path.ts';
import { assertFileSize, DOCX_TEMPLATE_LIMITS } from '../imports/limits.ts';
import { assertReadableFile } from '../imports/text-file.ts';
import { userPath } from '../paths.ts';
import { getTeam } from '../team/service.ts';
import { fillTemplate, inspectTemplate } from './docx-template.ts';
import { meetingRecordFolder, safeName } from './file-names.ts';
import { assertNoUnconfirmedNames } from './name-check.ts';
import { consultationSource, visitRecordSource, type RecordSource } from './record-data.ts';
import { activateTemplate, insertTemplate, selectActiveTemplate } from './repo.ts';
import { recordDocument, templatesState } from './service.ts';
import { defaultTemplate } from './templates.ts';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function readTemplateFile(file: string): { bytes: Buffer; fileName: string } {
  const full = userPath(file);
  const size = assertReadableFile(full);
  const fileName = path.basename(full);
  if (!/\.docx$/i.test(fileName)) throw new AppError('invalid_input', `${fileName} is not a Word .docx file. Save the template from Word as "Word Document (.docx)".`, { issues: [{ path: 'path', message: 'Choose a Word .docx file' }] });
  assertFileSize(full, size, DOCX_TEMPLATE_LIMITS.fileBytes);
  return { bytes: fs.readFileSync(full), fileName };
}

export function checkTemplateFile(kind: TemplateKind, file: string): TemplateCheck {
  const { bytes, fileName } = readTemplateFile(file);
  return inspectTemplate(bytes, kind, fileName);
}

/** Loads a team's own template; one with unknown placeholders is refused. The previous one is kept to go back to. */
export function loadTemplate(ctx: WriteContext, kind: TemplateKind, file: string): TemplatesState[] {
  const { bytes, fileName } = readTemplateFile(file);
  const check = inspectTemplate(bytes, kind, fileName);
  if (check.unknown.length > 0) {
    throw new AppError('invalid_input', `${fileName} uses placeholders LinkDesk does not fill: ${check.unknown.map((u) => `{${u}}`).join(', ')}. Correct them (docs/templates.md lists the placeholders); nothing was saved.`, { check });
  }
  const required = REQUIRED_OF_KIND[kind];
  const absent = required.placeholders.filter((p) => !check.placeholders.includes(p));
  if (absent.length > 0) {
    throw new AppError('invalid_input', `${fileName} has no ${absent.map((a) => `{${a}}`).join(' or ')} placeholder, so ${required.why} (is it a finished document rather than a template?). Nothing was saved.`, { check });
  }
  const id = randomUUID();
  write(ctx, (audit) => {
    insertTemplate(ctx.db, { id, kind, fileName, sha256: sha256(bytes), loadedBy: ctx.actor, loadedAt: ctx.now().toISOString() }, bytes);
    activateTemplate(ctx.db, kind, id);
    audit('document-template', id, 'load', `${kind}: ${fileName}`);
  });
  return templatesState(ctx.db);
}


/** The record's data, once nothing in it is left that may name a child (shared/domain/child-names.ts). */
function sourceOf(db: Connection, input: z.output<typeof CreateRecordInput>, now: Date): RecordSource {
  const source = input.kind === 'visit' ? visitRecordSource(db, input.id, now) : consultationSource(db, input.id, now);
  assertNoUnconfirmedNames(db, source.kind, input.id);
  return source;
}

function renderRecord(db: Connection, source: RecordSource): Buffer {
  const template = selectActiveTemplate(db, source.kind) ?? defaultTemplate(source.kind);
  return fillTemplate(template.content, template.fileName, source.data);
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
  return recordDocument(ctx, source.kind, input.id, source.urn, file, bytes);
}

/** A record to a named file: never over an existing one unless the person chose to replace it. */
export function exportRecord(ctx: WriteContext, input: z.output<typeof CreateRecordInput>, out: Omit<OutputTarget, 'kind'>): GeneratedDocument {
  const target: OutputTarget = { ...out, path: userPath(out.path), kind: 'record' };
  checkOutputTarget(target);
  const source = sourceOf(ctx.db, input, ctx.now());
  const bytes = renderRecord(ctx.db, source);
  const file = writeOutputFile(target, bytes);
  return recordDocument(ctx, source.kind, input.id, source.urn, file, bytes);
}
