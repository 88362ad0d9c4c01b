/**
 * The check a Word record must pass: no child reference that looks like a name and no likely
 * full name in the notes, unless a person confirmed it is not a child's name. Loaded with
 * word-records.ts, so the forename list is read only when a record is first made.
 */
import { consultationFindings, NOT_FORENAMES, unconfirmedFindings, visitRecordFindings, describeFindings, type NameFinding } from '../../../shared/domain/child-names.ts';
import { FORENAME_LIST } from '../../../shared/domain/forename-list.ts';
import { KEY_AREA_LABELS } from '../../../shared/domain/records.ts';
import type { RecordKind } from '../../../shared/domain/documents.ts';
import { AppError } from '../../../shared/errors.ts';
import type { Connection } from '../db/cipher.ts';
import { selectConsultation, selectVisitRecord } from '../records/repo.ts';

let names: ReadonlySet<string> | undefined;
function forenames(): ReadonlySet<string> {
  names ??= new Set(FORENAME_LIST.split(' ').filter((n) => !NOT_FORENAMES.has(n)));
  return names;
}

/** The findings of the saved record (the newest version of a visit record) that nobody has confirmed. */
export function unconfirmedNames(db: Connection, kind: RecordKind, id: string): NameFinding[] {
  if (kind === 'visit_record') {
    const record = selectVisitRecord(db, id);
    return record ? unconfirmedFindings(visitRecordFindings(record, forenames()), record.confirmedNotNames) : [];
  }
  const consultation = selectConsultation(db, id);
  return consultation ? unconfirmedFindings(consultationFindings(consultation, forenames(), KEY_AREA_LABELS), consultation.confirmedNotNames) : [];
}

/** Refuses the Word record, listing what is left, while anything is unconfirmed: a record on the shared drive is never taken back. */
export function assertNoUnconfirmedNames(db: Connection, kind: RecordKind, id: string): void {
  const left = unconfirmedNames(db, kind, id);
  if (left.length === 0) return;
  const what = kind === 'visit_record' ? 'visit record' : 'consultation';
  throw new AppError(
    'invalid_input',
    `The Word record was not made: the ${what} may name a child. Correct each of these to initials, or confirm it is not a child’s name, and save the ${what}; then make the Word record. ${describeFindings(left).join('; ')}.`,
    { unconfirmed: left },
  );
}
