/** Documents: one Word meeting record (fill, write, record), and the SPOC list for 1,000 schools. */
import path from 'node:path';
import { AllocationProposal } from '../shared/domain/allocations.ts';
import { PersonFields } from '../shared/domain/people.ts';
import { NewSchool } from '../shared/domain/schools.ts';
import { applyJudged, judgeProposals } from '../electron/app/allocations/service.ts';
import { createDemoDatabase } from '../electron/app/demo/demo.ts';
import { createTeamDatabase } from '../electron/app/db/team-db.ts';
import { write } from '../electron/app/db/write.ts';
import { selectProducible } from '../electron/app/documents/repo.ts';
import { createMeetingRecord } from '../electron/app/documents/word-records.ts';
import { buildSpocList } from '../electron/app/documents/spoc-list.ts';
import { createPerson } from '../electron/app/people/service.ts';
import { addSchool } from '../electron/app/schools/service.ts';
import { benchDir, median, ms, printSection, timeIt, timeItAsync, type Results } from './harness.ts';

const SCHOOLS = 1000;
const WORKERS = 60;

export async function benchDocuments(): Promise<Results> {
  const demo = createDemoDatabase(path.join(benchDir(), 'demo.linkdesk'), 'benchmark passphrase 2026', 'Bench');
  const visit = selectProducible(demo.db).find((p) => p.kind === 'visit');
  if (!visit) throw new Error('the demo has a visit record');
  const records: number[] = [];
  for (let run = 0; run < 9; run++) records.push(timeIt(() => createMeetingRecord(demo.writeContext, { kind: 'visit', id: visit.id })));
  demo.close();

  const db = createTeamDatabase({ path: path.join(benchDir(), 'spoc.linkdesk'), passphrase: 'benchmark passphrase 2026', user: 'Bench', teamName: 'Bench', localAuthority: 'Benchshire' });
  const ctx = db.writeContext;
  db.db.transaction(() => {
    for (let i = 0; i < SCHOOLS; i++) {
      addSchool(ctx, NewSchool.parse({ urn: String(400000 + i), name: `School ${i}`, establishmentType: 'Community school', phase: 'Primary', laCode: '999', laName: 'Benchshire', pupils: 200 }));
    }
  })();
  const workers = Array.from({ length: WORKERS }, (_, i) =>
    createPerson(ctx, PersonFields.parse({ name: `Worker ${i}`, role: i < 4 ? 'team_manager' : 'fsw', email: `w${i}@bench.example.gov.uk`, phone: '01632 960000', hub: '', activeFrom: '2020-01-01', capacity: 40 })),
  );
  const judged = judgeProposals(
    db.db,
    Array.from({ length: SCHOOLS }, (_, i) =>
      AllocationProposal.parse({ urn: String(400000 + i), namedId: workers[4 + (i % 56)]?.id ?? null, secondaryId: workers[4 + ((i + 1) % 56)]?.id ?? null, from: '2026-09-01', overrideReason: 'Bench' }),
    ),
  );
  write(ctx, (audit) => applyJudged(ctx, judged, audit));
  const lists: number[] = [];
  let bytes = 0;
  for (let run = 0; run < 5; run++) lists.push(await timeItAsync(async () => (bytes = (await buildSpocList(db.db, '2026-11-24')).bytes.length)));
  db.close();
  printSection('Documents', [
    { name: 'one SPOC visit meeting record (fill the .docx, write it, record it)', value: ms(median(records)), note: 'median of 9' },
    { name: `the SPOC list for ${SCHOOLS.toLocaleString('en-GB')} schools (.xlsx)`, value: ms(median(lists)), note: `median of 5, ${Math.round(bytes / 1024)} KB` },
  ]);
  return { meeting_record_ms: median(records), spoc_list_ms: median(lists) };
}
