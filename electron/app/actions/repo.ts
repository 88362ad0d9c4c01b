import type { Action, ActionSource } from '../../../shared/domain/actions.ts';
import { statement, type Connection } from '../db/cipher.ts';

interface ActionRow {
  id: string;
  source: ActionSource;
  source_id: string;
  urn: string;
  school_name: string;
  about: string | null;
  text: string;
  who: string | null;
  owner_id: string | null;
  owner_name: string | null;
  due_on: string | null;
  done_on: string | null;
  done_by: string | null;
  year_label: string | null;
  term: string | null;
}

function linkOf(r: ActionRow): string {
  switch (r.source) {
    case 'visit_record':
      return r.year_label && r.term ? `/visits/${r.urn}/${r.year_label}/${r.term}/record` : `/schools/${r.urn}`;
    case 'consultation':
      return '/consultations';
    case 'escalation':
      return `/escalations/${r.source_id}`;
    case 'contact':
      return `/schools/${r.urn}`;
  }
}

const toAction = (r: ActionRow): Action => ({
  id: r.id, source: r.source, sourceId: r.source_id, urn: r.urn, schoolName: r.school_name, about: r.about, text: r.text, who: r.who,
  ownerId: r.owner_id, ownerName: r.owner_name, dueOn: r.due_on, doneOn: r.done_on, doneBy: r.done_by, link: linkOf(r),
});

const SELECT = `SELECT a.*, s.name AS school_name, p.name AS owner_name, v.year_label, v.term
  FROM action a JOIN school s ON s.urn = a.urn LEFT JOIN person p ON p.id = a.owner_id
  LEFT JOIN visit v ON a.source = 'visit_record' AND v.id = a.source_id`;

export function selectAction(db: Connection, id: string): Action | undefined {
  const row = statement(db, `${SELECT} WHERE a.id = ?`).get(id) as ActionRow | undefined;
  return row ? toAction(row) : undefined;
}

export interface ActionFilter {
  ownerId?: string | undefined;
  unowned?: boolean | undefined;
  urn?: string | undefined;
  state: 'open' | 'done' | 'all';
  dueBefore?: string | undefined;
  limit: number;
}

/**
 * Actions by the filter. Open actions are read through the partial indexes of open work (by due
 * day, or by owner); a school's, through its own index; done ones newest first.
 */
export function selectActions(db: Connection, f: ActionFilter): Action[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.state === 'open') where.push('a.done_on IS NULL');
  if (f.state === 'done') where.push('a.done_on IS NOT NULL');
  if (f.ownerId) {
    where.push('a.owner_id = ?');
    params.push(f.ownerId);
  }
  if (f.unowned) where.push('a.owner_id IS NULL');
  if (f.urn) {
    where.push('a.urn = ?');
    params.push(f.urn);
  }
  if (f.dueBefore) {
    where.push('a.due_on < ?');
    params.push(f.dueBefore);
  }
  const order = f.state === 'done' ? 'a.done_on DESC, a.rowid DESC' : 'a.due_on IS NULL, a.due_on, a.rowid';
  // The open actions are few beside the years of closed ones: read them through their own index
  // and sort what is there, rather than let the planner walk the whole table in the order asked.
  const index = f.urn ? 'action_school' : f.state !== 'open' ? null : f.ownerId ? 'action_open_owner' : 'action_open';
  const from = index ? SELECT.replace('FROM action a ', `FROM action a INDEXED BY ${index} `) : SELECT;
  const sql = `${from}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ?`;
  return (statement(db, sql).all(...params, f.limit) as ActionRow[]).map(toAction);
}

/** Open actions due on or before a day: the dashboard's, through the index of open actions. */
export function selectOpenActionsDueBy(db: Connection, day: string, limit: number): Action[] {
  return (statement(db, `${SELECT} WHERE a.done_on IS NULL AND a.due_on <= ? ORDER BY a.due_on, a.rowid LIMIT ?`).all(day, limit) as ActionRow[]).map(toAction);
}

