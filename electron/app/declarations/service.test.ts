import { describe, expect, it } from 'vitest';
import { DeclarationMonthInput, RecordDeclarationInput } from '../../../shared/domain/declarations.ts';
import { ConnectionFields } from '../../../shared/domain/people.ts';
import { AllocationProposal } from '../../../shared/domain/allocations.ts';
import { judgeProposals } from '../allocations/service.ts';
import { dashboard } from '../dashboard/service.ts';
import { declareConnection } from '../people/service.ts';
import { updateSettings } from '../team/service.ts';
import { aTeamDatabase } from '../testing/builders.ts';
import { aPerson, aSchool } from '../testing/people-builders.ts';
import { declarationsDue, declarationsOf, recordDeclaration, setDeclarationMonth } from './service.ts';

function aTeamOn(day: string) {
  const clock = { now: new Date(`${day}T10:00:00Z`) };
  const db = aTeamDatabase({ now: () => clock.now });
  return { db, ctx: db.writeContext, setDay: (d: string) => (clock.now = new Date(`${d}T10:00:00Z`)) };
}

const record = (personId: string, declaredOn: string, nothingToDeclare = true) => RecordDeclarationInput.parse({ personId, declaredOn, nothingToDeclare });

describe('annual declarations of connections', () => {
  it('records "nothing to declare" and "as listed", newest first, audited, and refuses a date after today', () => {
    const { db, ctx } = aTeamOn('2026-12-03');
    const amy = aPerson(db, { name: 'Amy Worker', declared: false });
    recordDeclaration(ctx, record(amy.id, '2025-09-10', false));
    recordDeclaration(ctx, record(amy.id, '2026-09-14'));
    const mine = declarationsOf(ctx, amy.id);
    expect(mine.history.map((d) => [d.declaredOn, d.nothingToDeclare, d.recordedBy])).toEqual([['2026-09-14', true, 'Tess Manager'], ['2025-09-10', false, 'Tess Manager']]);
    expect(mine).toMatchObject({ month: null, effectiveMonth: 9, due: false, latest: { declaredOn: '2026-09-14' } });
    expect(db.db.prepare("SELECT action, summary FROM audit_log WHERE entity = 'declaration' ORDER BY id").all()).toEqual([
      { action: 'record', summary: 'Connections as listed' }, { action: 'record', summary: 'Nothing to declare' },
    ]);
    expect(() => recordDeclaration(ctx, record(amy.id, '2026-12-04'))).toThrow(/cannot be dated after today/);
  });

  it('refuses "nothing to declare" from a worker with a connection current on the day', () => {
    const { db, ctx } = aTeamOn('2026-12-03');
    const amy = aPerson(db, { name: 'Amy Worker', declared: false });
    const school = aSchool(db, { name: 'Rhyl Primary School' });
    declareConnection(ctx, ConnectionFields.parse({ personId: amy.id, urn: school.urn, kind: 'governor_or_trustee', from: '2026-01-05' }));
    expect(() => recordDeclaration(ctx, record(amy.id, '2026-09-14'))).toThrow(/Amy Worker has a declared connection to Rhyl Primary School on 14 Sep 2026: end it first/);
    expect(recordDeclaration(ctx, record(amy.id, '2026-09-14', false)).nothingToDeclare).toBe(false);
    // Before the connection began there was nothing to declare.
    expect(recordDeclaration(ctx, record(amy.id, '2025-09-14')).nothingToDeclare).toBe(true);
  });

  it('lists who is due across a year boundary: never declared, their month come round, and over a year old', () => {
    const { db, ctx, setDay } = aTeamOn('2026-12-20');
    const never = aPerson(db, { name: 'Nia Never', declared: false });
    const january = aPerson(db, { name: 'Jan January', declared: false });
    const september = aPerson(db, { name: 'Sam September', declared: false });
    const old = aPerson(db, { name: 'Olly Old', declared: false });
    const leaver = aPerson(db, { name: 'Lee Leaver', declared: false, activeTo: '2026-10-31' });
    setDeclarationMonth(ctx, DeclarationMonthInput.parse({ personId: january.id, month: 1 }));
    recordDeclaration(ctx, record(january.id, '2026-01-20'));
    recordDeclaration(ctx, record(september.id, '2026-09-10'));
    recordDeclaration(ctx, record(old.id, '2025-11-02'));
    expect(declarationsOf(ctx, leaver.id).due).toBe(false);
    expect(declarationsOf(ctx, never.id).due).toBe(true);
    const names = (day: string) => declarationsDue(db.db, day).map((d) => d.name);
    // Never declared first, then the longest waiting; a leaver is not asked.
    expect(names('2026-12-20')).toEqual(['Nia Never', 'Olly Old']);
    // 1 January: the January worker's month has come again; September's has not.
    expect(names('2027-01-01')).toEqual(['Nia Never', 'Olly Old', 'Jan January']);
    setDay('2027-01-02');
    recordDeclaration(ctx, record(january.id, '2027-01-02'));
    expect(names('2027-01-02')).toEqual(['Nia Never', 'Olly Old']);
    expect(names('2027-09-01')).toEqual(['Nia Never', 'Olly Old', 'Sam September']);
    // The team's default month moves everyone without a month of their own.
    updateSettings(ctx, { declarationMonth: 12 });
    expect(names('2026-12-20')).toEqual(['Nia Never', 'Olly Old', 'Sam September']);
  });

  it('sets and clears a worker’s own month, audited only when it changes', () => {
    const { db, ctx } = aTeamOn('2026-12-03');
    const amy = aPerson(db, { name: 'Amy Worker' });
    expect(setDeclarationMonth(ctx, DeclarationMonthInput.parse({ personId: amy.id, month: 3 }))).toMatchObject({ month: 3, effectiveMonth: 3 });
    setDeclarationMonth(ctx, DeclarationMonthInput.parse({ personId: amy.id, month: 3 }));
    expect(setDeclarationMonth(ctx, DeclarationMonthInput.parse({ personId: amy.id, month: null }))).toMatchObject({ month: null, effectiveMonth: 9 });
    expect(db.db.prepare("SELECT summary FROM audit_log WHERE action = 'set-declaration-month' ORDER BY id").all()).toEqual([{ summary: 'March' }, { summary: 'Team default' }]);
    expect(DeclarationMonthInput.safeParse({ personId: amy.id, month: 13 }).success).toBe(false);
  });

  it('the dashboard lists those due, and a declaration takes them off', () => {
    const { db, ctx } = aTeamOn('2026-12-03');
    const amy = aPerson(db, { name: 'Amy Worker', declared: false });
    aPerson(db, { name: 'Ben Current' });
    expect(dashboard(db.db, '2026-12-03')).toMatchObject({ declarationsDue: [{ name: 'Amy Worker', lastDeclaredOn: null, month: 9 }], moreDeclarationsDue: 0 });
    recordDeclaration(ctx, record(amy.id, '2026-12-03'));
    expect(dashboard(db.db, '2026-12-03').declarationsDue).toEqual([]);
  });

  it('the allocation rules warn, with the date, when the worker’s declaration is more than a year before the allocation starts', () => {
    const { db, ctx } = aTeamOn('2026-12-03');
    const school = aSchool(db, { name: 'Rhyl Primary School' });
    const amy = aPerson(db, { name: 'Amy Worker', declared: false });
    const ben = aPerson(db, { name: 'Ben Second' });
    const check = (from: string) =>
      judgeProposals(db.db, [AllocationProposal.parse({ urn: school.urn, namedId: amy.id, secondaryId: ben.id, from })])[0]?.findings.map((f) => [f.rule, f.severity, f.message]);
    // Never declared: listed as due on the dashboard, not a warning on every allocation.
    expect(check('2026-12-07')).toEqual([]);
    recordDeclaration(ctx, record(amy.id, '2025-09-15'));
    expect(check('2026-09-15')).toEqual([]);
    expect(check('2026-12-07')).toEqual([['declaration_out_of_date', 'warning', 'Amy Worker last declared their connections to schools on 15 Sep 2025, more than a year before 7 Dec 2026: ask for this year’s declaration.']]);
  });
});
