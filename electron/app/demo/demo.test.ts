import fs from 'node:fs';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { lockPathFor } from '../db/lock-file.ts';
import { createDispatcher } from '../dispatcher.ts';
import { aSession } from '../testing/builders.ts';
import { DEMO_TEAM } from './demo.ts';

describe('the demo team', () => {
  it('is created on first use and reopened after that', async () => {
    const session = aSession();
    const dispatch = createDispatcher(session);
    expect(await dispatch('db.openDemo', { userName: 'Dee Demo' })).toMatchObject({ ok: true, value: { teamName: DEMO_TEAM.teamName } });
    expect(fs.existsSync(session.config.demoPath)).toBe(true);
    await dispatch('db.lock', {});
    expect(await dispatch('db.openDemo', { userName: 'Dee Demo' })).toMatchObject({ ok: true, value: { path: session.config.demoPath } });
  });

  it('takes over a stale lock left by a crash, but not a live one', async () => {
    const session = aSession();
    const dispatch = createDispatcher(session);
    await dispatch('db.openDemo', { userName: 'Dee Demo' });
    await dispatch('db.lock', {});
    const lock = lockPathFor(session.config.demoPath);
    fs.writeFileSync(lock, JSON.stringify({ user: 'Dee Demo', machine: os.hostname(), pid: 2 ** 22 + 11, since: '2026-11-20T10:00:00Z' }));
    expect(await dispatch('db.openDemo', { userName: 'Dee Demo' })).toMatchObject({ ok: true });
    await dispatch('db.lock', {});
    fs.writeFileSync(lock, JSON.stringify({ user: 'Other', machine: 'COUNCIL-LT-7', pid: 99, since: '2026-11-20T10:00:00Z' }));
    expect(await dispatch('db.openDemo', { userName: 'Dee Demo' })).toMatchObject({ ok: false, error: { code: 'locked_elsewhere' } });
  });
});
