/**
 * The action list fed from where actions are written: a visit record, a consultation, a contact's
 * follow-up, an escalation's referral. Each function runs inside its source's `write`, so the
 * source and its actions land together or not at all.
 *
 * A source's actions are matched by a key that survives the source being written again: a visit
 * record's by the child (initials and year group, and which of that child's reviews it is), a
 * consultation's by the words of the line. A matched action keeps its owner and its "done"; a
 * visit-record action whose words change is a new task, so it opens again. An action the source
 * no longer holds is removed while open and kept, as done work, once done.
 */
import { randomUUID } from 'node:crypto';
import { CONSULTATION_ACTION_DAYS, consultationActionLines, ESCALATION_CHASE_DAYS, ESCALATION_CHASE_TEXT, type ActionSource } from '../../../shared/domain/actions.ts';
import type { VisitRecord } from '../../../shared/domain/records.ts';
import { addDays } from '../../../shared/format.ts';
import type { Connection } from '../db/cipher.ts';
import { deleteAction, insertAction, markActionDone, selectSourceActions, selectSpocOf, updateSourceAction } from './repo.ts';

interface Item {
  key: string;
  about: string | null;
  text: string;
  who: string | null;
  dueOn: string | null;
}

interface Source {
  source: ActionSource;
  sourceId: string;
  urn: string;
  /** Who owns a new action: a named worker, or the school's SPOC when null. */
  ownerId: string | null;
  /**
   * Whether the source's own date replaces the action's on a rewrite, when it gives one (a
   * consultation's derived date does not: a date set on the action list stays).
   */
  datedBySource: boolean;
  at: string;
}

function sync(db: Connection, s: Source, items: Item[]): void {
  const existing = new Map(selectSourceActions(db, s.source, s.sourceId).map((r) => [r.source_key, r]));
  let spoc: string | null | undefined;
  const owner = () => s.ownerId ?? (spoc === undefined ? (spoc = selectSpocOf(db, s.urn)) : spoc);
  for (const item of items) {
    const row = existing.get(item.key);
    existing.delete(item.key);
    if (row) {
      updateSourceAction(db, row.id, { urn: s.urn, about: item.about, text: item.text, who: item.who, dueOn: item.dueOn, setDue: s.datedBySource && item.dueOn !== null, reopen: row.done_on !== null && row.text !== item.text });
    } else {
      insertAction(db, { id: randomUUID(), source: s.source, sourceId: s.sourceId, key: item.key, urn: s.urn, about: item.about, text: item.text, who: item.who, ownerId: owner(), dueOn: item.dueOn, createdAt: s.at });
    }
  }
  for (const gone of existing.values()) if (gone.done_on === null) deleteAction(db, gone.id);
}

/** A visit record's child reviews with an action or a date, keyed by the child. */
export function syncVisitRecordActions(db: Connection, visitId: string, urn: string, children: VisitRecord['children'], at: string): void {
  const seen = new Map<string, number>();
  const items = children.flatMap((c): Item[] => {
    if (c.action === null && c.byWhen === null) return [];
    const child = `${c.child.initials}|${c.child.yearGroup}`;
    const n = seen.get(child) ?? 0;
    seen.set(child, n + 1);
    return [{ key: `${child}|${n}`, about: `${c.child.initials} Y${c.child.yearGroup}`, text: c.action ?? '', who: c.who, dueOn: c.byWhen }];
  });
  sync(db, { source: 'visit_record', sourceId: visitId, urn, ownerId: null, datedBySource: true, at }, items);
}

/** A consultation's actions, one per line, due a fortnight after it. */
export function syncConsultationActions(db: Connection, c: { id: string; urn: string; date: string; actions: string }, at: string): void {
  const dueOn = addDays(c.date, CONSULTATION_ACTION_DAYS);
  const items = consultationActionLines(c.actions).map((l) => ({ key: l.key, about: null, text: l.text, who: null, dueOn }));
  sync(db, { source: 'consultation', sourceId: c.id, urn: c.urn, ownerId: null, datedBySource: false, at }, items);
}

/** A contact's follow-up, owned by the worker who made the contact. */
export function addContactFollowUp(db: Connection, c: { id: string; urn: string; workerId: string; followUp: string | null; followUpDue: string | null }, at: string): void {
  if (!c.followUp) return;
  sync(db, { source: 'contact', sourceId: c.id, urn: c.urn, ownerId: c.workerId, datedBySource: true, at }, [{ key: '', about: null, text: c.followUp, who: null, dueOn: c.followUpDue }]);
}

/** Closes the action of a contact's follow-up when the follow-up is marked done from the contact log. */
export function closeContactFollowUp(db: Connection, contactId: string, on: string, by: string): void {
  for (const row of selectSourceActions(db, 'contact', contactId)) if (row.done_on === null) markActionDone(db, row.id, on, by);
}

/**
 * An escalation's latest entry: a referral made with no outcome yet is an outcome to chase, a week
 * after the referral; once the outcome is recorded or the escalation closed, the chase is done.
 */
export function syncEscalationChase(
  db: Connection,
  e: { escalationId: string; urn: string; referralMade: string; referralAt: string | null; raisedAt: string; outcome: string | null; closedAt: string | null },
  stamp: { at: string; day: string; by: string },
): void {
  const { at } = stamp;
  const [row] = selectSourceActions(db, 'escalation', e.escalationId);
  const settled = e.outcome !== null || e.closedAt !== null;
  if (e.referralMade === 'yes' && !settled) {
    const dueOn = addDays((e.referralAt ?? e.raisedAt).slice(0, 10), ESCALATION_CHASE_DAYS);
    if (!row) sync(db, { source: 'escalation', sourceId: e.escalationId, urn: e.urn, ownerId: null, datedBySource: false, at }, [{ key: 'outcome', about: null, text: ESCALATION_CHASE_TEXT, who: null, dueOn }]);
    return;
  }
  if (row && row.done_on === null) {
    if (settled) markActionDone(db, row.id, stamp.day, stamp.by);
    else deleteAction(db, row.id);
  }
}
