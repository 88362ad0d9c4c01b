/**
 * What a GIAS import does with each row, decided a batch at a time against the schools of that
 * batch's URNs, and what the preview lists: the counts complete, each list its first entries.
 */
import type { FieldChange, GiasPreview } from '../../../shared/domain/imports.ts';
import { PREVIEW_LIST_LIMIT } from '../../../shared/domain/imports.ts';
import type { Connection } from '../db/cipher.ts';
import type { GiasReadResult, GiasRecord } from './gias-reader.ts';
import { GIAS_FIELDS, selectGiasFactsOf, type GiasFacts } from './repo.ts';

export interface PlannedUpdate {
  record: GiasRecord;
  closing: boolean;
}

function changesBetween(before: GiasFacts, after: GiasFacts): FieldChange[] {
  return GIAS_FIELDS.filter((f) => (before[f] ?? null) !== (after[f] ?? null)).map((f) => ({ field: f, from: before[f] ?? null, to: after[f] ?? null }));
}

const entryOf = ({ row, facts }: GiasRecord) => ({ row, urn: facts.urn, name: facts.name });

export class GiasPlan {
  /**
   * @param withLists whether to list the first schools of each kind (the preview); an import
   * applied only counts. A listed name is a slice of the text it was read from, and keeping it
   * keeps that text: listing 1,500 schools held 2 MB of the file and grew V8's young generation.
   */
  constructor(private readonly withLists: boolean) {}

  private readonly tally = { added: 0, updated: 0, unchanged: 0, skipped: 0, closing: 0 };
  private readonly added: GiasPreview['added'] = [];
  private readonly updated: GiasPreview['updated'] = [];
  private readonly skipped: GiasPreview['skipped'] = [];

  /** Sorts a batch of good rows into schools to add and schools to update; the rest are counted. */
  compare(db: Connection, records: GiasRecord[]): { add: GiasRecord[]; update: PlannedUpdate[] } {
    const existing = selectGiasFactsOf(db, records.map((r) => r.facts.urn));
    const add: GiasRecord[] = [];
    const update: PlannedUpdate[] = [];
    const room = (list: unknown[]) => this.withLists && list.length < PREVIEW_LIST_LIMIT;
    for (const record of records) {
      const { facts } = record;
      const before = existing.get(facts.urn);
      if (!before) {
        if (facts.status === 'closed') {
          this.tally.skipped++;
          if (room(this.skipped)) this.skipped.push({ ...entryOf(record), reason: 'Closed in GIAS and not in LinkDesk' });
        } else {
          this.tally.added++;
          add.push(record);
          if (room(this.added)) this.added.push(entryOf(record));
        }
        continue;
      }
      // A school the team has closed stays closed even while GIAS still lists it as open.
      if (before.status === 'closed' && facts.status !== 'closed') {
        record.facts = { ...facts, status: 'closed', closedOn: before.closedOn };
      }
      const changes = changesBetween(before, record.facts);
      if (changes.length === 0) {
        this.tally.unchanged++;
        continue;
      }
      const closing = before.status !== 'closed' && record.facts.status === 'closed';
      this.tally.updated++;
      if (closing) this.tally.closing++;
      update.push({ record, closing });
      if (room(this.updated)) this.updated.push({ ...entryOf(record), changes, closing });
    }
    return { add, update };
  }

  counts(read: GiasReadResult): GiasPreview['counts'] {
    return { ...this.tally, errors: read.errorCount, filteredOut: read.filteredOut };
  }

  preview(file: GiasPreview['file'], read: GiasReadResult): GiasPreview {
    return { file, counts: this.counts(read), added: this.added, updated: this.updated, skipped: this.skipped, errors: read.errors };
  }
}
