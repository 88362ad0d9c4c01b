/**
 * Where a document goes. Names must be safe on Windows (the team folder is often a shared
 * drive): no reserved characters or names, no trailing dot or space, and the whole path within
 * Windows' 260 characters. Writing is files/output-path.ts's job (never over another file).
 */
import path from 'node:path';
import { cleanLine } from '../../../shared/domain/text.ts';

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
export const MAX_PATH = 259;

/** One path segment that Windows, macOS and Linux all accept, with no bidi override to disguise it. */
export function safeName(name: string): string {
  let safe = [...cleanLine(name)]
    .map((ch) => (ch.charCodeAt(0) < 32 || '<>:"/\\|?*'.includes(ch) ? '-' : ch))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  if (!safe) safe = 'Unnamed';
  if (RESERVED.test(safe)) safe = `${safe}_`;
  return safe;
}

/** The school's folder: `<School name> (<URN>)`, the name shortened when the path would be too long. */
export function schoolFolderName(schoolName: string, urn: string, room: number): string {
  const suffix = ` (${urn})`;
  const name = safeName(schoolName);
  const budget = Math.max(8, room - suffix.length);
  return `${name.length > budget ? name.slice(0, budget).trim() : name}${suffix}`;
}

export function meetingRecordFolder(teamFolder: string, schoolName: string, urn: string): string {
  // Leave room for "/Meeting records/2026-11-24 Early Help Consultation (99).docx" (61 characters) and separators.
  const room = MAX_PATH - teamFolder.length - 1 - 64;
  return path.join(teamFolder, schoolFolderName(schoolName, urn, Math.min(120, room)), 'Meeting records');
}