/** How many open actions are due before `today`, and from then to `day`: counted in the index of open actions. */
export function countOpenActionsDue(db: Connection, today: string, day: string): { overdue: number; thisWeek: number } {
  const row = statement(db, 'SELECT coalesce(sum(due_on < ?), 0) AS overdue, coalesce(sum(due_on >= ?), 0) AS thisWeek FROM action WHERE done_on IS NULL AND due_on <= ?').get(today, today, day) as {
    overdue: number;
    thisWeek: number;
  };
  return row;
}

export function countOpenOwnedBy(db: Connection, ownerId: string): number {
  return statement(db, 'SELECT count(*) FROM action WHERE done_on IS NULL AND owner_id = ?').pluck().get(ownerId) as number;
}

export function markActionDone(db: Connection, id: string, on: string, by: string): void {
  statement(db, 'UPDATE action SET done_on = ?, done_by = ? WHERE id = ?').run(on, by, id);
}

export function reopenAction(db: Connection, id: string): void {
  statement(db, 'UPDATE action SET done_on = NULL, done_by = NULL WHERE id = ?').run(id);
}

export function setActionOwner(db: Connection, id: string, ownerId: string, dueOn: string | null): void {
  statement(db, 'UPDATE action SET owner_id = ?, due_on = coalesce(?, due_on) WHERE id = ?').run(ownerId, dueOn, id);
}

/** Moves every open action of one owner to another; returns how many moved. */
export function moveOpenActions(db: Connection, from: string, to: string): number {
  return statement(db, 'UPDATE action SET owner_id = ? WHERE done_on IS NULL AND owner_id = ?').run(to, from).changes;
}

export interface SourceActionRow {
  id: string;
  source_key: string;
  text: string;
  done_on: string | null;
}

export function selectSourceActions(db: Connection, source: ActionSource, sourceId: string): SourceActionRow[] {
  return statement(db, 'SELECT id, source_key, text, done_on FROM action WHERE source = ? AND source_id = ?').all(source, sourceId) as SourceActionRow[];
}

export interface NewAction {
  id: string;
  source: ActionSource;
  sourceId: string;
  key: string;
  urn: string;
  about: string | null;
  text: string;
  who: string | null;
  ownerId: string | null;
  dueOn: string | null;
  createdAt: string;
}

export function insertAction(db: Connection, a: NewAction): void {
  statement(
    db,
    `INSERT INTO action (id, source, source_id, source_key, urn, about, text, who, owner_id, due_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(a.id, a.source, a.sourceId, a.key, a.urn, a.about, a.text, a.who, a.ownerId, a.dueOn, a.createdAt);
}

/**
 * What the source says again: its words, who and, for a source with a date of its own, its date.
 * The owner stays; "done" stays unless `reopen`.
 */
export function updateSourceAction(db: Connection, id: string, a: { urn: string; about: string | null; text: string; who: string | null; dueOn: string | null; setDue: boolean; reopen: boolean }): void {
  statement(
    db,
    `UPDATE action SET urn = ?, about = ?, text = ?, who = ?, due_on = CASE WHEN ? THEN ? ELSE due_on END,
       done_on = CASE WHEN ? THEN NULL ELSE done_on END, done_by = CASE WHEN ? THEN NULL ELSE done_by END WHERE id = ?`,
  ).run(a.urn, a.about, a.text, a.who, a.setDue ? 1 : 0, a.dueOn, a.reopen ? 1 : 0, a.reopen ? 1 : 0, id);
}

export function deleteAction(db: Connection, id: string): void {
  statement(db, 'DELETE FROM action WHERE id = ?').run(id);
}

/** The school's named worker (SPOC) now: the owner of actions that come without a person. */
export function selectSpocOf(db: Connection, urn: string): string | null {
  return (statement(db, "SELECT person_id FROM allocation WHERE urn = ? AND role = 'named' AND to_date IS NULL").pluck().get(urn) as string | undefined) ?? null;
}
