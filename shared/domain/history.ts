/**
 * Damage found in the team's append-only history: the audit log (hash-chained) and the
 * escalation log (append-only by triggers). Found by `db.check` and when a database opens.
 */

export const HISTORY_FINDING_KINDS = [
  /** A row's contents no longer match its hash. */
  'changed',
  /** Rows are missing: a gap in the ids, or the log once went further than it does now. */
  'deleted',
  /** A row is chained to another row than the one it follows (moved, or added later). */
  'out_of_order',
  /** A row is not chained to the one before it, and its link matches no row. */
  'broken_link',
  /** A row matches neither its hash nor its place in the chain. */
  'forged',
  'missing_trigger',
  'altered_trigger',
  'unexpected_trigger',
  /** An escalation was blanked by a purge that the audit chain does not record. */
  'unrecorded_purge',
  /** The log could not be read to the end (a damaged page, a dropped table). */
  'unreadable',
  /** More findings than are listed. */
  'more',
] as const;
export type HistoryFindingKind = (typeof HISTORY_FINDING_KINDS)[number];

export interface HistoryFinding {
  kind: HistoryFindingKind;
  table: 'audit_log' | 'escalation_entry';
  /** The row where the damage shows, when it is a row's. */
  rowId: number | null;
  /** Says what is wrong and where: row ids and trigger names, never the rows' contents. */
  message: string;
}
