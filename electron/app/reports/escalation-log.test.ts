import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { allowedPaths } from '../../../shared/domain/documents.ts';
import { CorrectEscalationInput, RaiseEscalationInput, type RaiseEscalationInput as RaiseInput } from '../../../shared/domain/escalations.ts';
import { londonInstant } from '../../../shared/domain/london-time.ts';
import { EscalationLogQuery } from '../../../shared/domain/reports.ts';
import { TeamHeldFields } from '../../../shared/domain/schools.ts';
import { docxTables, docxText, inspectTemplate } from '../documents/docx-template.ts';
import { defaultTemplate } from '../documents/templates.ts';
import { correctEscalation, raiseEscalation } from '../escalations/service.ts';
import { updateSchoolTeamFields } from '../schools/service.ts';
import { aTeamDatabase } from '../testing/builders.ts';
import { aSchool } from '../testing/people-builders.ts';
import { buildEscalationLog } from './escalation-log.ts';

const clock = londonInstant('2026-11-01T10:00');
const now = () => clock;
const hub = (hubName: string) => TeamHeldFields.parse({ hub: hubName, dslName: '', dslEmail: '', mainContact: '', notes: '' });

const concern = (over: Partial<RaiseInput>): RaiseInput => ({
  raisedAt: '2026-10-05T09:15', raisedBy: 'DSL', urn: '100601', children: [{ initials: 'QX', yearGroup: '4' }], concern: 'child_protection', summary: 'Summary of the concern.', ...over,
});

/**
 * Four escalations in North, one in South: told in time; told late with its reason; told in time
 * and then corrected to a later time (so late); never told; and one before the period.
 */
function setUp() {
  const db = aTeamDatabase({ now });
  aSchool(db, { urn: '100601', name: 'Northgate Primary' });
  aSchool(db, { urn: '100602', name: 'Southbay Academy' });
  updateSchoolTeamFields(db.writeContext, '100601', hub('North'));
  updateSchoolTeamFields(db.writeContext, '100602', hub('South'));
  const raise = (over: Partial<RaiseInput>) => raiseEscalation(db.writeContext, RaiseEscalationInput.parse(concern(over)));
  raise({ raisedAt: '2026-09-10T11:00', managerInformedAt: '2026-09-10T12:00', managerInformed: 'Grace Bello', summary: 'In time summary' });
  raise({ raisedAt: '2026-10-01T09:00', managerInformedAt: '2026-10-02T11:30', managerInformed: 'Grace Bello', lateReasonKind: 'manager_unavailable', lateReason: 'Both managers on leave' });
  const corrected = raise({ raisedAt: '2026-10-12T08:00', managerInformedAt: '2026-10-12T10:00', managerInformed: 'Grace Bello' });
  correctEscalation(db.writeContext, CorrectEscalationInput.parse({
    ...concern({ raisedAt: '2026-10-12T08:00' }), managerInformedAt: '2026-10-13T09:00', managerInformed: 'Grace Bello', lateReasonKind: 'other', lateReason: 'Told the next morning, not the same day', corrects: corrected.current.id, changeNote: 'Time told was wrong',
  }));
  raise({ raisedAt: '2026-10-20T15:00', concern: 'neglect' });
  raise({ raisedAt: '2026-08-20T15:00' });
  raise({ raisedAt: '2026-10-21T10:00', urn: '100602' });
  return db;
}

const query = (over: Record<string, unknown> = {}) => EscalationLogQuery.parse({ from: '2026-09-01', to: '2026-10-31', ...over });

describe('the printable escalation log', () => {
  it('the template uses every placeholder it fills and no other', () => {
    const check = inspectTemplate(defaultTemplate('escalation_log').content, 'escalation_log', 'escalation-log.docx');
    expect(check.unknown).toEqual([]);
    expect(check.missing).toEqual([]);
    expect(new Set(check.placeholders)).toEqual(allowedPaths('escalation_log'));
  });

  it('gives the 24-hour figures of the period and the hub, the late ones with their reasons, a correction that made one late counted late', () => {
    const db = setUp();
    const { bytes, escalations } = buildEscalationLog(db.db, query({ hub: 'North' }), now());
    expect(escalations).toBe(4);
    const [details, figures, late] = docxTables(bytes);
    expect(details).toEqual([['Raised between', '1 Sep 2026 to 31 Oct 2026'], ['Hub', 'North']]);
    expect(figures).toEqual([['Raised', 'Manager told within 24 hours', 'Told late', 'Not yet told', 'Still open'], ['4', '1', '2', '1', '4']]);
    expect(late?.slice(1).map((r) => r.slice(1))).toEqual([
      ['Northgate Primary', '26 h 30 min', 'No manager was available: Both managers on leave'],
      ['Northgate Primary', '25 h', 'Another reason: Told the next morning, not the same day'],
    ]);
    const everywhere = buildEscalationLog(db.db, query(), now());
    expect(everywhere.escalations).toBe(5);
    expect(docxTables(everywhere.bytes)[0]?.[1]).toEqual(['Hub', 'All hubs']);
  });

  it('prints every entry of each escalation, the correction after the entry it corrects with what changed and why', () => {
    const db = setUp();
    const { bytes } = buildEscalationLog(db.db, query({ hub: 'North' }), now());
    const text = docxText(bytes);
    expect(text.match(/^\d\. Northgate Primary: .*$/gm)?.map((h) => h.replace(/ \(ref\. \w+\)$/, ''))).toEqual([
      '1. Northgate Primary: Child protection, raised 10 Sep 2026, 11:00',
      '2. Northgate Primary: Child protection, raised 1 Oct 2026, 09:00',
      '3. Northgate Primary: Child protection, raised 12 Oct 2026, 08:00',
      '4. Northgate Primary: Neglect, raised 20 Oct 2026, 15:00',
    ]);
    expect(text).toContain('Manager told late: told 25 h after the concern was raised.');
    expect(text).toContain('Overdue: manager not told within 24 hours (due by 21 Oct 2026, 15:00).');
    expect(text).toMatch(/Entry 2, correcting entry 1: recorded by .* on /);
    const tables = docxTables(bytes);
    const correction = tables.find((t) => t[0]?.[0] === 'Why it changed');
    expect(correction).toContainEqual(['Why it changed', 'Time told was wrong']);
    expect(correction).toContainEqual(['Manager told at (changed)', '13 Oct 2026, 09:00']);
    expect(correction).toContainEqual(['Raised at', '12 Oct 2026, 08:00']);
    expect(correction).toContainEqual(['Why the manager was told late (changed)', 'Another reason']);
    // What the log holds, as it holds it: the children by reference and the summary.
    expect(tables.flat()).toContainEqual(['Children', 'QX Y4']);
    expect(tables.flat()).toContainEqual(['Summary', 'In time summary']);
  });

  it('is marked OFFICIAL-SENSITIVE in its header and footer', () => {
    const db = setUp();
    const zip = new PizZip(buildEscalationLog(db.db, query(), now()).bytes);
    const marks = Object.keys(zip.files).filter((n) => /^word\/(header|footer)\d*\.xml$/.test(n)).map((n) => zip.file(n)?.asText() ?? '').join('').match(/>OFFICIAL-SENSITIVE</g);
    expect(marks?.length).toBe(2);
  });

  it('an empty period prints the figures as none and no escalation', () => {
    const db = setUp();
    const { bytes, escalations } = buildEscalationLog(db.db, query({ from: '2027-01-01', to: '2027-01-31' }), now());
    expect(escalations).toBe(0);
    expect(docxTables(bytes)[1]?.[1]).toEqual(['0', '0', '0', '0', '0']);
  });
});
