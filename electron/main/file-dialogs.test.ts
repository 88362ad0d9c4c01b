import path from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { bindFileDialogs, chooseFile, FILES_CHANNEL, type DialogLike } from './file-dialogs.ts';
import type { InvokeEventLike } from './ipc.ts';
import { APP_ENTRY_URL } from './security.ts';

interface FakeWindow {
  id: number;
}

/** Electron's dialog module replaced: it records what it was asked and answers as a person would. */
function fakeDialog(answer: { open?: string[]; save?: string; cancel?: boolean } = {}) {
  const asked: { kind: 'open' | 'save'; window: FakeWindow; options: OpenDialogOptions | SaveDialogOptions }[] = [];
  const dialog: DialogLike<FakeWindow> = {
    showOpenDialog: async (window, options) => {
      asked.push({ kind: 'open', window, options });
      return { canceled: answer.cancel ?? false, filePaths: answer.cancel ? [] : (answer.open ?? []) };
    },
    showSaveDialog: async (window, options) => {
      asked.push({ kind: 'save', window, options });
      return answer.cancel ? { canceled: true } : { canceled: false, filePath: answer.save };
    },
  };
  return { dialog, asked };
}

const WINDOW: FakeWindow = { id: 1 };
const DOCUMENTS = path.join(path.sep, 'home', 'tess', 'Documents');
const own: InvokeEventLike = { senderFrame: { url: APP_ENTRY_URL, parent: null } };

function deps(answer: Parameters<typeof fakeDialog>[0] = {}, existing: string[] = []) {
  const fake = fakeDialog(answer);
  return { ...fake, deps: { dialog: fake.dialog, windowOf: () => WINDOW, startFolder: DOCUMENTS, exists: (f: string) => existing.includes(f) } };
}

describe('the native file dialogs', () => {
  it('offers only the file types of the purpose named, modal to the asking window, and answers the chosen path', async () => {
    const chosen = path.join(DOCUMENTS, 'people.xlsx');
    const { deps: d, asked } = deps({ open: [chosen] });
    expect(await chooseFile(d, own, 'open', { purpose: 'people' })).toEqual({ ok: true, value: { path: chosen } });
    expect(asked).toEqual([
      {
        kind: 'open',
        window: WINDOW,
        options: { title: 'Choose the spreadsheet of people', defaultPath: DOCUMENTS, properties: ['openFile'], filters: [{ name: 'Spreadsheet (.xlsx or .csv)', extensions: ['xlsx', 'csv'] }] },
      },
    ]);
    await chooseFile(d, own, 'open', { purpose: 'gias' });
    await chooseFile(d, own, 'open', { purpose: 'template' });
    expect(asked.slice(1).map((a) => (a.options as OpenDialogOptions).filters?.[0]?.extensions)).toEqual([['csv'], ['docx']]);
  });

  it('refuses a filter, a folder or any other key from the page: the purpose is all it may name', async () => {
    const { deps: d, asked } = deps({ open: ['/etc/shadow'] });
    const widened = await chooseFile(d, own, 'open', { purpose: 'people', filters: [{ name: 'All', extensions: ['*'] }] });
    expect(widened).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await chooseFile(d, own, 'open', { purpose: 'anything' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await chooseFile(d, own, 'rm', { purpose: 'people' })).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await chooseFile(d, own, 'save', { purpose: 'spocList', suggestedName: '../../.bashrc' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(asked).toEqual([]);
  });

  it('answers only the app’s own top-level page', async () => {
    const { deps: d, asked } = deps({ open: ['/x.csv'] });
    const framed = await chooseFile(d, { senderFrame: { url: APP_ENTRY_URL, parent: {} } }, 'open', { purpose: 'gias' });
    const foreign = await chooseFile(d, { senderFrame: { url: 'https://evil.example/', parent: null } }, 'open', { purpose: 'gias' });
    expect([framed, foreign]).toMatchObject([{ ok: false, error: { code: 'forbidden' } }, { ok: false, error: { code: 'forbidden' } }]);
    expect(asked).toEqual([]);
  });

  it('saves with the purpose’s extension, and says when the system dialog already asked about replacing a file', async () => {
    const target = path.join(DOCUMENTS, 'SPOC list.xlsx');
    const { deps: d, asked } = deps({ save: target }, [target]);
    expect(await chooseFile(d, own, 'save', { purpose: 'spocList', suggestedName: 'SPOC contact list 2026-09-01' })).toEqual({ ok: true, value: { path: target, exists: true } });
    expect(asked[0]?.options).toMatchObject({
      title: 'Save the SPOC contact list as',
      defaultPath: path.join(DOCUMENTS, 'SPOC contact list 2026-09-01.xlsx'),
      filters: [{ name: 'Excel workbook (.xlsx)', extensions: ['xlsx'] }],
    });
    // A Linux dialog that leaves the extension off: added, and the file it names was never asked about.
    const bare = path.join(DOCUMENTS, 'calendar');
    const { deps: linux } = deps({ save: bare }, [`${bare}.ics`]);
    expect(await chooseFile(linux, own, 'save', { purpose: 'calendar' })).toEqual({ ok: true, value: { path: `${bare}.ics`, exists: false } });
  });

  it('chooses a folder, and a cancelled dialog answers no path', async () => {
    const folder = path.join(path.sep, 'mnt', 'shared', 'North Hub');
    const { deps: d, asked } = deps({ open: [folder] });
    expect(await chooseFile(d, own, 'folder', { purpose: 'teamFolder' })).toEqual({ ok: true, value: { path: folder } });
    expect(asked[0]?.options).toMatchObject({ title: 'Choose the team folder', properties: ['openDirectory', 'createDirectory'] });
    const { deps: cancelled } = deps({ cancel: true });
    expect(await chooseFile(cancelled, own, 'open', { purpose: 'backup' })).toEqual({ ok: true, value: { path: null } });
    expect(await chooseFile(cancelled, own, 'save', { purpose: 'database' })).toEqual({ ok: true, value: { path: null, exists: false } });
  });

  it('binds one channel of its own on ipcMain', async () => {
    const channels = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
    const { deps: d } = deps({ open: ['/home/tess/terms.ics'] });
    bindFileDialogs({ handle: (channel, listener) => channels.set(channel, listener) }, d);
    expect([...channels.keys()]).toEqual([FILES_CHANNEL]);
    expect(await channels.get(FILES_CHANNEL)?.(own, 'open', { purpose: 'termDates' })).toEqual({ ok: true, value: { path: '/home/tess/terms.ics' } });
  });
});
