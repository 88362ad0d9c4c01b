import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import type { VisitRecord } from '../../../shared/domain/records.ts';
import { createDispatcher } from '../dispatcher.ts';
import { aSession, tempDir } from '../testing/builders.ts';
import { docxText } from '../documents/docx-template.ts';

/** Words no report may hold: a child's reference, a school contact's name, summaries and notes. */
const SECRETS = {
  initials: 'QZXV',
  caseId: 'CASE77421',
  schoolStaff: 'QUILLFEATHER Harriet',
  recordNote: 'RECORDNOTE drifted home early',
  contactSummary: 'CONTACTSUMMARY phoned about a sibling',
  followUp: 'FOLLOWUPNOTE ring back',
  escalationSummary: 'ESCALATIONSUMMARY bruise seen at drop-off',
  advice: 'ADVICENOTE refer to IFD',
  lateReason: 'LATEREASON manager on a course',
};

/** The demo on 24 Nov 2026, with a visit record, a contact and an escalation full of those words. */
async function demoWithSecrets() {
  const session = aSession(() => new Date('2026-11-24T10:00:00Z'));
  const dispatch = createDispatcher(session);
  const value = async <T>(method: string, input: object) => {
    const result = await dispatch(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
  await value('db.openDemo', { userName: 'Dee Demo' });
  const db = session.database.db;
  const visitId = (db.prepare("SELECT r.visit_id FROM visit_record r JOIN visit v ON v.id = r.visit_id WHERE v.year_label = '2026-27' AND v.term = 'autumn' LIMIT 1").pluck().get() as string | undefined) ?? '';
  const record = await value<VisitRecord>('records.visitGet', { visitId });
  const [first, ...others] = record.children;
  await value('records.visitWrite', {
    visitId,
    schoolAttendees: `${SECRETS.schoolStaff} (DSL)`,
    teamAttendees: record.teamAttendees,
    exclusionThresholdDays: record.exclusionThresholdDays,
    children: [
      ...(first ? [{ ...first, child: { initials: SECRETS.initials, yearGroup: first.child.yearGroup, caseId: SECRETS.caseId }, action: SECRETS.recordNote, who: null, byWhen: null }] : []),
      ...others,
    ].map(({ child, category, statutoryIntervention, earlyHelpReferral, action, who, byWhen }) => ({
      child: { initials: child.initials, yearGroup: child.yearGroup, ...(child.caseId ? { caseId: child.caseId } : {}) },
      category, statutoryIntervention, earlyHelpReferral, ...(action ? { action } : {}), ...(who ? { who } : {}), ...(byWhen ? { byWhen } : {}),
    })),
    managedMovesInternal: 0,
    managedMovesExternal: 0,
    otherIssues: SECRETS.recordNote,
  });
  const urn = db.prepare('SELECT urn FROM visit WHERE id = ?').pluck().get(visitId) as string;
  const workerId = db.prepare("SELECT id FROM person WHERE active_to IS NULL LIMIT 1").pluck().get() as string;
  await value('contacts.log', { urn, at: '2026-11-03T10:00', workerId, withWhom: SECRETS.schoolStaff, direction: 'from_school', channel: 'phone', summary: SECRETS.contactSummary, followUp: SECRETS.followUp });
  await value('escalations.raise', {
    raisedAt: '2026-11-02T09:00', raisedBy: SECRETS.schoolStaff, urn, children: [{ initials: SECRETS.initials, yearGroup: '5', caseId: SECRETS.caseId }], concern: 'neglect',
    summary: SECRETS.escalationSummary, advice: SECRETS.advice, managerInformedAt: '2026-11-03T12:00', managerInformed: 'Grace Bello', lateReasonKind: 'manager_unavailable', lateReason: SECRETS.lateReason,
  });
  return { session, dispatch, value };
}

/** Every part of a .docx or .xlsx package, as text: the XML, relationships and properties. */
function everyPart(file: string): string {
  const zip = new PizZip(fs.readFileSync(file));
  return Object.values(zip.files).filter((f) => !f.dir).map((f) => f.asText()).join('\n');
}

describe('the report exports, from a team database', { timeout: 120_000 }, () => {
  it('in browser mode, offers each file as a download named for its period', async () => {
    const { dispatch, session } = await demoWithSecrets();
    const cases: [string, object, string][] = [
      ['reports.exportWord', { year: '2026-27', term: 'autumn', share: true }, 'Report 2026-27 Autumn term (shared).docx'],
      ['reports.exportExcel', { year: '2026-27' }, 'Report 2026-27.xlsx'],
      ['reports.exportEscalationLog', { from: '2026-09-01', to: '2026-11-24' }, 'Escalation log 2026-09-01 to 2026-11-24.docx'],
    ];
    for (const [method, input, name] of cases) {
      const answer = await dispatch(method, { ...input, download: true });
      expect(answer, method).toMatchObject({ ok: true, value: { path: name, download: { name } } });
      const ticket = answer.ok ? (answer.value as { download: { id: string } }).download : null;
      const taken = ticket ? session.transfers.take(ticket.id) : null;
      expect(taken && fs.readFileSync(taken.path).subarray(0, 2).toString()).toBe('PK');
    }
  });

  it('no child reference, school contact, summary or note reaches the Word report or the workbook, shared or not', async () => {
    const { value } = await demoWithSecrets();
    const folder = tempDir();
    for (const share of [false, true]) {
      const word = path.join(folder, `report ${share}.docx`);
      const excel = path.join(folder, `report ${share}.xlsx`);
      expect(await value('reports.exportWord', { year: '2026-27', term: 'autumn', share, path: word })).toEqual({ path: word, period: 'Autumn term 2026-27' });
      expect(await value('reports.exportExcel', { year: '2026-27', share, path: excel })).toEqual({ path: excel, period: 'School year 2026-27' });
      // The check is not vacuous: the figures are there.
      expect(docxText(fs.readFileSync(word))).toContain('Escalations raised, by concern');
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(excel);
      expect(book.getWorksheet('Data')?.rowCount).toBeGreaterThan(100);
      for (const file of [word, excel]) {
        const text = everyPart(file);
        for (const [what, secret] of Object.entries(SECRETS)) {
          // The whole text, and its first word alone (a marker no label has), in case it were cut or split.
          for (const piece of [secret, secret.split(' ')[0] ?? secret]) expect(text.includes(piece), `${what} (${piece}) in ${path.basename(file)}`).toBe(false);
        }
      }
    }
  });

  it('the escalation log, for audit inside the team, holds what the log holds: the summary, the late reason', async () => {
    const { value, session } = await demoWithSecrets();
    const file = path.join(tempDir(), 'log.docx');
    const result = await value<{ path: string; escalations: number }>('reports.exportEscalationLog', { from: '2026-11-01', to: '2026-11-30', path: file });
    expect(result.path).toBe(file);
    expect(result.escalations).toBeGreaterThan(0);
    const text = docxText(fs.readFileSync(file));
    expect(text).toContain(SECRETS.escalationSummary);
    expect(text).toContain(SECRETS.lateReason);
    expect(text).toContain('OFFICIAL-SENSITIVE');
    // Who printed it, and of which days, is in the audit log; never what it holds.
    const audit = session.database.db.prepare("SELECT summary FROM audit_log WHERE entity = 'escalation-log'").pluck().all() as string[];
    expect(audit).toEqual([`2026-11-01 to 2026-11-30: ${result.escalations} escalations`]);
  });

  it('refuses to write over a file unless asked, never over the open database, and refuses the wrong extension', async () => {
    const { dispatch, session } = await demoWithSecrets();
    const file = path.join(tempDir(), 'report.docx');
    fs.writeFileSync(file, 'keep me');
    const refused = await dispatch('reports.exportWord', { year: '2026-27', path: file });
    expect(refused).toMatchObject({ ok: false, error: { code: 'file_exists', details: { canReplace: true } } });
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
    expect(await dispatch('reports.exportWord', { year: '2026-27', path: file, replace: true })).toMatchObject({ ok: true });
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    // The open database under another name (a hard link) is still the database.
    const database = session.database.path;
    const before = fs.readFileSync(database);
    const disguised = path.join(path.dirname(database), 'figures.xlsx');
    fs.linkSync(database, disguised);
    const overDatabase = await dispatch('reports.exportExcel', { year: '2026-27', path: disguised, replace: true });
    expect(overDatabase).toMatchObject({ ok: false, error: { code: 'invalid_input', message: `${disguised} is the team database that is open. LinkDesk never writes over it: choose another name.` } });
    expect(fs.readFileSync(database).equals(before)).toBe(true);
    const wrong = await dispatch('reports.exportExcel', { year: '2026-27', path: path.join(tempDir(), 'report.docx') });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { issues: [{ path: 'path', message: 'The file name must end in .xlsx' }] } } });
    const both = await dispatch('reports.exportWord', { year: '2026-27', path: path.join(tempDir(), 'a.docx'), download: true });
    expect(both).toMatchObject({ ok: false, error: { details: { issues: [{ path: 'path', message: 'Save at a path or download the file, not both' }] } } });
    const log = await dispatch('reports.exportEscalationLog', { from: '2026-11-30', to: '2026-11-01', path: path.join(tempDir(), 'log.docx') });
    expect(log).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { issues: [{ path: 'to', message: 'The end date must be on or after the start date' }] } } });
  });
});
