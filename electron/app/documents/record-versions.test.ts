import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CreateRecordInput } from '../../../shared/domain/documents.ts';
import { createDemoDatabase } from '../demo/demo.ts';
import { visitRecordVersions } from '../records/service.ts';
import { PASSPHRASE, tempDir } from '../testing/builders.ts';
import { updateSettings } from '../team/service.ts';
import { selectVisit } from '../visits/repo.ts';
import { docxTables, docxText } from './docx-template.ts';
import { selectProducible } from './repo.ts';
import { createMeetingRecord } from './word-records.ts';
import { versionLabel } from '../../../shared/domain/records.ts';

function demo() {
  const db = createDemoDatabase(path.join(tempDir(), 'demo.linkdesk'), PASSPHRASE, 'Tess Manager', () => new Date('2026-11-24T10:00:00Z'));
  updateSettings(db.writeContext, { teamFolder: tempDir() });
  return db;
}

describe('the Word record of a visit names its version, who held it and the next visit', () => {
  it('makes the demo’s twice-written record as version 2, with the next visit agreed in it and the worker who held the visit', () => {
    const db = demo();
    const rewritten = selectProducible(db.db).find((p) => p.kind === 'visit' && visitRecordVersions(db.db, p.id).length === 2);
    if (!rewritten) throw new Error('the demo has a visit record written twice');
    const visit = selectVisit(db.db, rewritten.id);
    expect(visit?.heldByName).toBeTruthy();

    const doc = createMeetingRecord(db.writeContext, CreateRecordInput.parse({ kind: 'visit', id: rewritten.id }));
    const bytes = fs.readFileSync(doc.path);
    const details = docxTables(bytes)[0] ?? [];
    const row = (label: string) => details.find((r) => r[0] === label)?.[1];
    expect(row('Record version')).toBe('Version 2, 15 Oct 2026');
    expect(row('Next visit')).toBe('1 February 2027');
    expect(row('Held by')).toBe(visit?.heldByName);
    const text = docxText(bytes);
    expect(text).toContain('Refer to the Inclusion Partnership; the DSL to send the attendance record first');
    expect(text).not.toMatch(/Held without a pro forma/);
  });

  it('says "To be agreed" when the record names no next visit, and version 1 of a record written once', () => {
    const db = demo();
    const once = selectProducible(db.db).find((p) => p.kind === 'visit' && visitRecordVersions(db.db, p.id).length === 1);
    if (!once) throw new Error('the demo has a visit record written once');
    const bytes = fs.readFileSync(createMeetingRecord(db.writeContext, CreateRecordInput.parse({ kind: 'visit', id: once.id })).path);
    const details = docxTables(bytes)[0] ?? [];
    expect(details.find((r) => r[0] === 'Next visit')?.[1]).toBe('To be agreed');
    const [written] = visitRecordVersions(db.db, once.id);
    if (!written) throw new Error('the record has its version');
    expect(details.find((r) => r[0] === 'Record version')?.[1]).toBe(versionLabel(written));
    expect(versionLabel(written)).toMatch(/^Version 1, \d{1,2} [A-Z][a-z]{2} 2026$/);
  });
});
