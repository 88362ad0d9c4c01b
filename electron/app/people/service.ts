/** The team's workers and their declared connections to schools. Never hard-deleted. */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { CONNECTION_LABELS, type ConnectionFields, LEVEL3_PLANS_NORM, type PersonFields, type Connection as DeclaredConnection, type Person, type PersonDetail, type PersonSummary } from '../../../shared/domain/people.ts';
import { AppError } from '../../../shared/errors.ts';
import type { Connection } from '../db/cipher.ts';
import { write, type WriteContext } from '../db/write.ts';
import { ALLOCATION_ROLES, ROLE_NAMES } from '../../../shared/domain/allocations.ts';
import { selectCurrentPeriod } from '../allocations/repo.ts';
import { requireSchool } from '../schools/service.ts';
import { formatDate, localDay } from '../../../shared/format.ts';
import {
  endConnection, insertConnection, insertPerson, selectConnection, selectConnectionsOfPerson, selectOpenDuplicate, selectPeople,
  selectPerson, selectPersonByEmail, updatePerson,
} from './repo.ts';


const today = (ctx: { now: () => Date }): string => localDay(ctx.now());

export function requirePerson(db: Connection, id: string): Person {
  const person = selectPerson(db, id);
  if (!person) throw new AppError('not_found', 'There is no such person in this team database.', { id });
  return person;
}

export function personWarnings(person: Person): string[] {
  return person.level3Plans > LEVEL3_PLANS_NORM
    ? [`${person.name} holds ${person.level3Plans} Level 3 Early Help Plans; the procedure expects no more than ${LEVEL3_PLANS_NORM}.`]
    : [];
}

export function listPeople(ctx: { db: Connection; now: () => Date }): PersonSummary[] {
  return selectPeople(ctx.db, today(ctx));
}

export function personDetail(ctx: { db: Connection; now: () => Date }, id: string): PersonDetail {
  const person = requirePerson(ctx.db, id);
  const day = today(ctx);
  return {
    person,
    active: person.activeFrom <= day && (person.activeTo === null || person.activeTo >= day),
    connections: selectConnectionsOfPerson(ctx.db, id),
    warnings: personWarnings(person),
  };
}

function assertEmailFree(db: Connection, email: string | null, exceptId?: string): void {
  if (!email) return;
  const other = selectPersonByEmail(db, email);
  if (other && other.id !== exceptId) {
    throw new AppError('invalid_input', `${email} is already the email of ${other.name}.`, { issues: [{ path: 'email', message: `Already the email of ${other.name}` }] });
  }
}

export function createPerson(ctx: WriteContext, fields: z.output<typeof PersonFields>): Person {
  assertEmailFree(ctx.db, fields.email);
  const person: Person = { id: randomUUID(), ...fields };
  write(ctx, (audit) => {
    insertPerson(ctx.db, person, ctx.now().toISOString());
    audit('person', person.id, 'create');
  });
  return person;
}

export function editPerson(ctx: WriteContext, id: string, fields: z.output<typeof PersonFields>): Person {
  const before = requirePerson(ctx.db, id);
  assertEmailFree(ctx.db, fields.email, id);
  const after: Person = { id, ...fields };
  const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter((k) => fields[k] !== before[k]);
  if (changed.length === 0) return before;
  write(ctx, (audit) => {
    updatePerson(ctx.db, after, ctx.now().toISOString());
    audit('person', id, 'update', `Changed: ${changed.join(', ')}`);
  });
  return after;
}

/** Someone who leaves keeps their history: they get an end date, never a deletion. */
export function deactivatePerson(ctx: WriteContext, id: string, activeTo: string): Person {
  const person = requirePerson(ctx.db, id);
  if (activeTo < person.activeFrom) {
    throw new AppError('invalid_input', 'The last day cannot be before they started.', { issues: [{ path: 'activeTo', message: 'Before their active from date' }] });
  }
  const after = { ...person, activeTo };
  write(ctx, (audit) => {
    updatePerson(ctx.db, after, ctx.now().toISOString());
    audit('person', id, 'deactivate');
  });
  return after;
}

export function declareConnection(ctx: WriteContext, input: z.output<typeof ConnectionFields>): DeclaredConnection {
  requirePerson(ctx.db, input.personId);
  requireSchool(ctx.db, input.urn);
  const duplicate = selectOpenDuplicate(ctx.db, input.personId, input.urn, input.kind);
  if (duplicate) {
    throw new AppError('invalid_input', `${duplicate.personName} already has this connection to ${duplicate.schoolName}, from ${formatDate(duplicate.from)}.`);
  }
  const id = randomUUID();
  write(ctx, (audit) => {
    insertConnection(ctx.db, {
      id, personId: input.personId, urn: input.urn, kind: input.kind, otherText: input.kind === 'other' ? (input.otherText ?? null) : null,
      from: input.from, to: input.to, recordedBy: ctx.actor, recordedAt: ctx.now().toISOString(),
    });
    audit('connection', id, 'declare', CONNECTION_LABELS[input.kind]);
  });
  const created = selectConnection(ctx.db, id);
  if (!created) throw new AppError('internal', 'The connection was not saved.');
  const held = ALLOCATION_ROLES.map((role) => selectCurrentPeriod(ctx.db, input.urn, role)).filter((p) => p?.personId === input.personId);
  if (input.kind === 'own_child_attends' && held[0]) {
    const roles = held.map((p) => ROLE_NAMES[p?.role ?? 'named']).join(' and ');
    return { ...created, warning: `${created.personName} is the ${roles} of ${created.schoolName}: a link worker is never assigned to a school their own children attend. Reallocate the school; it is listed under Allocations, Coverage gaps.` };
  }
  return created;
}

export function endDeclaredConnection(ctx: WriteContext, id: string, to: string): DeclaredConnection {
  const connection = selectConnection(ctx.db, id);
  if (!connection) throw new AppError('not_found', 'There is no such declared connection.');
  if (to < connection.from) throw new AppError('invalid_input', 'A connection cannot end before it began.', { issues: [{ path: 'to', message: 'Before the from date' }] });
  write(ctx, (audit) => {
    endConnection(ctx.db, id, to);
    audit('connection', id, 'end');
  });
  return { ...connection, to };
}
