/** Checking a full reallocation: 2,000 schools among 100 workers, judged as one batch. */
import path from 'node:path';
import { AllocationProposal } from '../shared/domain/allocations.ts';
import { NewSchool } from '../shared/domain/schools.ts';
import { PersonFields } from '../shared/domain/people.ts';
import { judgeProposals } from '../electron/app/allocations/service.ts';
import { createTeamDatabase } from '../electron/app/db/team-db.ts';
import { write } from '../electron/app/db/write.ts';
import { applyJudged } from '../electron/app/allocations/service.ts';
import { createPerson } from '../electron/app/people/service.ts';
import { addSchool } from '../electron/app/schools/service.ts';
import { benchDir, median, ms, printSection, timeIt, type Results } from './harness.ts';

const SCHOOLS = 2000;
const WORKERS = 100;

export function benchAllocations(): Results {
  const db = createTeamDatabase({ path: path.join(benchDir(), 'alloc.linkdesk'), passphrase: 'benchmark passphrase 2026', user: 'Bench', teamName: 'Bench', localAuthority: 'Benchshire' });
  const ctx = db.writeContext;
  db.db.transaction(() => {
    for (let i = 0; i < SCHOOLS; i++) {
      addSchool(ctx, NewSchool.parse({ urn: String(300000 + i), name: `School ${i}`, establishmentType: i % 50 === 0 ? 'Pupil referral unit' : 'Community school', phase: 'Primary', laCode: '999', laName: 'Benchshire', pupils: 100 + (i % 900) }));
    }
  })();
  const workers = Array.from({ length: WORKERS }, (_, i) =>
    createPerson(ctx, PersonFields.parse({ name: `Worker ${i}`, role: 'fsw', email: `w${i}@bench.example.gov.uk`, phone: '', hub: '', activeFrom: '2020-01-01', capacity: 30 })),
  );
  const proposals = (shift: number) =>
    Array.from({ length: SCHOOLS }, (_, i) =>
      AllocationProposal.parse({
        urn: String(300000 + i),
        namedId: workers[(i + shift) % WORKERS]?.id ?? null,
        secondaryId: workers[(i + shift + 1) % WORKERS]?.id ?? null,
        from: `2026-09-${String(1 + shift).padStart(2, '0')}`,
        countyAgreedOn: '2026-07-01',
        countyAgreedBy: 'County meeting',
        overrideReason: 'Bench',
      }),
    );
  const first = judgeProposals(db.db, proposals(0));
  const applyFirst = timeIt(() => write(ctx, (audit) => applyJudged(ctx, first, audit)));
  const checks: number[] = [];
  for (let run = 0; run < 7; run++) checks.push(timeIt(() => judgeProposals(db.db, proposals(1))));
  const second = judgeProposals(db.db, proposals(1));
  const applySecond = timeIt(() => write(ctx, (audit) => applyJudged(ctx, second, audit)));
  db.close();
  printSection(`Allocation: a full reallocation of ${SCHOOLS.toLocaleString('en-GB')} schools among ${WORKERS} workers`, [
    { name: 'check every rule for the whole batch', value: ms(median(checks)), note: 'median of 7' },
    { name: 'apply the first allocation (4,000 periods, audited)', value: ms(applyFirst) },
    { name: 'apply the reallocation (close 4,000, open 4,000)', value: ms(applySecond) },
  ]);
  return { allocation_check_batch_ms: median(checks), allocation_apply_batch_ms: applySecond };
}
