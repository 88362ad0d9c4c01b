/**
 * The audit log's hash chain: what each row's hash covers. Changing anything here would make
 * every existing chain look tampered with, so the encoding carries a version tag and must
 * never change; a new encoding would be a new tag, and the verifier would accept both.
 */
import { createHash } from 'node:crypto';

/** The `prev_hash` of the first row: there is no row before it. */
export const GENESIS_HASH = '0'.repeat(64);

const ENCODING_TAG = 'linkdesk-audit-v1';

export interface ChainedFields {
  id: number;
  at: string;
  actor: string;
  entity: string;
  entityId: string | null;
  action: string;
  summary: string | null;
  prevHash: string;
}

/**
 * JSON of a fixed-order array: unambiguous (strings are quoted and escaped, null is not
 * "null"), the same in every JavaScript engine, and easy to reproduce in any language.
 * The id is included, so moving a row to another id shows too.
 */
export function canonicalEncoding(f: ChainedFields): string {
  return JSON.stringify([ENCODING_TAG, f.id, f.at, f.actor, f.entity, f.entityId, f.action, f.summary, f.prevHash]);
}

export function auditRowHash(f: ChainedFields): string {
  return createHash('sha256').update(canonicalEncoding(f), 'utf8').digest('hex');
}
