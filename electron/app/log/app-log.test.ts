import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../dispatcher.ts';
import { aSession, PASSPHRASE, tempDir } from '../testing/builders.ts';
import { AppLog, describeError } from './app-log.ts';

const CHILD = 'Zebedee Quartermaine';

function linesOf(file: string): string[] {
  return fs.readFileSync(file, 'utf8').trimEnd().split('\n');
}

describe('the log file', () => {
  it('logs an internal error of an API call with the method, the error class and its stack, and none of the input', async () => {
    const session = aSession();
    const dispatch = createDispatcher(session);
    const file = path.join(tempDir(), 'team.linkdesk');
    expect((await dispatch('db.create', { path: file, passphrase: PASSPHRASE, teamName: 'Log Team', localAuthority: 'Logshire', userName: 'Tess' })).ok).toBe(true);
    // The connection goes away under the session's feet: the driver throws a TypeError, not an AppError.
    session.database.db.close();
    const input = { name: CHILD, role: 'fsw', email: 'zebedee.q@council.example.gov.uk', phone: '', hub: '', activeFrom: '2026-09-01', capacity: null };
    const result = await dispatch('people.create', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });

    const log = fs.readFileSync(session.config.logFile, 'utf8');
    expect(log).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z error \[pid \d+\] internal error in people\.create: TypeError\n/m);
    expect(log).toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(log).not.toContain('Zebedee');
    expect(log).not.toContain('zebedee.q');
    expect(log).not.toContain('connection is not open');
    expect(fs.statSync(session.config.logFile).mode & 0o077).toBe(0);
  });

  it('keeps the stack and code of an error and its cause, and drops their messages and the home folder', () => {
    const cause = Object.assign(new Error(`disk full while saving ${CHILD}`), { code: 'ENOSPC' });
    const error = new RangeError(`no room for ${CHILD}\n    at a line that looks like a frame ${CHILD}`, { cause });
    error.stack = `${error.stack ?? ''}\n    at save (${os.homedir()}/LinkDesk/app.js:10:5)`;
    const text = describeError(error);
    expect(text.split('\n')[0]).toBe('RangeError');
    expect(text).toContain('caused by Error ENOSPC');
    expect(text).toContain('at save (~/LinkDesk/app.js:10:5)');
    expect(text).not.toContain(CHILD);
    expect(text).not.toContain(os.homedir());
    expect(describeError('a string thrown')).toBe('a thrown string');
  });

  it('moves a full file aside and keeps only the set number of old ones', () => {
    const file = path.join(tempDir(), 'logs', 'linkdesk.log');
    const log = new AppLog(file, { maxBytes: 600, keep: 2 });
    for (let n = 0; n < 40; n++) log.info(`event number ${n}`);
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(['linkdesk.log', 'linkdesk.log.1', 'linkdesk.log.2']);
    for (const name of ['linkdesk.log', 'linkdesk.log.1', 'linkdesk.log.2']) expect(fs.statSync(path.join(path.dirname(file), name)).size).toBeLessThanOrEqual(600);
    expect(linesOf(file).at(-1)).toMatch(/info \[pid \d+\] event number 39$/);
    expect(linesOf(`${file}.1`).at(-1)).not.toMatch(/event number 39$/);
  });

  it('never stops the work when the log cannot be written', () => {
    const blocked = path.join(tempDir(), 'not-a-folder');
    fs.writeFileSync(blocked, 'a file where the log folder should be');
    const log = new AppLog(path.join(blocked, 'linkdesk.log'));
    expect(() => log.internalError('people.create', new Error(CHILD))).not.toThrow();
    expect(fs.readFileSync(blocked, 'utf8')).toBe('a file where the log folder should be');
  });
});
