/**
 * Choosing files rather than typing paths. In the Electron app: the native open, save and folder
 * dialogs through the preload, by purpose. In browser mode: the browser's file chooser uploads
 * an import's file to the local server (same origin, with the token), and an export downloads.
 * A typed or pasted path works in both.
 */
import type { ChosenPath, ChosenSavePath, DownloadTicket, FolderPurpose, OpenPurpose, SavePurpose, UploadedFile, UploadPurpose } from '../../shared/domain/files.ts';
import { AppError } from '../../shared/errors.ts';
import { httpToken, unwrap } from './api.ts';

/** The Electron app, whose preload offers the native dialogs. */
export function hasNativeDialogs(): boolean {
  return Boolean(window.linkdesk?.files);
}

/** Browser mode, where the local server takes uploads and gives downloads. */
export function isBrowserMode(): boolean {
  return !window.linkdesk;
}

export async function chooseOpen(purpose: OpenPurpose): Promise<string | null> {
  const files = window.linkdesk?.files;
  return files ? unwrap<ChosenPath>(await files.chooseOpen({ purpose })).path : null;
}

export async function chooseSave(purpose: SavePurpose, suggestedName?: string): Promise<ChosenSavePath | null> {
  const files = window.linkdesk?.files;
  if (!files) return null;
  const chosen = unwrap<ChosenSavePath>(await files.chooseSave(suggestedName ? { purpose, suggestedName } : { purpose }));
  return chosen.path ? chosen : null;
}

export async function chooseFolder(purpose: FolderPurpose): Promise<string | null> {
  const files = window.linkdesk?.files;
  return files ? unwrap<ChosenPath>(await files.chooseFolder({ purpose })).path : null;
}

/** Sends a chosen file to the local server for an import; the server keeps it privately until the import is done. */
export async function uploadFile(purpose: UploadPurpose, file: File): Promise<UploadedFile> {
  let response: Response;
  try {
    response = await fetch(`./upload/${purpose}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-linkdesk-token': httpToken(), 'x-linkdesk-file-name': encodeURIComponent(file.name) },
      body: file,
    });
  } catch {
    throw new AppError('internal', `${file.name} could not be sent to LinkDesk. Is it still running?`);
  }
  try {
    return unwrap<UploadedFile>(await response.json());
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('internal', 'LinkDesk sent an answer it could not read.');
  }
}

/** Hands an export to the browser, which saves it (usually in Downloads) under its name. */
export function startDownload(ticket: DownloadTicket): void {
  const link = document.createElement('a');
  link.href = `./download/${encodeURIComponent(ticket.id)}`;
  link.download = ticket.name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}
