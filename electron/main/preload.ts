/**
 * The renderer's only door: `window.linkdesk.invoke(method, input)`. No raw ipcRenderer,
 * no choice of channel, nothing else from Node.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_CHANNEL } from './ipc.ts';

contextBridge.exposeInMainWorld('linkdesk', {
  invoke: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(API_CHANNEL, method, input),
});
