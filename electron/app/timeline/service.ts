/**
 * A school's timeline (read-only). Each kind's query returns at most one page more than asked
 * after the cursor, through an index that starts with the school; the pages are merged newest
 * first and cut, so a page costs the same however many years the school's story holds.
 */
import type { z } from 'zod';
import { cancelledReasonText } from '../../../shared/domain/reason-kinds.ts';
import { ROLE_NAMES } from '../../../shared/domain/allocations.ts';
import { TERM_LABELS } from '../../../shared/domain/calendar.ts';
import { CHANNEL_LABELS } from '../../../shared/domain/contacts.ts';
import { RECORD_KIND_LABELS } from '../../../shared/domain/documents.ts';
import { CONCERN_LABELS } from '../../../shared/domain/escalations.ts';
import { newestFirst, TIMELINE_KINDS, type TimelineEntry, type TimelineKind, type TimelinePage, type TimelineQuery } from '../../../shared/domain/timeline.ts';
import { VISIT_STATUS_LABELS } from '../../../shared/domain/visits.ts';
import { addDays } from '../../../shared/format.ts';
import type { Connection } from '../db/cipher.ts';
import { requireSchool } from '../schools/service.ts';
import {
  selectAllocationMoments, selectClosureMoments, selectConsultationMoments, selectContactMoments, selectDocumentMoments, selectEscalationMoments,
  selectRecordMoments, selectVisitMoments, type TimelineWindow,
} from './repo.ts';

type Entry = Omit<TimelineEntry, 'followUp'> & Partial<Pick<TimelineEntry, 'followUp'>>;

const termOf = (yearLabel: string, term: keyof typeof TERM_LABELS) => `${TERM_LABELS[term]} ${yearLabel}`;
const visitLink = (urn: string, yearLabel: string, term: string) => `/visits/${urn}/${yearLabel}/${term}`;
const fileNameOf = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** Each kind's entries of one page, in the timeline's order. */
const READERS: Record<TimelineKind, (db: Connection, w: TimelineWindow) => Entry[]> = {
  allocation: (db, w) => [
    ...selectAllocationMoments(db, w, false).map((m) => ({
      key: m.key, kind: 'allocation' as const, at: m.at, title: `${m.person} became the ${ROLE_NAMES[m.role]}`, detail: m.reason, link: `/allocations/${w.urn}`,
    })),
    ...selectAllocationMoments(db, w, true).map((m) => ({
      key: m.key, kind: 'allocation' as const, at: m.at, title: `${m.person}’s last day as the ${ROLE_NAMES[m.role]}`, detail: null, link: `/allocations/${w.urn}`,
    })),
  ],
  visit: (db, w) =>
    selectVisitMoments(db, w).map((m) => ({
      key: m.key, kind: 'visit', at: m.at, title: `SPOC visit, ${termOf(m.year_label, m.term)}: ${VISIT_STATUS_LABELS[m.status].toLowerCase()}`,
      detail: m.status === 'cancelled' ? cancelledReasonText({ cancelledReasonKind: m.cancelled_reason_kind, cancelledReason: m.cancelled_reason }) : [m.agreed_with ? `Agreed with ${m.agreed_with}` : null, m.moved_reason ? `moved: ${m.moved_reason}` : null].filter(Boolean).join('; ') || null,
      link: visitLink(w.urn, m.year_label, m.term),
    })),
  record: (db, w) =>
    selectRecordMoments(db, w).map((m) => ({
      key: m.key, kind: 'record', at: m.at, title: `Visit record written, ${termOf(m.year_label, m.term)}`, detail: `By ${m.written_by}`,
      link: `${visitLink(w.urn, m.year_label, m.term)}/record`,
    })),
  consultation: (db, w) =>
    selectConsultationMoments(db, w).map((m) => ({
      key: m.key, kind: 'consultation', at: m.at, title: `Early Help Consultation${m.with_school_nurse ? ' with the school nurse team' : ''}`,
      detail: [m.requested_by ? `Requested by ${m.requested_by}` : null, m.actions ? `Actions: ${m.actions}` : null].filter(Boolean).join('. ') || null,
      link: '/consultations',
    })),
  contact: (db, w) =>
    selectContactMoments(db, w).map((m) => ({
      key: m.key, kind: 'contact', at: m.at,
      title: `${CHANNEL_LABELS[m.channel]} ${m.direction === 'from_school' ? 'from' : 'to'} the school: ${m.worker} with ${m.with_whom}`,
      detail: m.summary, link: null,
      followUp: m.follow_up ? { contactId: m.id, text: m.follow_up, due: m.follow_up_due, doneOn: m.follow_up_done_on } : null,
    })),
  escalation: (db, w) => [
    ...selectEscalationMoments(db, w, false).map((m) => ({
      key: m.key, kind: 'escalation' as const, at: m.at, title: `Escalation raised: ${CONCERN_LABELS[m.concern]}`, detail: m.summary, link: `/escalations/${m.escalation_id}`,
    })),
    ...selectEscalationMoments(db, w, true).map((m) => ({
      key: m.key, kind: 'escalation' as const, at: m.at, title: `Escalation closed: ${CONCERN_LABELS[m.concern]}`, detail: m.outcome, link: `/escalations/${m.escalation_id}`,
    })),
  ],
  document: (db, w) =>
    selectDocumentMoments(db, w).map((m) => ({
      key: m.key, kind: 'document', at: m.at, title: `Document made: ${m.kind === 'spoc_list' ? 'SPOC list' : RECORD_KIND_LABELS[m.kind]}`,
      detail: `${fileNameOf(m.path)}, by ${m.created_by}`,
      link: m.year_label && m.term ? `${visitLink(w.urn, m.year_label, m.term)}/record` : '/documents',
    })),
  closure: (db, w) => [
    ...selectClosureMoments(db, w, false).map((m) => ({ key: m.key, kind: 'closure' as const, at: m.at, title: 'School closed', detail: 'Its records are kept.', link: null })),
    ...selectClosureMoments(db, w, true).map((m) => ({
      key: m.key, kind: 'closure' as const, at: m.at, title: 'A GIAS import found the school listed as closed', detail: null, link: null,
    })),
  ],
};

export function schoolTimeline(db: Connection, query: z.output<typeof TimelineQuery>): TimelinePage {
  requireSchool(db, query.urn);
  const window: TimelineWindow = {
    urn: query.urn,
    since: query.from ?? '0000',
    until: query.to ? addDays(query.to, 1) : '9999',
    beforeAt: query.before?.at ?? '9999',
    beforeKey: query.before?.key ?? '',
    // One more than the page, to know whether another page follows.
    limit: query.limit + 1,
  };
  const kinds = query.kinds ?? TIMELINE_KINDS;
  const merged = kinds.flatMap((kind) => READERS[kind](db, window)).sort(newestFirst);
  const entries = merged.slice(0, query.limit).map((e) => ({ ...e, followUp: e.followUp ?? null }));
  const last = entries.at(-1);
  return { entries, next: merged.length > query.limit && last ? { at: last.at, key: last.key } : null };
}
