/**
 * The tamper-evident history. Every audit row carries the hash of the row before it, computed
 * here at insert time inside the write transaction (so "the row before" is well defined), and
 * the verifier walks the chain and compares the schema's triggers with those the migrations
 * create. What this does and does not protect against: docs/architecture.md.
 */
import type { HistoryFinding } from '../../../shared/domain/history.ts';
import { userVersion, type Connection } from '../db/cipher.ts';
import { ESCALATION_TRIGGERS } from '../db/migrations/0010-escalations.ts';
import { AUDIT_TRIGGERS } from '../db/migrations/0012-audit-chain.ts';
import { ESCALATION_OPEN_TRIGGER } from '../db/migrations/0013-work-in-front.ts';
import { ESCALATION_PURGE_TRIGGERS } from '../db/migrations/0021-retention.ts';
import { ESCALATION_KIND_TRIGGERS } from '../db/migrations/0023-reason-kinds.ts';
import { auditRowHash, GENESIS_HASH } from './chain-hash.ts';
import { purgesWithoutAudit, auditChainPage, auditHighestIdUsed, auditIdWithHash, insertAudit, nextAuditLink, triggersOn, type AuditRecord, type ChainedAuditRecord } from './repo.ts';

/** Appends one audit row, chained to the last. Call inside the write's transaction. */
export function appendAudit(db: Connection, record: AuditRecord): void {
  appendAfter(db, record, nextAuditLink(db, GENESIS_HASH));
}

function appendAfter(db: Connection, record: AuditRecord, link: { id: number; prevHash: string }): { id: number; prevHash: string } {
  const hash = auditRowHash({ ...record, ...link });
  insertAudit(db, { ...record, ...link, hash });
  return { id: link.id + 1, prevHash: hash };
}

/**
 * Appends many rows one after another (a bulk import's row per school): the last row's id and
 * hash are read once and carried from row to row instead of read back each time. Nothing else
 * may append between two of its rows; if something did, the log's own trigger refuses the next
 * row and the transaction rolls back, so the chain can never fork.
 */
export function auditAppender(db: Connection): (record: AuditRecord) => void {
  let link: { id: number; prevHash: string } | null = null;
  return (record) => {
    link = appendAfter(db, record, link ?? nextAuditLink(db, GENESIS_HASH));
  };
}

type Table = HistoryFinding['table'];

const LOG_NAME: Record<Table, string> = { audit_log: 'audit log', escalation_entry: 'escalation log' };

/** The triggers of the latest schema. A migration that changes one must change it here too. */
const EXPECTED_TRIGGERS: { name: string; table: Table; sql: string; keeps: string; risk: string; sinceSchema?: number; beforeSchema?: number }[] = [
  ...Object.entries(AUDIT_TRIGGERS).map(([name, sql]) => ({ name, table: 'audit_log' as const, sql, keeps: 'the audit log append-only', risk: 'the audit log could have been changed without LinkDesk' })),
  // Since schema 21 the update trigger lets a recorded retention purge through (0021-retention.ts);
  // since 23 the purge must leave the late reason's kind as it was too (0023-reason-kinds.ts).
  ...Object.entries(ESCALATION_TRIGGERS).map(([name, sql]) => ({
    name, table: 'escalation_entry' as const, sql, keeps: 'the escalation log append-only', risk: 'the escalation log could have been changed without LinkDesk',
    ...(name === 'escalation_entry_no_update' ? { beforeSchema: 21 } : {}),
  })),
  ...Object.entries(ESCALATION_PURGE_TRIGGERS).filter(([name]) => name.startsWith('escalation_entry')).map(([name, sql]) => ({
    name, table: 'escalation_entry' as const, sql, keeps: 'the escalation log append-only', risk: 'the escalation log could have been changed without LinkDesk', sinceSchema: 21, beforeSchema: 23,
  })),
  ...Object.entries(ESCALATION_KIND_TRIGGERS).map(([name, sql]) => ({
    name, table: 'escalation_entry' as const, sql, keeps: 'the escalation log append-only', risk: 'the escalation log could have been changed without LinkDesk', sinceSchema: 23,
  })),
  // Not a guard of the log, but dropped or altered it would let the open escalations drift from it.
  ...Object.entries(ESCALATION_OPEN_TRIGGER).map(([name, sql]) => ({
    name, table: 'escalation_entry' as const, sql, keeps: 'the list of open escalations in step with the escalation log', risk: 'the dashboard could show escalations wrongly as open or closed',
    // A backup made before migration 0013 is checked before it is migrated.
    sinceSchema: 13,
  })),
];

/** Enough to act on; a log rewritten from row 3 would otherwise list every row after it. */
const MAX_FINDINGS = 20;
const PAGE = 1000;

