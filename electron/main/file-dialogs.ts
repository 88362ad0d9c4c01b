/**
 * The native open, save and folder dialogs, on their own IPC channel beside the API. The
 * renderer names a purpose (`people`, `spocList`, `teamFolder`…) and nothing else: the title,
 * the file types and the starting folder come from shared/domain/files.ts here in the main
 * process, so a page cannot widen what it is offered. The answer is the path the person chose
 * (or null), which the page then passes to the API like a typed one: the dialog grants nothing
 * a typed path could not. Only type imports from 'electron', so the handler is unit-tested with
 * a fake dialog.
 */
import path from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { z } from 'zod';
import { ChooseFolderInput, ChooseOpenInput, ChooseSaveInput, FOLDER_PURPOSES, OPEN_PURPOSES, SAVE_PURPOSES, extensionOf, type ChosenPath, type ChosenSavePath } from '../../shared/domain/files.ts';
import type { Result } from '../../shared/errors.ts';
import { FILES_CHANNEL, type InvokeEventLike } from './ipc.ts';
import { isTrustedSender } from './security.ts';

export { FILES_CHANNEL };
export const FILE_OPERATIONS = ['open', 'save', 'folder'] as const;
export type FileOperation = (typeof FILE_OPERATIONS)[number];

export interface DialogLike<W> {
  showOpenDialog(window: W, options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(window: W, options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string | undefined }>;
}

export interface FileDialogDeps<E, W> {
  dialog: DialogLike<W>;
  /** The window the asking page is in: the dialog is modal to it. */
  windowOf(event: E): W | null;
  /** Where a dialog opens first (the person's Documents folder). */
  startFolder: string;
  exists(file: string): boolean;
}

interface IpcMainFor<E> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => Promise<unknown>): void;
}

function invalid(error: z.ZodError): Result<never> {
  const issues = error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  return { ok: false, error: { code: 'invalid_input', message: issues[0]?.message ?? 'The request is not valid.', details: { issues } } };
}

/** Answers one dialog request; exported for the tests. */
export async function chooseFile<E extends InvokeEventLike, W>(deps: FileDialogDeps<E, W>, event: E, operation: unknown, input: unknown): Promise<Result<ChosenPath | ChosenSavePath>> {
  if (!isTrustedSender(event.senderFrame)) {
    return { ok: false, error: { code: 'forbidden', message: 'This window is not allowed to open LinkDesk’s file dialogs.' } };
  }
  const window = deps.windowOf(event);
  if (!window) return { ok: false, error: { code: 'forbidden', message: 'There is no LinkDesk window to open the dialog in.' } };
  switch (operation) {
    case 'open': {
      const parsed = ChooseOpenInput.safeParse(input);
      if (!parsed.success) return invalid(parsed.error);
      const purpose = OPEN_PURPOSES[parsed.data.purpose];
      const answer = await deps.dialog.showOpenDialog(window, {
        title: purpose.title,
        defaultPath: deps.startFolder,
        properties: ['openFile'],
        filters: [{ name: purpose.type.name, extensions: [...purpose.type.extensions] }],
      });
      return { ok: true, value: { path: answer.canceled ? null : (answer.filePaths[0] ?? null) } };
    }
    case 'save': {
      const parsed = ChooseSaveInput.safeParse(input);
      if (!parsed.success) return invalid(parsed.error);
      const { type, title } = SAVE_PURPOSES[parsed.data.purpose];
      const extensions: readonly string[] = type.extensions;
      const extension = extensions[0] ?? '';
      const withExtension = (name: string) => (extensions.includes(extensionOf(name)) ? name : `${name}.${extension}`);
      const answer = await deps.dialog.showSaveDialog(window, {
        title,
        defaultPath: path.join(deps.startFolder, withExtension(parsed.data.suggestedName ?? `Untitled.${extension}`)),
        filters: [{ name: type.name, extensions: [...type.extensions] }],
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      });
      if (answer.canceled || !answer.filePath) return { ok: true, value: { path: null, exists: false } };
      // Some Linux dialogs leave the extension to the program.
      const chosen = withExtension(answer.filePath);
      // The system's dialog asked about replacing only the name it returned.
      return { ok: true, value: { path: chosen, exists: chosen === answer.filePath && deps.exists(chosen) } };
    }
    case 'folder': {
      const parsed = ChooseFolderInput.safeParse(input);
      if (!parsed.success) return invalid(parsed.error);
      const answer = await deps.dialog.showOpenDialog(window, {
        title: FOLDER_PURPOSES[parsed.data.purpose].title,
        defaultPath: deps.startFolder,
        properties: ['openDirectory', 'createDirectory'],
      });
      return { ok: true, value: { path: answer.canceled ? null : (answer.filePaths[0] ?? null) } };
    }
    default:
      return { ok: false, error: { code: 'unknown_method', message: 'There is no such file dialog.' } };
  }
}

export function bindFileDialogs<E extends InvokeEventLike, W>(ipcMain: IpcMainFor<E>, deps: FileDialogDeps<E, W>): void {
  ipcMain.handle(FILES_CHANNEL, (event, operation, input) => chooseFile(deps, event, operation, input));
}
