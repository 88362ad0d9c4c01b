/**
 * Where an import reads and an export writes: a path (typed, pasted or chosen in Electron's
 * dialog) or, in browser mode, a file uploaded to the local server and a download it offers.
 * Handlers call these so every import and export treats both the same way.
 */
import type { DownloadTicket, UploadPurpose } from '../../../shared/domain/files.ts';
import { userPath } from '../paths.ts';
import type { FileTransfers } from './transfers.ts';

export interface FileToRead {
  path: string;
  /** Deletes an uploaded copy once it has served (nothing for a path the person gave). */
  done(): void;
}

export function fileToRead(transfers: FileTransfers, input: { path?: string | undefined; upload?: string | undefined }, purpose: UploadPurpose): FileToRead {
  const upload = input.upload;
  if (upload) return { path: transfers.resolve(upload, purpose), done: () => transfers.release(upload) };
  return { path: userPath(input.path ?? ''), done: () => undefined };
}

/**
 * Runs an import and deletes its upload when `finished(result)` says the file has served its
 * turn; a preview, or an import refused for rows the person may still choose to leave out,
 * keeps it for the next step.
 */
export async function readingFile<T>(
  transfers: FileTransfers,
  input: { path?: string | undefined; upload?: string | undefined },
  purpose: UploadPurpose,
  work: (path: string) => T | Promise<T>,
  finished: (result: T) => boolean,
): Promise<T> {
  const file = fileToRead(transfers, input, purpose);
  const result = await work(file.path);
  if (finished(result)) file.done();
  return result;
}

/**
 * Writes an export at the path given or, for a download, in the private folder, and offers it.
 * The one writer's rules hold either way. The answer's `path` is the file's name for a download
 * (its private folder is nobody's business).
 */
export async function writingFile<T extends { path: string }>(
  transfers: FileTransfers,
  input: { path?: string | undefined; download?: boolean | undefined },
  downloadName: string,
  work: (path: string) => T | Promise<T>,
): Promise<T & { download?: DownloadTicket }> {
  if (!input.download) return work(userPath(input.path ?? ''));
  const target = transfers.downloadPath(downloadName);
  try {
    const result = await work(target.path);
    const download = target.offer();
    return { ...result, path: download.name, download };
  } catch (error) {
    target.abandon();
    throw error;
  }
}
