/**
 * Annual declarations of connections: recorded (connections as listed, or nothing to declare),
 * never changed or removed; the month of a worker's yearly re-declaration; and who is due.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  declarationDue, MONTH_NAMES, type Declaration, type DeclarationDue, type DeclarationMonthInput, type PersonDeclarations, type RecordDeclarationInput,
} from '../../../shared/domain/declarations.ts';
import { AppError } from '../../../shared/errors.ts';
import { formatDate, localDay } from '../../../shared/format.ts';
import type { Connection } from '../db/cipher.ts';
import { write, type WriteContext } from '../db/write.ts';
import { requirePerson } from '../people/service.ts';
import { selectConnectionsOfPerson } from '../people/repo.ts';
import { getTeam } from '../team/service.ts';
import { insertDeclaration, selectActiveStandings, selectDeclarationMonth, selectDeclarationsOf, updateDeclarationMonth } from './repo.ts';

export function declarationsOf(ctx: { db: Connection; now: () => Date }, personId: string): PersonDeclarations {
  const person = requirePerson(ctx.db, personId);
  const today = localDay(ctx.now());
  const month = selectDeclarationMonth(ctx.db, personId);
  const effectiveMonth = month ?? getTeam(ctx.db).settings.declarationMonth;
  const history = selectDeclarationsOf(ctx.db, personId);
  const latest = history[0] ?? null;
  // Only someone working in the team is asked, as on the dashboard: not a leaver, nor a starter before their first day.
  const active = person.activeFrom <= today && (person.activeTo === null || person.activeTo >= today);
  return { month, effectiveMonth, latest, due: active && declarationDue(latest?.declaredOn ?? null, effectiveMonth, today), history };
}

/**
 * "Nothing to declare" is only true of a worker with no connection current on the day: one
 * still listed would contradict it, so it is ended first (with its own date) or the worker
 * confirms the list instead.
 */
export function recordDeclaration(ctx: WriteContext, input: z.output<typeof RecordDeclarationInput>): Declaration {
  const person = requirePerson(ctx.db, input.personId);
  const today = localDay(ctx.now());
  if (input.declaredOn > today) {
    throw new AppError('invalid_input', 'A declaration cannot be dated after today.', { issues: [{ path: 'declaredOn', message: 'After today' }] });
  }
  if (input.nothingToDeclare) {
    const current = selectConnectionsOfPerson(ctx.db, person.id).filter((c) => c.from <= input.declaredOn && (c.to === null || c.to >= input.declaredOn));
    if (current[0]) {
      const message = `${person.name} has a declared connection to ${current[0].schoolName} on ${formatDate(input.declaredOn)}: end it first, or confirm the connections as listed.`;
      throw new AppError('invalid_input', message, { issues: [{ path: 'nothingToDeclare', message }] });
    }
  }
  const declaration: Declaration = {
    id: randomUUID(), personId: person.id, declaredOn: input.declaredOn, nothingToDeclare: input.nothingToDeclare, recordedBy: ctx.actor, recordedAt: ctx.now().toISOString(),
  };
  write(ctx, (audit) => {
    insertDeclaration(ctx.db, declaration);
    audit('declaration', declaration.id, 'record', input.nothingToDeclare ? 'Nothing to declare' : 'Connections as listed');
  });
  return declaration;
}

export function setDeclarationMonth(ctx: WriteContext, input: z.output<typeof DeclarationMonthInput>): PersonDeclarations {
  requirePerson(ctx.db, input.personId);
  if (selectDeclarationMonth(ctx.db, input.personId) !== input.month) {
    write(ctx, (audit) => {
      updateDeclarationMonth(ctx.db, input.personId, input.month);
      audit('person', input.personId, 'set-declaration-month', input.month === null ? 'Team default' : MONTH_NAMES[input.month - 1]);
    });
  }
  return declarationsOf(ctx, input.personId);
}

/** Active workers due to declare on the day, those who never have first, then the longest waiting. */
export function declarationsDue(db: Connection, today: string): DeclarationDue[] {
  const teamMonth = getTeam(db).settings.declarationMonth;
  return selectActiveStandings(db, today)
    .map((s) => ({ personId: s.personId, name: s.name, lastDeclaredOn: s.lastDeclaredOn, month: s.month ?? teamMonth }))
    .filter((s) => declarationDue(s.lastDeclaredOn, s.month, today))
    .sort((a, b) => (a.lastDeclaredOn ?? '').localeCompare(b.lastDeclaredOn ?? '') || a.name.localeCompare(b.name));
}
