/**
 * The same contract cases against both transports: local HTTP (browser mode) and Electron
 * IPC (with a fake ipcMain, since the Electron binary is not available in CI).
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../shared/errors.ts';
import { createDispatcher } from './app/dispatcher.ts';
import { aSession, PASSPHRASE, tempDir } from './app/testing/builders.ts';
import { startHttpServer, TOKEN_HEADER, type RunningServer } from './http/server.ts';
import { bindApiToIpc, type InvokeEventLike } from './main/ipc.ts';

type Call = (method: string, input?: unknown) => Promise<Result<unknown>>;

interface Transport {
  name: string;
  start(): Promise<{ call: Call; stop: () => Promise<void> }>;
}

const transports: Transport[] = [
  {
    name: 'HTTP',
    async start() {
      const server: RunningServer = await startHttpServer({ dispatch: createDispatcher(aSession()), staticDir: null });
      const call: Call = async (method, input = {}) => {
        const response = await fetch(new URL(`/api/${method}`, server.url), {
          method: 'POST',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token },
          body: JSON.stringify(input),
        });
        return (await response.json()) as Result<unknown>;
      };
      return { call, stop: () => server.close() };
    },
  },
  {
    name: 'IPC',
    async start() {
      let handler: ((event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>) | undefined;
      bindApiToIpc({ handle: (_channel, listener) => (handler = listener) }, createDispatcher(aSession()));
      const appFrame: InvokeEventLike = { senderFrame: { url: 'app://linkdesk/index.html', parent: null } };
      const call: Call = async (method, input = {}) => (await handler!(appFrame, method, input)) as Result<unknown>;
      return { call, stop: async () => undefined };
    },
  },
];

function valueOf<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

for (const transport of transports) {
  describe(`the API contract over ${transport.name}`, () => {
    let call: Call;
    let stop: () => Promise<void>;
    let file: string;
    const create = () =>
      call('db.create', { path: file, teamName: 'Contract Team', localAuthority: 'Testshire', passphrase: PASSPHRASE, userName: 'Tess' });

    beforeEach(async () => {
      ({ call, stop } = await transport.start());
      file = path.join(tempDir(), 'contract.linkdesk');
    });
    afterEach(async () => stop());

    it('reports no open database at first', async () => {
      expect(valueOf<{ session: unknown; mode: string }>(await call('app.info'))).toMatchObject({ session: null, mode: 'cli' });
      expect(await call('team.get')).toMatchObject({ ok: false, error: { code: 'no_open_database' } });
    });

    it('rejects bad input as invalid_input with the field paths', async () => {
      const result = await call('db.create', { path: '', teamName: 'X', localAuthority: 'Testshire', passphrase: PASSPHRASE, userName: '  ' });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('invalid_input');
      const paths = (result.error.details?.issues as { path: string }[]).map((i) => i.path).sort();
      expect(paths).toEqual(['path', 'teamName', 'userName']);
    });

    it('rejects unknown fields and unknown methods', async () => {
      expect(await call('team.updateSettings', { colour: 'red' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(await call('schools.drop', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    });

    it('creates, edits settings, and lists the audit trail', async () => {
      expect(valueOf(await create())).toMatchObject({ teamName: 'Contract Team', user: 'Tess' });
      expect(valueOf(await call('team.updateSettings', { idleLockMinutes: 30 }))).toMatchObject({ idleLockMinutes: 30 });
      const audit = valueOf<{ entity: string; action: string; actor: string }[]>(await call('audit.list', {}));
      expect(audit.map((a) => `${a.actor} ${a.entity} ${a.action}`)).toEqual(['Tess settings update', 'Tess team create']);
    });

    it('locks, refuses a wrong passphrase, then unlocks', async () => {
      valueOf(await create());
      valueOf(await call('db.lock'));
      expect(await call('team.get')).toMatchObject({ ok: false, error: { code: 'no_open_database' } });
      expect(await call('db.unlock', { path: file, passphrase: 'wrong passphrase here', userName: 'Tess' })).toMatchObject({
        ok: false,
        error: { code: 'wrong_passphrase' },
      });
      expect(valueOf(await call('db.unlock', { path: file, passphrase: PASSPHRASE, userName: 'Tess' }))).toMatchObject({ teamName: 'Contract Team' });
    });

    it('changes the passphrase, backs up and checks', async () => {
      valueOf(await create());
      const next = 'another strong passphrase';
      expect(valueOf(await call('db.changePassphrase', { currentPassphrase: PASSPHRASE, newPassphrase: next }))).toEqual({ changed: true });
      const backup = path.join(tempDir(), 'copy.linkdesk');
      expect(valueOf<{ path: string }>(await call('db.backup', { path: backup })).path).toBe(backup);
      expect(valueOf(await call('db.check'))).toMatchObject({ ok: true, integrity: ['ok'], cipherIntegrity: [] });
      valueOf(await call('db.lock'));
      expect(valueOf(await call('db.unlock', { path: backup, passphrase: next, userName: 'Tess' }))).toMatchObject({ path: backup });
    });
  });
}
