import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CreateRecordInput } from '../../../shared/domain/documents.ts';
import { UpdateConsultationInput, VisitRecordInput, type VisitRecord } from '../../../shared/domain/records.ts';
import { loadForenames } from '../../../shared/domain/child-names.ts';
import { createDemoDatabase } from '../demo/demo.ts';
import { selectConsultation, selectVisitRecord } from '../records/repo.ts';
import { updateConsultation, writeVisitRecord } from '../records/service.ts';
import { PASSPHRASE, refusalOf, tempDir } from '../testing/builders.ts';
import { updateSettings } from '../team/service.ts';
import { selectProducible } from './repo.ts';
import { generatedDocuments } from './service.ts';
import { createMeetingRecord } from './word-records.ts';

function demo() {
  const db = createDemoDatabase(path.join(tempDir(), 'demo.linkdesk'), PASSPHRASE, 'Tess Manager', () => new Date('2026-11-24T10:00:00Z'));
  const teamFolder = tempDir();
  updateSettings(db.writeContext, { teamFolder });
  return { db, teamFolder };
}

/** A stored child review as the form sends it back: absent answers are empty, not null. */
const asInput = (c: VisitRecord['children'][number], initials = c.child.initials) => ({
  child: { initials, yearGroup: c.child.yearGroup, caseId: c.child.caseId ?? '' }, category: c.category, attendancePercent: c.attendancePercent,
  statutoryIntervention: c.statutoryIntervention, earlyHelpReferral: c.earlyHelpReferral, action: c.action ?? '', who: c.who ?? '', byWhen: c.byWhen ?? '',
});

const filesIn = (folder: string): string[] => fs.readdirSync(folder, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name);

describe('a Word record waits for every possible child’s name to be corrected or confirmed', () => {
  it('refuses "Jack Brown" as initials, writing no file, until confirmed as initials or corrected', async () => {
    const { db, teamFolder } = demo();
    const names = await loadForenames();
    const visit = selectProducible(db.db).find((p) => p.kind === 'visit');
    const saved = visit && selectVisitRecord(db.db, visit.id);
    if (!visit || !saved) throw new Error('the demo has a visit record');
    const base = { ...saved, visitId: visit.id, children: saved.children.map((c, i) => asInput(c, i === 0 ? 'Jack Brown' : undefined)) };
    const input = (extra: Partial<VisitRecordInput>) =>
      VisitRecordInput.parse({
        visitId: base.visitId, schoolAttendees: base.schoolAttendees, teamAttendees: base.teamAttendees, exclusionThresholdDays: base.exclusionThresholdDays, children: base.children,
        managedMovesInternal: base.managedMovesInternal, managedMovesExternal: base.managedMovesExternal, otherIssues: base.otherIssues ?? '', ...extra,
      });
    const before = filesIn(teamFolder);
    const made = () => generatedDocuments(db.db, { sourceId: visit.id }).length;
    const madeBefore = made();

    const { warnings } = writeVisitRecord(db.writeContext, input({}), names);
    expect(warnings.join(' ')).toMatch(/no Word record can be made: Child 1: initials: “Jack Brown” looks like a name/);
    const make = () => createMeetingRecord(db.writeContext, CreateRecordInput.parse({ kind: 'visit', id: visit.id }));
    const refused = refusalOf(make);
    expect(refused.code).toBe('invalid_input');
    expect(refused.message).toMatch(/^The Word record was not made: the visit record may name a child\. .*Child 1: initials: “Jack Brown”/);
    expect(filesIn(teamFolder)).toEqual(before);
    expect(made()).toBe(madeBefore);

    writeVisitRecord(db.writeContext, input({ confirmedNotNames: ['Jack Brown'] }), names);
    expect(path.basename(make().path)).toMatch(/SPOC visit\.docx$/);

    writeVisitRecord(db.writeContext, input({ children: saved.children.map((c, i) => asInput(c, i === 0 ? 'JB' : undefined)) }), names);
    expect(make().path).toMatch(/\.docx$/);
    expect(made()).toBe(madeBefore + 2);
  });

  it('refuses a consultation whose notes name a child, and lists the field', () => {
    const { db } = demo();
    const producible = selectProducible(db.db).find((p) => p.kind === 'consultation');
    const c = producible && selectConsultation(db.db, producible.id);
    if (!c) throw new Error('the demo has a consultation');
    const children = c.children.map((child) => ({ ...child, caseId: child.caseId ?? '' }));
    const fields = { id: c.id, urn: c.urn, date: c.date, requestedBy: c.requestedBy, attendees: c.attendees, children, actions: c.actions, notesSharedOn: c.notesSharedOn ?? '' };
    updateConsultation(db.writeContext, UpdateConsultationInput.parse({ ...fields, notes: { ...c.notes, neglect: 'Noah Patel arrives hungry most days.' } }));
    const refused = refusalOf(() => createMeetingRecord(db.writeContext, CreateRecordInput.parse({ kind: 'consultation', id: c.id })));
    expect(refused.message).toContain('Notes: Neglect: “Noah Patel” may be a child’s name');
  });
});
