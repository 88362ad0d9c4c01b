/**
 * The demo team's allocations: most schools with a named and a secondary worker from their own
 * hub, the APCs agreed at county level, one declared-connection warning overridden with a
 * reason, two schools still to allocate, and one allocation still held by a worker who left.
 */
import { AllocationProposal, hasBlocking, hasWarnings } from '../../../shared/domain/allocations.ts';
import { SchoolQuery } from '../../../shared/domain/schools.ts';
import { selectCurrentPeriod } from '../allocations/repo.ts';
import { allocate, applyJudged, judgeProposals } from '../allocations/service.ts';
import type { TeamDatabase } from '../db/team-db.ts';
import { write } from '../db/write.ts';
import { selectConnectionsOfPerson } from '../people/repo.ts';
import { deactivatePerson } from '../people/service.ts';
import { listSchools } from '../schools/service.ts';
import type { DemoRegister } from './register.ts';

const FROM = '2026-09-01';
const REASON = 'Allocations for the 2026 to 2027 school year';

export function seedDemoAllocations(db: TeamDatabase, register: DemoRegister): void {
  const ctx = db.writeContext;
  const schools = listSchools(db.db, SchoolQuery.parse({ statuses: ['open', 'open_proposed_to_close', 'proposed_to_open'], sort: 'urn', limit: 1000 })).rows
    // The school that closes at half term is allocated with its story (demo/story.ts).
    .filter((s) => s.urn !== register.closing);
  const leaver = register.people.find((p) => p.name === 'Iris Fenton');
  const fsws = register.people.filter((p) => p.role === 'fsw' && p !== leaver);
  const byHub = new Map<string, typeof fsws>();
  for (const p of fsws) byHub.set(p.hub ?? '', [...(byHub.get(p.hub ?? '') ?? []), p]);

  // Iris held a North school as secondary from last year, and left in July without a handover.
  const held = schools.find((s) => s.hub === 'North' && s.category === 'primary');
  if (leaver && held) {
    allocate(ctx, AllocationProposal.parse({ urn: held.urn, namedId: null, secondaryId: leaver.id, from: '2025-09-01', reason: 'Allocations for the 2025 to 2026 school year', overrideReason: 'Named worker to follow' }));
  }

  // The year's allocation is agreed as one batch, as a team does in July: loads are judged on
  // the whole picture, not school by school.
  const later = new Set(schools.slice(-2).map((s) => s.urn));
  const perHub = new Map<string, number>();
  const candidates = schools.filter((s) => !later.has(s.urn)).map((school) => {
    const team = byHub.get(school.hub ?? '') ?? fsws;
    const k = perHub.get(school.hub ?? '') ?? 0;
    perHub.set(school.hub ?? '', k + 1);
    return { school, team, choice: k };
  });
  const proposalOf = (c: (typeof candidates)[number]) => {
    const named = c.team[c.choice % c.team.length];
    const secondary = c.team[(c.choice + 1) % c.team.length];
    const apc = c.school.category === 'alternative_provision' ? { countyAgreedOn: '2026-07-08', countyAgreedBy: 'County DST team managers meeting' } : {};
    const secondaryId = c.school.urn === held?.urn && leaver ? leaver.id : (secondary?.id ?? null);
    return AllocationProposal.parse({ urn: c.school.urn, namedId: named?.id ?? null, secondaryId, from: FROM, reason: REASON, ...apc });
  };
  let judged = judgeProposals(db.db, candidates.map(proposalOf));
  for (let attempt = 0; attempt < 10 && judged.some((j) => hasBlocking(j.findings)); attempt++) {
    judged.forEach((j, i) => {
      const candidate = candidates[i];
      if (candidate && hasBlocking(j.findings)) candidate.choice++;
    });
    judged = judgeProposals(db.db, candidates.map(proposalOf));
  }
  const accepted = judged
    .filter((j) => !hasBlocking(j.findings))
    .map((j) => (hasWarnings(j.findings) ? { ...j, proposal: { ...j.proposal, overrideReason: 'Agreed at the hub allocation meeting, 10 Jul 2026: loads even out when the new starter takes schools in January' } } : j));
  write(ctx, (audit) => applyJudged(ctx, accepted, audit));
  if (leaver) deactivatePerson(ctx, leaver.id, '2026-07-31');

  // A governor's declared connection, accepted with a recorded reason.
  const ellie = register.people.find((p) => p.name === 'Ellie Watson');
  const governed = ellie ? selectConnectionsOfPerson(db.db, ellie.id).find((c) => c.kind === 'governor_or_trustee') : undefined;
  const secondary = governed ? selectCurrentPeriod(db.db, governed.urn, 'secondary') : undefined;
  if (ellie && governed && secondary && secondary.personId !== ellie.id) {
    allocate(ctx, AllocationProposal.parse({
      urn: governed.urn, namedId: ellie.id, secondaryId: secondary.personId, from: '2026-10-05', reason: 'Swap with the Coastal hub',
      overrideReason: 'Governor role declared in 2022; she takes no casework decisions for the school. Agreed by Grace Bello.',
    }));
  }
}
