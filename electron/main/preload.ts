/**
 * The renderer's only doors: `window.linkdesk.invoke(method, input)` for the API, and
 * `window.linkdesk.files` for the native open, save and folder dialogs (a purpose in, a chosen
 * path out). No raw ipcRenderer, no choice of channel, nothing else from Node; the main process
 * validates every argument.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_CHANNEL, FILES_CHANNEL } from './ipc.ts';

contextBridge.exposeInMainWorld('linkdesk', {
  invoke: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(API_CHANNEL, method, input),
  files: {
    chooseOpen: (input: unknown): Promise<unknown> => ipcRenderer.invoke(FILES_CHANNEL, 'open', input),
    chooseSave: (input: unknown): Promise<unknown> => ipcRenderer.invoke(FILES_CHANNEL, 'save', input),
    chooseFolder: (input: unknown): Promise<unknown> => ipcRenderer.invoke(FILES_CHANNEL, 'folder', input),
  },
});