/** Damage to the history: missing or altered triggers, then the audit chain's broken links. */
export function verifyHistory(db: Connection): HistoryFinding[] {
  const findings = [...verifyTriggers(db)];
  if (userVersion(db) >= 21) {
    for (const id of purgesWithoutAudit(db)) {
      findings.push({ kind: 'unrecorded_purge', table: 'escalation_entry', rowId: null, message: `Escalation ${id} was purged, but the audit log has no record of the purge: it was made outside LinkDesk.` });
    }
  }
  try {
    verifyAuditChain(db, findings);
  } catch {
    // A damaged page or a dropped table: say so rather than refuse to open the team's data.
    findings.push({ kind: 'unreadable', table: 'audit_log', rowId: null, message: 'The audit log could not be read to the end, so its history could not be verified. Run a check of the database.' });
  }
  if (findings.length <= MAX_FINDINGS) return findings;
  const more = findings.length - MAX_FINDINGS;
  return [
    ...findings.slice(0, MAX_FINDINGS),
    { kind: 'more', table: 'audit_log', rowId: null, message: `…and ${more} more ${more === 1 ? 'problem' : 'problems'} like these.` },
  ];
}

const normalised = (sql: string | null): string => (sql ?? '').replace(/\s+/g, ' ').trim();

export function verifyTriggers(db: Connection): HistoryFinding[] {
  const present = triggersOn(db, Object.keys(LOG_NAME));
  const findings: HistoryFinding[] = [];
  const schema = userVersion(db);
  for (const expected of EXPECTED_TRIGGERS) {
    if (schema < (expected.sinceSchema ?? 0) || schema >= (expected.beforeSchema ?? Infinity)) continue;
    const found = present.find((t) => t.name === expected.name && t.table === expected.table);
    if (!found) {
      findings.push({
        kind: 'missing_trigger', table: expected.table, rowId: null,
        message: `The trigger ${expected.name}, which keeps ${expected.keeps}, is missing: ${expected.risk}.`,
      });
    } else if (normalised(found.sql) !== normalised(expected.sql)) {
      findings.push({
        kind: 'altered_trigger', table: expected.table, rowId: null,
        message: `The trigger ${expected.name}, which keeps ${expected.keeps}, has been altered: ${expected.risk}.`,
      });
    }
  }
  for (const t of present) {
    if (EXPECTED_TRIGGERS.some((e) => e.name === t.name && e.table === t.table && schema >= (e.sinceSchema ?? 0) && schema < (e.beforeSchema ?? Infinity))) continue;
    const table = t.table as Table;
    findings.push({ kind: 'unexpected_trigger', table, rowId: null, message: `The ${LOG_NAME[table]} has a trigger LinkDesk did not create (${t.name}).` });
  }
  return findings;
}

const rows = (from: number, to: number): string => (from === to ? `row ${from} is` : `rows ${from}–${to} are`);

/**
 * Walks the chain in order of id. One finding per damaged row, of the most telling kind: a
 * gap in the ids (deleted rows), a link to another row (moved, or inserted with a forged
 * hash), a link to no row, contents that no longer match the hash.
 */
function verifyAuditChain(db: Connection, findings: HistoryFinding[]): void {
  let previous: { id: number; hash: string } | null = null;
  for (let page = auditChainPage(db, Number.MIN_SAFE_INTEGER, PAGE); page.length > 0; page = auditChainPage(db, previous?.id ?? 0, PAGE)) {
    for (const row of page) {
      // Past the cap only the count is shown, so the lookup of where a link points is skipped.
      const finding = rowFinding(db, row, previous, findings.length < MAX_FINDINGS);
      if (finding) findings.push(finding);
      previous = { id: row.id, hash: row.hash };
    }
  }
  const highestUsed = auditHighestIdUsed(db);
  const last = previous?.id ?? 0;
  if (highestUsed !== null && highestUsed > last) {
    findings.push({
      kind: 'deleted', table: 'audit_log', rowId: null,
      message: `Audit log ${rows(last + 1, highestUsed)} missing from the end: the log once went up to row ${highestUsed}, so they were deleted.`,
    });
  }
}

function rowFinding(db: Connection, row: ChainedAuditRecord, previous: { id: number; hash: string } | null, lookUp: boolean): HistoryFinding | null {
  const at = (kind: HistoryFinding['kind'], message: string): HistoryFinding => ({ kind, table: 'audit_log', rowId: row.id, message });
  const contentMatches = auditRowHash(row) === row.hash;
  const expectedId = previous ? previous.id + 1 : 1;
  if (row.id > expectedId) {
    const also = contentMatches ? '' : ` Row ${row.id} itself was also changed after it was written.`;
    return at('deleted', `Audit log ${rows(expectedId, row.id - 1)} missing before row ${row.id}: deleted.${also}`);
  }
  const place = previous ? `follows row ${previous.id}` : 'comes first';
  if (row.prevHash !== (previous?.hash ?? GENESIS_HASH)) {
    const chainedAfter = lookUp ? auditIdWithHash(db, row.prevHash) : null;
    if (chainedAfter !== null && chainedAfter !== row.id) {
      return at('out_of_order', `Audit log row ${row.id} is out of order: it was written after row ${chainedAfter} but now ${place}. Rows were moved, or this row was added later with a forged hash.`);
    }
    if (contentMatches) {
      const before = previous ? `row ${previous.id} was rewritten with a new hash, or` : 'rows before it were removed, or';
      return at('broken_link', `Audit log row ${row.id} is not chained to the row before it: ${before} row ${row.id} was added with a forged hash.`);
    }
    return at('forged', `Audit log row ${row.id} matches neither its hash nor its place in the log (it ${place}): it was rewritten or added with a forged hash.`);
  }
  if (!contentMatches) return at('changed', `Audit log row ${row.id} was changed after it was written: its contents no longer match its hash.`);
  return null;
}
