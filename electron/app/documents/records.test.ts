import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CreateRecordInput } from '../../../shared/domain/documents.ts';
import { createDemoDatabase } from '../demo/demo.ts';
import { selectVisitRecord } from '../records/repo.ts';
import { PASSPHRASE, tempDir, refusalOf } from '../testing/builders.ts';
import { pdfOf, pdfPages, pdfText } from '../testing/office.ts';
import { updateSettings } from '../team/service.ts';
import { docxTables, docxText } from './docx-template.ts';
import { selectProducible } from './repo.ts';
import { generatedDocuments } from './service.ts';
import { createMeetingRecord } from './word-records.ts';

function demo() {
  const db = createDemoDatabase(path.join(tempDir(), 'demo.linkdesk'), PASSPHRASE, 'Tess Manager', () => new Date('2026-11-24T10:00:00Z'));
  const teamFolder = tempDir();
  updateSettings(db.writeContext, { teamFolder });
  return { db, teamFolder };
}

const refusal = refusalOf;

describe('a meeting record', () => {
  it('is made from a visit record into the school’s folder, with every field, its tables, the marking and page numbers', () => {
    const { db, teamFolder } = demo();
    const visit = selectProducible(db.db).find((p) => p.kind === 'visit' && (selectVisitRecord(db.db, p.id)?.children.length ?? 0) >= 2);
    if (!visit) throw new Error('the demo has a visit record with two children');
    const record = selectVisitRecord(db.db, visit.id);
    const doc = createMeetingRecord(db.writeContext, CreateRecordInput.parse({ kind: 'visit', id: visit.id }));

    expect(doc.path).toBe(path.join(teamFolder, `${visit.school} (${visit.urn})`, 'Meeting records', `${visit.date} SPOC visit.docx`));
    expect(fs.existsSync(path.join(teamFolder, `${visit.school} (${visit.urn})`, 'Emails and correspondence'))).toBe(true);
    const bytes = fs.readFileSync(doc.path);
    expect(doc.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(generatedDocuments(db.db, { sourceId: visit.id })).toEqual([doc]);

    const text = docxText(bytes);
    for (const expected of ['OFFICIAL-SENSITIVE', 'North Hub Dedicated Schools Team', 'Northshire County Council', visit.school, `URN ${visit.urn}`, record?.schoolAttendees ?? '', record?.writtenBy ?? '']) {
      expect(text).toContain(expected);
    }
    expect(text).not.toMatch(/\{[#/]?[a-zA-Z]+\}/);
    const [, childrenTable, actionsTable] = docxTables(bytes);
    const children = record?.children ?? [];
    expect(childrenTable?.length).toBe(children.length + 1);
    expect(childrenTable?.slice(1).map((r) => r.slice(0, 2))).toEqual(children.map((c) => [c.child.initials, c.child.yearGroup]));
    expect(actionsTable?.length).toBe(children.filter((c) => c.action).length + 1);
    // Suspensions by their name since 2022, and each child's attendance with the DfE measure it meets.
    expect(text).toContain(`Suspension threshold used: ${record?.exclusionThresholdDays ?? ''} school days.`);
    expect(text).not.toMatch(/fixed.term/i);
    expect(childrenTable?.find((r) => r[0] === 'JB')?.[3]).toBe(
      'Persistently absent: among the school’s top 10% of persistently absent pupils. Attendance 84.5%: persistently absent (missing 10% or more of possible sessions)',
    );
    expect(childrenTable?.find((r) => r[0] === 'MR')?.[3]).toBe('Suspensions at or above the threshold (last three terms). Attendance 46%: severely absent (missing 50% or more of possible sessions)');
  });

  it('opens in LibreOffice and prints with the marking and page numbers', async () => {
    const { db } = demo();
    const consultation = selectProducible(db.db).find((p) => p.kind === 'consultation');
    if (!consultation) throw new Error('the demo has a consultation');
    const doc = createMeetingRecord(db.writeContext, CreateRecordInput.parse({ kind: 'consultation', id: consultation.id }));
    expect(path.basename(doc.path)).toBe(`${consultation.date} Early Help Consultation.docx`);
    const pdf = await pdfOf(doc.path);
    const text = pdfText(pdf);
    expect(text).toContain('Early Help Consultation record');
    expect(text).toContain('OFFICIAL-SENSITIVE');
    expect(text).toContain(consultation.school);
    expect(text).toContain('Persistent absence rising in Year 9');
    expect(text).toMatch(/Page 1 of \d/);
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(1);
  });

  it('never overwrites: a second record of the same meeting gets a suffix, and the first is untouched', () => {
    const { db } = demo();
    const visit = selectProducible(db.db).find((p) => p.kind === 'visit');
    if (!visit) throw new Error('the demo has a visit record');
    const first = createMeetingRecord(db.writeContext, CreateRecordInput.parse({ kind: 'visit', id: visit.id }));
    const before = fs.readFileSync(first.path);
    const second = createMeetingRecord(db.writeContext, CreateRecordInput.parse({ kind: 'visit', id: visit.id }));
    expect(second.path).toBe(first.path.replace(/\.docx$/, ' (2).docx'));
    expect(fs.readFileSync(first.path).equals(before)).toBe(true);
    expect(fs.readdirSync(path.dirname(first.path)).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('goes into the folder the team already has for the school (found by its URN), whatever it is called', () => {
    const { db, teamFolder } = demo();
    const visit = selectProducible(db.db).find((p) => p.kind === 'visit');
    if (!visit) throw new Error('the demo has a visit record');
    fs.mkdirSync(path.join(teamFolder, `Ashby Juniors (old name) (${visit.urn})`));
    const doc = createMeetingRecord(db.writeContext, CreateRecordInput.parse({ kind: 'visit', id: visit.id }));
    expect(doc.path).toBe(path.join(teamFolder, `Ashby Juniors (old name) (${visit.urn})`, 'Meeting records', `${visit.date} SPOC visit.docx`));
  });

  it('says so when the team folder is not set, is missing, or cannot hold folders, and writes nothing', () => {
    const { db, teamFolder } = demo();
    const visit = selectProducible(db.db).find((p) => p.kind === 'visit');
    if (!visit) throw new Error('the demo has a visit record');
    const make = () => createMeetingRecord(db.writeContext, CreateRecordInput.parse({ kind: 'visit', id: visit.id }));
    const before = generatedDocuments(db.db, {});
    fs.rmSync(teamFolder, { recursive: true });
    expect(refusal(make)).toMatchObject({ code: 'file_not_found', message: expect.stringContaining('is the shared drive connected?') });
    fs.writeFileSync(teamFolder, 'a file where the folder was');
    expect(refusal(make).code).toBe('read_only_location');
    expect(refusal(() => updateSettings(db.writeContext, { teamFolder: path.join(teamFolder, 'nowhere') })).message).toContain('does not exist');
    expect(generatedDocuments(db.db, {})).toEqual(before);
  });
});
