/** The demo team's documents: the Word record of its latest consultation, already in the team folder. */
import type { TeamDatabase } from '../db/team-db.ts';
import { selectProducible } from '../documents/repo.ts';
import { createMeetingRecord } from '../documents/word-records.ts';

export function seedDemoDocuments(db: TeamDatabase): void {
  const consultation = selectProducible(db.db).find((p) => p.kind === 'consultation');
  if (consultation) createMeetingRecord(db.writeContext, { kind: 'consultation', id: consultation.id });
}
