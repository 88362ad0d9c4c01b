/**
 * Why a visit was cancelled and why the manager was told late, as kinds chosen from a fixed list.
 * The reasons in words stay on each visit and entry (they may name people, so they never reach a
 * report); the kinds are what the termly and annual reports count. Migration 0023 holds the same
 * lists in its CHECK constraints: a kind added here needs a migration too.
 */
import { z } from 'zod';

export const CANCELLED_REASON_KINDS = ['school_request', 'school_closure', 'worker_unavailable', 'moved_to_next_term', 'no_longer_needed', 'other'] as const;
export type CancelledReasonKind = (typeof CANCELLED_REASON_KINDS)[number];
export const CANCELLED_REASON_KIND_LABELS: Record<CancelledReasonKind, string> = {
  school_request: 'The school asked to cancel',
  school_closure: 'The school was closed (weather, heating, a strike)',
  worker_unavailable: 'The link worker was unavailable',
  moved_to_next_term: 'Moved to next term',
  no_longer_needed: 'No longer needed',
  other: 'Another reason',
};
export const CancelledReasonKind = z.enum(CANCELLED_REASON_KINDS, 'Choose why the visit was cancelled');

export const LATE_REASON_KINDS = ['out_of_hours', 'manager_unavailable', 'worker_absent', 'system_problem', 'other'] as const;
export type LateReasonKind = (typeof LATE_REASON_KINDS)[number];
export const LATE_REASON_KIND_LABELS: Record<LateReasonKind, string> = {
  out_of_hours: 'Raised out of hours (evening, weekend, bank holiday)',
  manager_unavailable: 'No manager was available',
  worker_absent: 'The worker who took it was away',
  system_problem: 'A system or phone problem',
  other: 'Another reason',
};
export const LateReasonKind = z.enum(LATE_REASON_KINDS, 'Choose why the manager was told late');

/** Rows recorded before the kinds were asked (schema 23) have none: counted apart, never guessed. */
export const NOT_CATEGORISED = 'Not categorised (recorded before the reasons were chosen from a list)';

/** The kind and the words together, as a visit's page and the school's timeline say it: "Moved to next term: Ofsted that week". */
export function cancelledReasonText(v: { cancelledReasonKind: CancelledReasonKind | null; cancelledReason: string | null }): string | null {
  const parts = [v.cancelledReasonKind ? CANCELLED_REASON_KIND_LABELS[v.cancelledReasonKind] : null, v.cancelledReason].filter(Boolean);
  return parts.length ? parts.join(': ') : null;
}
