import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RowsImportResult } from '../../../shared/domain/imports.ts';
import { AppError } from '../../../shared/errors.ts';
import { createDispatcher } from '../dispatcher.ts';
import { aSession, PASSPHRASE, tempDir } from '../testing/builders.ts';
import { FileTransfers, safeUploadName, sweepLeftovers, UPLOAD_LIMITS } from './transfers.ts';

const MB = 1024 * 1024;

async function* chunks(...parts: (string | Buffer)[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield typeof part === 'string' ? Buffer.from(part) : part;
}

/** A body that fails the test if anything reads it: a refusal must come before the first byte. */
const unreadable: AsyncIterable<Uint8Array> = {
  [Symbol.asyncIterator]() {
    throw new Error('the body was read');
  },
};

async function refusal(work: () => Promise<unknown>): Promise<AppError> {
  try {
    await work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** Every file under a folder, however deep. */
const filesUnder = (dir: string): string[] => (fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()) : []);

function transfers(now = () => 0) {
  const parent = tempDir();
  return { parent, store: new FileTransfers({ parent, now }) };
}

describe('uploads kept for an import', () => {
  it('keeps the file privately under its own name until it is released', async () => {
    const { parent, store } = transfers();
    const up = await store.receive('people', 'Team people.csv', chunks('Name,Role\n', 'Amy,FSW\n'));
    expect(up).toMatchObject({ name: 'Team people.csv', bytes: 18 });
    const file = store.resolve(up.upload, 'people');
    expect(path.basename(file)).toBe('Team people.csv');
    expect(fs.readFileSync(file, 'utf8')).toBe('Name,Role\nAmy,FSW\n');
    expect(file.startsWith(parent)).toBe(true);
    if (process.platform !== 'win32') {
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.statSync(store.root).mode & 0o777).toBe(0o700);
    }
    store.release(up.upload);
    expect(fs.existsSync(file)).toBe(false);
    expect(filesUnder(parent)).toEqual([]);
  });

  it('refuses a type the import does not read, and a file declared over the reader’s limit, before reading a byte', async () => {
    const { parent, store } = transfers();
    const pdf = await refusal(() => store.receive('people', 'people.pdf', unreadable));
    expect(pdf.message).toBe('people.pdf is not an .xlsx or .csv file. Choose an .xlsx or .csv file.');
    const big = await refusal(() => store.receive('people', 'people.xlsx', unreadable, UPLOAD_LIMITS.people + 1));
    expect(big.message).toBe('people.xlsx is larger than 20 MB (the limit is 20 MB). Nothing was changed.');
    expect(filesUnder(parent)).toEqual([]);
  });

  it('stops a file that grows past the limit as it streams, and keeps nothing of it', async () => {
    const { parent, store } = transfers();
    let read = 0;
    async function* endless(): AsyncGenerator<Uint8Array> {
      for (;;) {
        read += MB;
        yield Buffer.alloc(MB, 0x41);
      }
    }
    const error = await refusal(() => store.receive('termDates', 'terms.ics', endless()));
    expect(error.message).toBe('terms.ics is larger than 2 MB (the limit is 2 MB). Nothing was changed.');
    expect(read).toBe(3 * MB);
    expect(filesUnder(parent)).toEqual([]);
    expect(store.held.uploads).toBe(0);
  });

  it('refuses an empty file, and takes nothing while no database is open', async () => {
    const { store } = transfers();
    expect((await refusal(() => store.receive('gias', 'edubase.csv', chunks()))).message).toBe('edubase.csv is empty.');
    const closed = new FileTransfers({ parent: tempDir(), accepting: () => false });
    expect((await refusal(() => closed.receive('gias', 'edubase.csv', unreadable))).code).toBe('no_open_database');
  });

  it('holds one file per import: choosing another replaces the first, and an id serves only its own import', async () => {
    const { parent, store } = transfers();
    const first = await store.receive('people', 'old.csv', chunks('a'));
    const second = await store.receive('people', 'new.csv', chunks('b'));
    const gias = await store.receive('gias', 'edubase.csv', chunks('c'));
    expect((await refusal(async () => store.resolve(first.upload, 'people'))).message).toMatch(/no longer held .* Choose it again/);
    expect((await refusal(async () => store.resolve(gias.upload, 'people'))).code).toBe('invalid_input');
    expect(path.basename(store.resolve(second.upload, 'people'))).toBe('new.csv');
    expect(filesUnder(parent).map((f) => path.basename(f)).sort()).toEqual(['edubase.csv', 'new.csv']);
  });

  it('forgets an upload after an hour, and everything when cleared', async () => {
    let now = 0;
    const { parent, store } = transfers(() => now);
    const up = await store.receive('bankHolidays', 'bank-holidays.json', chunks('{}'));
    now = 59 * 60_000;
    expect(fs.existsSync(store.resolve(up.upload, 'bankHolidays'))).toBe(true);
    now = 61 * 60_000;
    expect((await refusal(async () => store.resolve(up.upload, 'bankHolidays'))).code).toBe('invalid_input');
    await store.receive('template', 'letterhead.docx', chunks('PK'));
    store.clear();
    expect(fs.readdirSync(parent)).toEqual([]);
  });

  it('makes a browser’s file name safe: no folders, no reserved characters, not too long, extension kept', () => {
    expect(safeUploadName('C:\\fakepath\\people.csv')).toBe('people.csv');
    expect(safeUploadName('../../etc/passwd')).toBe('passwd');
    expect(safeUploadName('a<b>:"c|?*.xlsx')).toBe('a-b---c---.xlsx');
    expect(safeUploadName('\u202Exslx.exe')).toBe('xslx.exe');
    const long = safeUploadName(`${'x'.repeat(300)}.xlsx`);
    expect(long).toHaveLength(120);
    expect(long.endsWith('.xlsx')).toBe(true);
  });

  it('removes the folder a killed LinkDesk left behind, and never one in use', () => {
    const parent = tempDir();
    const deadPid = 2 ** 22 + 12345; // above Linux's pid_max: no such process
    fs.mkdirSync(path.join(parent, `linkdesk-transfers-${deadPid}-abc123`));
    fs.writeFileSync(path.join(parent, `linkdesk-transfers-${deadPid}-abc123`, 'people.csv'), 'left behind');
    fs.mkdirSync(path.join(parent, `linkdesk-transfers-${process.pid}-live`));
    fs.mkdirSync(path.join(parent, 'someone-else'));
    expect(sweepLeftovers(parent)).toBe(1);
    expect(fs.readdirSync(parent).sort()).toEqual([`linkdesk-transfers-${process.pid}-live`, 'someone-else']);
  });
});

describe('downloads of exports', () => {
  it('are given once, then deleted; an unfetched one goes after ten minutes', async () => {
    let now = 0;
    const { parent, store } = transfers(() => now);
    const target = store.downloadPath('SPOC contact list 2026-09-01.xlsx');
    fs.writeFileSync(target.path, 'PK workbook');
    const ticket = target.offer();
    expect(ticket).toMatchObject({ name: 'SPOC contact list 2026-09-01.xlsx', bytes: 11 });
    const taken = store.take(ticket.id);
    expect(taken && fs.readFileSync(taken.path, 'utf8')).toBe('PK workbook');
    expect(store.take(ticket.id)).toBeNull();
    taken?.done();
    expect(filesUnder(parent)).toEqual([]);

    const late = store.downloadPath('calendar.ics');
    fs.writeFileSync(late.path, 'BEGIN:VCALENDAR');
    const lateTicket = late.offer();
    now = 11 * 60_000;
    expect(store.take(lateTicket.id)).toBeNull();
    expect(filesUnder(parent)).toEqual([]);
  });
});

describe('imports from an upload, through the API', () => {
  it('previews and imports people from the uploaded copy, which goes once imported; a database lock empties the folder', async () => {
    const session = aSession();
    const dispatch = createDispatcher(session);
    expect((await dispatch('db.create', { path: path.join(tempDir(), 't.linkdesk'), teamName: 'North Hub', localAuthority: 'Seashire', passphrase: PASSPHRASE, userName: 'Tess' })).ok).toBe(true);
    const csv = 'Name,Role,Email,Active from\nAmy Worker,FSW,amy@council.example.gov.uk,01/09/2025\nBen,Chef,ben@council.example.gov.uk,2025-09-01\n';
    const up = await session.transfers.receive('people', 'people.csv', chunks(csv));
    const preview = await dispatch('people.importFile', { upload: up.upload, dryRun: true });
    expect(preview).toMatchObject({ ok: true, value: { counts: { added: 1, refused: 1 }, rejected: [{ row: 3, field: 'Role' }], file: { name: 'people.csv' } } });
    const held = await dispatch('people.importFile', { upload: up.upload, dryRun: false });
    expect(held).toMatchObject({ ok: true, value: { applied: 0 } });
    const seen = preview.ok ? (preview.value as RowsImportResult).file : null;
    const expected = seen ? { bytes: seen.bytes, modifiedAt: seen.modifiedAt } : undefined;
    const imported = await dispatch('people.importFile', { upload: up.upload, dryRun: false, applyGoodRows: true, expected });
    expect(imported).toMatchObject({ ok: true, value: { applied: 1 } });
    expect(session.transfers.held.uploads).toBe(0);
    expect(await dispatch('people.importFile', { upload: up.upload, dryRun: true })).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { issues: [{ path: 'path' }] } } });

    await session.transfers.receive('connections', 'connections.csv', chunks('x'));
    const root = session.transfers.root;
    await dispatch('db.lock', {});
    expect(fs.existsSync(root)).toBe(false);
  });

  it('offers the SPOC list as a download, recorded in the documents made by its name alone', async () => {
    const session = aSession(() => new Date('2026-11-24T10:00:00Z'));
    const dispatch = createDispatcher(session);
    await dispatch('db.create', { path: path.join(tempDir(), 't.linkdesk'), teamName: 'North Hub', localAuthority: 'Seashire', passphrase: PASSPHRASE, userName: 'Tess' });
    const answer = await dispatch('documents.exportSpocList', { validFrom: '2026-11-24', download: true });
    expect(answer).toMatchObject({ ok: true, value: { path: 'SPOC contact list 2026-11-24.xlsx', rows: 0, download: { name: 'SPOC contact list 2026-11-24.xlsx' } } });
    const ticket = answer.ok ? (answer.value as { download: { id: string } }).download : null;
    const taken = ticket ? session.transfers.take(ticket.id) : null;
    expect(taken && fs.readFileSync(taken.path).subarray(0, 2).toString()).toBe('PK');
    const docs = await dispatch('documents.list', {});
    expect(docs).toMatchObject({ ok: true, value: { rows: [{ kind: 'spoc_list', path: 'SPOC contact list 2026-11-24.xlsx' }] } });
    const id = docs.ok ? (docs.value as { rows: { id: string }[] }).rows[0]?.id : undefined;
    expect(await dispatch('documents.open', { id })).toMatchObject({ ok: false, error: { code: 'file_not_found', message: expect.stringMatching(/downloaded through the browser/) } });
  });
});
