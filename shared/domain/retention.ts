/**
 * How long the team keeps each kind of record before a person purges the children's references
 * and free text from it. The period runs from the record's own date (a visit's day, a
 * consultation's, a contact's; an escalation's closing, so an open one is never due; a document's
 * making; an audit row's writing): for one-off records that is the end of the involvement they
 * record. Reasons for the defaults: docs/data-protection.md.
 */
import { z } from 'zod';

export const RETENTION_KINDS = ['visit_records', 'consultations', 'contacts', 'escalations', 'documents', 'audit'] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

export const RETENTION_LABELS: Record<RetentionKind, string> = {
  visit_records: 'Visit records',
  consultations: 'Early Help Consultations',
  contacts: 'Contacts',
  escalations: 'Escalations (closed)',
  documents: 'Documents made',
  audit: 'Audit log',
};

/** Six years after the end of involvement: what councils commonly keep Early Help and school-liaison records for. */
export const DEFAULT_RETENTION_YEARS: Record<RetentionKind, number> = { visit_records: 6, consultations: 6, contacts: 6, escalations: 6, documents: 6, audit: 6 };

/** The kinds a purge changes; documents and the audit log are reviewed only (docs/data-protection.md says why). */
export const PURGEABLE_KINDS = ['visit_records', 'consultations', 'contacts', 'escalations'] as const satisfies readonly RetentionKind[];
export type PurgeableKind = (typeof PURGEABLE_KINDS)[number];

const Years = z.number('Give the number of years').int('Use whole years').min(1, 'Keep records at least 1 year').max(50, 'Use 50 years or fewer');
export const RetentionYears = z.object(Object.fromEntries(RETENTION_KINDS.map((k) => [k, Years])) as Record<RetentionKind, typeof Years>).strict();
export type RetentionYears = z.infer<typeof RetentionYears>;

export interface RetentionDue {
  kind: RetentionKind;
  label: string;
  years: number;
  /** Records dated before this day (ISO) are past their period. */
  before: string;
  count: number;
  /** The oldest such record's date, ISO; null when none is due. */
  oldest: string | null;
  /** Whether a purge acts on this kind. */
  purgeable: boolean;
}
export interface RetentionReview {
  asOf: string;
  due: RetentionDue[];
}

export const RetentionPurgeInput = z
  .object({
    /** A person confirms the purge: nothing is removed without it. */
    confirm: z.literal(true, 'Confirm the purge: the children’s references and notes past their period are removed for good'),
  })
  .strict();

export interface RetentionPurgeResult {
  asOf: string;
  purged: { kind: PurgeableKind; count: number }[];
}

/** The day `years` whole years before `today` (ISO), 29 February falling back to the 28th. */
export function yearsBefore(today: string, years: number): string {
  const [y = 0, m = 1, d = 1] = today.split('-').map(Number);
  const year = y - years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** What a purge leaves in place of a child's initials: the row stays, so counts do too. */
export const PURGED_REFERENCE = '[removed]';
