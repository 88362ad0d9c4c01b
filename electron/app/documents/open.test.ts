import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CreateRecordInput } from '../../../shared/domain/documents.ts';
import { createDemoDatabase } from '../demo/demo.ts';
import { asyncRefusalOf, PASSPHRASE, tempDir } from '../testing/builders.ts';
import { updateSettings } from '../team/service.ts';
import { selectProducible } from './repo.ts';
import { openDocument } from './service.ts';
import { createMeetingRecord } from './word-records.ts';

/** Word cannot run in a test: the opener only notes what LinkDesk asked it to open. */
function recordingOpener() {
  const opened: string[] = [];
  return { opened, open: async (file: string) => void opened.push(file) };
}

function aRecord() {
  const db = createDemoDatabase(path.join(tempDir(), 'demo.linkdesk'), PASSPHRASE, 'Tess Manager', () => new Date('2026-11-24T10:00:00Z'));
  updateSettings(db.writeContext, { teamFolder: tempDir() });
  const visit = selectProducible(db.db).find((p) => p.kind === 'visit');
  if (!visit) throw new Error('the demo has a visit record');
  return { db, doc: createMeetingRecord(db.writeContext, CreateRecordInput.parse({ kind: 'visit', id: visit.id })) };
}

describe('opening a document LinkDesk made', () => {
  it('opens the file while it still has the sha256 recorded when it was made', async () => {
    const { db, doc } = aRecord();
    const opener = recordingOpener();
    expect(await openDocument(db.db, doc.id, opener.open)).toEqual({ opened: true });
    expect(opener.opened).toEqual([doc.path]);
  });

  it('refuses a file changed since, or swapped for a link, saying so and opening nothing', async () => {
    const { db, doc } = aRecord();
    const opener = recordingOpener();
    const original = fs.readFileSync(doc.path);
    fs.writeFileSync(doc.path, Buffer.concat([original, Buffer.from('appended')]));
    const changed = await asyncRefusalOf(() => openDocument(db.db, doc.id, opener.open));
    expect(changed.code).toBe('file_changed');
    expect(changed.message).toContain(`${doc.path} has been changed since LinkDesk made it`);
    expect(changed.message).toContain('so LinkDesk will not open it');

    // The same bytes, but behind a symbolic link to a file elsewhere: not the file LinkDesk wrote.
    const elsewhere = path.join(tempDir(), 'elsewhere.docx');
    fs.writeFileSync(elsewhere, original);
    fs.rmSync(doc.path);
    fs.symlinkSync(elsewhere, doc.path);
    expect((await asyncRefusalOf(() => openDocument(db.db, doc.id, opener.open))).code).toBe('file_changed');

    fs.rmSync(doc.path);
    expect((await asyncRefusalOf(() => openDocument(db.db, doc.id, opener.open))).message).toContain('is no longer there');
    expect(opener.opened).toEqual([]);
  });
});
