/**
 * A school's story, newest first: who its link workers were, its visits and their records, its
 * consultations, contacts, escalations, the documents made for it and its closure. Read a page at
 * a time by date (a keyset: the page after the last entry shown), so a page costs the same after
 * ten years of history as after one term.
 */
import { z } from 'zod';
import { Urn } from './schools.ts';

export const TIMELINE_KINDS = ['allocation', 'visit', 'record', 'consultation', 'contact', 'escalation', 'document', 'closure'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const TIMELINE_KIND_LABELS: Record<TimelineKind, string> = {
  allocation: 'Link workers',
  visit: 'Visits',
  record: 'Visit records',
  consultation: 'Consultations',
  contact: 'Contacts',
  escalation: 'Escalations',
  document: 'Documents made',
  closure: 'Closure',
};

export const TIMELINE_PAGE = 20;

/** Where the previous page ended: its last entry's moment and key. */
export const TimelineCursor = z.object({ at: z.string().min(10).max(40), key: z.string().min(1).max(120) }).strict();
export type TimelineCursor = z.infer<typeof TimelineCursor>;

const Day = z.iso.date('Enter the date as yyyy-mm-dd');

export const TimelineQuery = z
  .object({
    urn: Urn,
    /** Only these kinds; all of them when left out. */
    kinds: z.array(z.enum(TIMELINE_KINDS)).min(1, 'Choose at least one kind of entry').max(TIMELINE_KINDS.length).optional(),
    from: Day.optional(),
    to: Day.optional(),
    before: TimelineCursor.optional(),
    limit: z.number().int().min(1).max(100).default(TIMELINE_PAGE),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'The end of the range cannot be before its start', path: ['to'] });

export interface TimelineEntry {
  /** Unique across the timeline: the kind, the record's id and, for a record with two moments, which one. */
  key: string;
  kind: TimelineKind;
  /** A day (yyyy-mm-dd), a wall-clock time (yyyy-mm-ddThh:mm) or an instant (ISO with Z). */
  at: string;
  title: string;
  detail: string | null;
  /** The app route that opens the record; null when the entry is all there is. */
  link: string | null;
  /** A contact's follow-up, so it can be marked done from the timeline. */
  followUp: { contactId: string; text: string; due: string | null; doneOn: string | null } | null;
}

export interface TimelinePage {
  entries: TimelineEntry[];
  /** Pass as `before` for the next page; null when this page is the last. */
  next: TimelineCursor | null;
}

/** The timeline's order: newest first, ties broken by key so every entry has one place. */
export function newestFirst(a: { at: string; key: string }, b: { at: string; key: string }): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  return a.key < b.key ? 1 : a.key > b.key ? -1 : 0;
}
