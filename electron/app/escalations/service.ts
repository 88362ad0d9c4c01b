/**
 * The safeguarding escalation log. Raising adds the first entry; every later change (the manager
 * told, the referral, the outcome, a closed entry, a mistake put right) adds an entry that
 * corrects the latest one. Nothing is updated or deleted: the table's triggers refuse it too.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  CONCERN_LABELS,
  ESCALATION_FIELD_LABELS,
  managerClock,
  toldLate,
  type CorrectEscalationInput,
  type EscalationDetail,
  type EscalationEntry,
  type EscalationFields,
  type EscalationView,
  type RaiseEscalationInput,
} from '../../../shared/domain/escalations.ts';
import { londonWallTime } from '../../../shared/domain/london-time.ts';
import { AppError, type FieldIssue } from '../../../shared/errors.ts';
import type { Connection } from '../db/cipher.ts';
import { write, type WriteContext } from '../db/write.ts';
import { requireSchool } from '../schools/service.ts';
import { syncEscalationChase } from '../actions/sync.ts';
import { addDays, localDay } from '../../../shared/format.ts';
import { insertEntry, isCorrected, selectEntriesRaisedBetween, selectEntry, selectHistory, selectLatestEntries, selectOpenLatestEntries } from './repo.ts';

type Fields = z.output<typeof EscalationFields>;

/** Changing these rewrites what happened (and can move the 24-hour deadline), so a correction must say why. Recording the manager told for the first time is not a rewrite. */
const KEY_FIELDS = ['raisedAt', 'urn', 'concern', 'managerInformedAt'] as const;

/** The rules that need the clock or the database; the schema has checked the rest. */
function checkFields(db: Connection, fields: Fields, now: Date): void {
  requireSchool(db, fields.urn);
  const nowHere = londonWallTime(now);
  const issues: FieldIssue[] = [];
  const future = (path: keyof Fields, what: string) => {
    const value = fields[path];
    if (typeof value === 'string' && value > nowHere) issues.push({ path, message: `${what} cannot be in the future` });
  };
  future('raisedAt', 'The time the concern was raised');
  future('managerInformedAt', 'The time the manager was told');
  future('referralAt', 'The referral time');
  future('closedAt', 'The closing time');
  if (fields.managerInformedAt && toldLate(fields.raisedAt, fields.managerInformedAt) && !fields.lateReasonKind) {
    issues.push({ path: 'lateReasonKind', message: 'The manager was told more than 24 hours after the concern was raised: choose why' });
  }
  if (issues.length > 0) {
    throw new AppError('invalid_input', `${issues.map((i) => i.message).join('. ')}. Nothing was saved.`, { issues });
  }
}

/** The kind of a late reason is kept only while the manager was told late: a correction that puts the time right drops it, so no report counts it. */
const keptKind = <F extends Fields>(f: F): F => ({ ...f, lateReasonKind: f.managerInformedAt && toldLate(f.raisedAt, f.managerInformedAt) ? f.lateReasonKind : null });

const stampOf = (ctx: WriteContext) => ({ at: ctx.now().toISOString(), day: localDay(ctx.now()), by: ctx.actor });

export function viewOf(entry: EscalationEntry, now: Date): EscalationView {
  return { current: entry, clock: managerClock(entry, now), open: entry.closedAt === null };
}

export function raiseEscalation(ctx: WriteContext, fields: z.output<typeof RaiseEscalationInput>): EscalationView {
  checkFields(ctx.db, fields, ctx.now());
  const id = randomUUID();
  const entry = { ...keptKind(fields), id, escalationId: id, corrects: null, version: 1, changeNote: null, recordedBy: ctx.actor, recordedAt: ctx.now().toISOString() };
  write(ctx, (audit) => {
    insertEntry(ctx.db, entry);
    syncEscalationChase(ctx.db, entry, stampOf(ctx));
    // The audit names the entry, never the concern's summary or the children.
    audit('escalation', id, 'raise', CONCERN_LABELS[fields.concern]);
  });
  return viewOf(requireEntry(ctx.db, id), ctx.now());
}

export function correctEscalation(ctx: WriteContext, input: z.output<typeof CorrectEscalationInput>): EscalationView {
  const { corrects, changeNote, ...given } = input;
  const fields = keptKind(given);
  const previous = requireEntry(ctx.db, corrects);
  if (isCorrected(ctx.db, corrects)) {
    throw new AppError('conflict', 'This entry has already been corrected: open the escalation again and correct its latest entry.');
  }
  checkFields(ctx.db, fields, ctx.now());
  const rewritten = KEY_FIELDS.filter((k) => previous[k] !== fields[k] && !(k === 'managerInformedAt' && previous[k] === null));
  if (rewritten.length > 0 && !changeNote) {
    throw new AppError('invalid_input', `This entry changes ${rewritten.map((k) => ESCALATION_FIELD_LABELS[k].toLowerCase()).join(', ')}: say why in the note. Nothing was saved.`, {
      issues: [{ path: 'changeNote', message: 'Say why these change' }],
    });
  }
  const id = randomUUID();
  write(ctx, (audit) => {
    insertEntry(ctx.db, {
      ...fields, id, escalationId: previous.escalationId, corrects, version: previous.version + 1, changeNote,
      recordedBy: ctx.actor, recordedAt: ctx.now().toISOString(),
    });
    syncEscalationChase(ctx.db, { ...fields, escalationId: previous.escalationId }, stampOf(ctx));
    audit('escalation', previous.escalationId, 'correct', `version ${previous.version + 1}`);
  });
  return viewOf(requireEntry(ctx.db, id), ctx.now());
}

function requireEntry(db: Connection, id: string): EscalationEntry {
  const entry = selectEntry(db, id);
  if (!entry) throw new AppError('not_found', 'There is no such escalation entry.');
  return entry;
}

export function escalationDetail(db: Connection, escalationId: string, now: Date): EscalationDetail {
  const history = selectHistory(db, escalationId);
  const latest = history.at(-1);
  if (!latest) throw new AppError('not_found', 'There is no such escalation.');
  return { ...viewOf(latest, now), history };
}

export function listEscalations(db: Connection, now: Date, which: 'open' | 'all'): EscalationView[] {
  return (which === 'open' ? selectOpenLatestEntries(db) : selectLatestEntries(db)).map((e) => viewOf(e, now));
}

/** The escalations raised in a period (by their latest entry), each with its whole history, oldest raised first. */
export function escalationsRaisedBetween(db: Connection, from: string, to: string, hub: string | null, now: Date): EscalationDetail[] {
  const byEscalation = new Map<string, EscalationEntry[]>();
  for (const entry of selectEntriesRaisedBetween(db, from, addDays(to, 1), hub)) {
    byEscalation.set(entry.escalationId, [...(byEscalation.get(entry.escalationId) ?? []), entry]);
  }
  return [...byEscalation.values()]
    .flatMap((history) => {
      const latest = history.at(-1);
      return latest ? [{ ...viewOf(latest, now), history }] : [];
    })
    .sort((a, b) => a.current.raisedAt.localeCompare(b.current.raisedAt) || a.current.escalationId.localeCompare(b.current.escalationId));
}
