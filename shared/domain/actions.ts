/**
 * One list of every action to close: from visit records, consultations, contact follow-ups and
 * escalations whose outcome must be chased. Each has an owner (a worker), a due date, and is open
 * until someone marks it done; marking done records the day and who.
 */
import { z } from 'zod';
import { isoDate } from '../dates.ts';
import { Urn } from './schools.ts';
import { line } from './text.ts';

export const ACTION_SOURCES = ['visit_record', 'consultation', 'contact', 'escalation'] as const;
export type ActionSource = (typeof ACTION_SOURCES)[number];
export const ACTION_SOURCE_LABELS: Record<ActionSource, string> = {
  visit_record: 'Visit record',
  consultation: 'Consultation',
  contact: 'Contact follow-up',
  escalation: 'Escalation outcome to chase',
};

/** Consultation actions carry no date of their own: they fall due this many days after the consultation. */
export const CONSULTATION_ACTION_DAYS = 14;
/** An escalation's referral outcome is chased this many days after the referral. */
export const ESCALATION_CHASE_DAYS = 7;
export const ESCALATION_CHASE_TEXT = 'Find out the outcome of the referral';

/** The actions of a consultation: one per line, list marks removed, blank lines left out. */
export function consultationActionLines(text: string): { key: string; text: string }[] {
  const seen = new Map<string, number>();
  return text.split('\n').flatMap((raw) => {
    const line = raw.replace(/^\s*[-*•]\s*/, '').trim();
    if (!line) return [];
    const n = seen.get(line) ?? 0;
    seen.set(line, n + 1);
    return [{ key: `${line}|${n}`, text: line }];
  });
}

export interface Action {
  id: string;
  source: ActionSource;
  sourceId: string;
  urn: string;
  schoolName: string;
  /** The child the action is about ("JB Y4"), for a visit record's actions. */
  about: string | null;
  text: string;
  /** Who the record named to do it (free text: "DSL", "SPOC"). */
  who: string | null;
  ownerId: string | null;
  ownerName: string | null;
  dueOn: string | null;
  doneOn: string | null;
  doneBy: string | null;
  /** The app route that opens where the action came from. */
  link: string;
}

export const ActionQuery = z
  .object({
    ownerId: z.string().uuid().optional(),
    /** Actions with no owner (a school without a SPOC when the action was written). */
    unowned: z.boolean().optional(),
    urn: Urn.optional(),
    /** Open only (the default), done only, or both. */
    state: z.enum(['open', 'done', 'all']).default('open'),
    /** Open actions due before this day (overdue on it). */
    dueBefore: isoDate().optional(),
    limit: z.number().int().min(1).max(1000).default(500),
  })
  .strict();
export type ActionQuery = z.input<typeof ActionQuery>;

/** Done on a day; today on the team's clock when left out (what a button on the dashboard sends). */
export const ActionDoneInput = z.object({ id: z.string().uuid(), on: isoDate('the day it was done').optional() }).strict();
export const ActionReopenInput = z.object({ id: z.string().uuid() }).strict();
export const ActionReassignInput = z
  .object({
    id: z.string().uuid(),
    ownerId: z.string().uuid('Choose the worker'),
    dueOn: z.union([z.literal(''), isoDate()]).optional().transform((v) => (v ? v : null)),
  })
  .strict();
export type ActionReassignInput = z.input<typeof ActionReassignInput>;

/** Handover of a leaver: their schools, through the allocation rules, and their open actions. */
export const HandoverInput = z
  .object({
    from: z.string().uuid('Choose the worker who is leaving'),
    to: z.string().uuid('Choose the worker who takes over'),
    on: isoDate('the first day the new worker holds the schools'),
    /** Why warnings (load, fairness) are accepted; without it a school with warnings is not moved. */
    overrideReason: line().max(1000).optional().transform((v) => (v ? v : null)),
    dryRun: z.boolean().default(true),
  })
  .strict()
  .refine((h) => h.from !== h.to, { message: 'Choose another worker to take over', path: ['to'] });
export type HandoverInput = z.input<typeof HandoverInput>;

export interface HandoverSchool {
  urn: string;
  schoolName: string;
  role: 'named' | 'secondary';
  /** moved (or would move), refused by a rule, or held back by warnings without a reason. */
  outcome: 'moved' | 'refused' | 'needs_reason';
  messages: string[];
}

export interface HandoverResult {
  dryRun: boolean;
  fromName: string;
  toName: string;
  schools: HandoverSchool[];
  /** The open actions that move (or would move) to the new owner. */
  actions: number;
}
