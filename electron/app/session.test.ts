import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from './dispatcher.ts';
import { userPath } from './paths.ts';
import { aSession, PASSPHRASE, tempDir } from './testing/builders.ts';

describe('the idle lock in the main process', () => {
  it('locks after the team’s idle minutes without a call or an activity ping, and not before', async () => {
    let now = new Date('2026-11-23T09:00:00Z').getTime();
    const session = aSession(() => new Date(now));
    const dispatch = createDispatcher(session);
    await dispatch('db.create', { path: path.join(tempDir(), 'idle.linkdesk'), teamName: 'Idle Team', localAuthority: 'Idleshire', passphrase: PASSPHRASE, userName: 'Tess' });
    now += 9 * 60_000;
    expect(session.lockIfIdle()).toBe(false);
    await dispatch('app.activity', {});
    now += 9 * 60_000;
    expect(session.lockIfIdle()).toBe(false);
    await dispatch('imports.progress', {});
    now += 61_000;
    // The renderer warns and locks at ten minutes; this backstop waits a minute more (IDLE_GRACE_MS).
    expect(session.lockIfIdle()).toBe(false);
    now += 60_000;
    expect(session.lockIfIdle()).toBe(true);
    expect(session.hasDatabase).toBe(false);
  });
});

describe('paths typed by people', () => {
  it('expands ~ to the home folder and refuses a relative path with an example', () => {
    expect(userPath('~/LinkDesk/team.linkdesk')).toBe(path.join(os.homedir(), 'LinkDesk', 'team.linkdesk'));
    expect(userPath('/srv/share/team.linkdesk')).toBe('/srv/share/team.linkdesk');
    expect(() => userPath('team.linkdesk')).toThrow(/Give the full path of the file, for example/);
  });

  it('refuses a relative path through the API, naming the field', async () => {
    const dispatch = createDispatcher(aSession());
    const result = await dispatch('db.unlock', { path: 'team.linkdesk', passphrase: PASSPHRASE, userName: 'Tess' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { issues: [{ path: 'path' }] } } });
  });

  it('inspects a file before the passphrase is asked for', async () => {
    const dispatch = createDispatcher(aSession());
    const folder = tempDir();
    expect(await dispatch('db.inspect', { path: folder })).toMatchObject({ ok: false, error: { code: 'file_not_found', message: expect.stringMatching(/is a folder/) } });
  });
});
