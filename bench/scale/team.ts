/**
 * The team over the years: workers join and leave, schools are allocated at the start and
 * rebalanced every September, and a leaver's schools move to colleagues from their last day.
 * Allocations go through the rules (judgeProposals) and applyJudged, as the app's bulk import does.
 */
import { AllocationProposal } from '../../shared/domain/allocations.ts';
import type { Person } from '../../shared/domain/people.ts';
import { addDays } from '../../shared/format.ts';
import { applyJudged, judgeProposals } from '../../electron/app/allocations/service.ts';
import { write, type WriteContext } from '../../electron/app/db/write.ts';
import { deactivatePerson } from '../../electron/app/people/service.ts';
import { closeSchool } from '../../electron/app/schools/service.ts';
import { hire, HUBS, type CountySchool } from './register.ts';
import type { Rng } from './rng.ts';

interface Held {
  named: string;
  secondary: string;
}

export class Team {
  readonly workers: Person[] = [];
  readonly managers: Person[] = [];
  private readonly held = new Map<string, Held>();
  private hired = 0;
  closed = new Set<string>();

  constructor(private readonly ctx: WriteContext, private readonly rng: Rng, readonly schools: CountySchool[]) {}

  hireWorker(hub: string, from: string): Person {
    const person = hire(this.ctx, this.rng, ++this.hired, 'fsw', hub, from);
    this.workers.push(person);
    return person;
  }

  hireManager(hub: string, from: string): Person {
    const person = hire(this.ctx, this.rng, ++this.hired, 'team_manager', hub, from);
    this.managers.push(person);
    return person;
  }

  activeOn(date: string, hub?: string): Person[] {
    return this.workers.filter((w) => w.activeFrom <= date && (w.activeTo === null || w.activeTo >= date) && (!hub || w.hub === hub));
  }

  openSchools(): CountySchool[] {
    return this.schools.filter((s) => !this.closed.has(s.urn));
  }

  holderOf(urn: string): Held | undefined {
    return this.held.get(urn);
  }

  private loads(): Map<string, number> {
    const loads = new Map<string, number>();
    for (const h of this.held.values()) loads.set(h.named, (loads.get(h.named) ?? 0) + 1);
    return loads;
  }

  /** The least-loaded active worker of the hub, other than those excluded. */
  private choose(hub: string, date: string, exclude: string[]): string {
    const loads = this.loads();
    const candidates = this.activeOn(date, hub).filter((w) => !exclude.includes(w.id));
    const pool = candidates.length ? candidates : this.activeOn(date).filter((w) => !exclude.includes(w.id));
    pool.sort((a, b) => (loads.get(a.id) ?? 0) - (loads.get(b.id) ?? 0) || a.id.localeCompare(b.id));
    const chosen = pool[0];
    if (!chosen) throw new Error(`nobody active on ${date}`);
    return chosen.id;
  }

  private allocate(date: string, changes: { urn: string; named: string; secondary: string }[]): void {
    if (changes.length === 0) return;
    const apc = (urn: string) => this.schools.find((s) => s.urn === urn)?.category === 'apc';
    const proposals = changes.map((c) =>
      AllocationProposal.parse({
        urn: c.urn, namedId: c.named, secondaryId: c.secondary, from: date, reason: 'Team allocation review', overrideReason: 'Agreed at the team allocation meeting',
        ...(apc(c.urn) ? { countyAgreedOn: addDays(date, -14), countyAgreedBy: 'County DST managers meeting' } : {}),
      }),
    );
    const judged = judgeProposals(this.ctx.db, proposals);
    write(this.ctx, (audit) => applyJudged(this.ctx, judged, audit));
    for (const c of changes) this.held.set(c.urn, { named: c.named, secondary: c.secondary });
  }

  allocateAll(date: string): void {
    const changes = this.openSchools().map((s) => {
      const named = this.choose(s.hub, date, []);
      this.held.set(s.urn, { named, secondary: named });
      return { urn: s.urn, named, secondary: '' };
    });
    for (const c of changes) c.secondary = this.choose(this.schools.find((s) => s.urn === c.urn)?.hub ?? 'North', date, [c.named]);
    this.allocate(date, changes);
  }

  /** The September review moves about one school in eight to even out the loads. */
  review(date: string): void {
    const changes = this.openSchools()
      .filter(() => this.rng.chance(0.12))
      .map((s) => {
        const before = this.held.get(s.urn);
        const named = this.choose(s.hub, date, before ? [before.named] : []);
        const secondary = before && before.secondary !== named ? before.secondary : this.choose(s.hub, date, [named]);
        return { urn: s.urn, named, secondary };
      });
    this.allocate(date, changes);
  }

  /** A worker leaves: their last day is recorded and their schools move to colleagues the next day. */
  leave(worker: Person, lastDay: string): void {
    deactivatePerson(this.ctx, worker.id, lastDay);
    worker.activeTo = lastDay;
    const from = addDays(lastDay, 1);
    const changes = [...this.held.entries()]
      .filter(([urn, h]) => !this.closed.has(urn) && (h.named === worker.id || h.secondary === worker.id))
      .map(([urn, h]) => {
        const hub = this.schools.find((s) => s.urn === urn)?.hub ?? 'North';
        const named = h.named === worker.id ? this.choose(hub, from, [worker.id, h.secondary]) : h.named;
        const secondary = h.secondary === worker.id ? this.choose(hub, from, [worker.id, named]) : h.secondary;
        return { urn, named, secondary };
      });
    this.allocate(from, changes);
  }

  close(school: CountySchool, on: string): void {
    closeSchool(this.ctx, school.urn, on);
    this.closed.add(school.urn);
    this.held.delete(school.urn);
  }

  /** Seven leave a year, in date order, and are replaced a few weeks later. */
  turnover(rng: Rng, yearStart: number, until: string): void {
    const lastDays = Array.from({ length: 7 }, () => addDays(`${yearStart}-10-01`, rng.int(0, 280))).sort();
    for (const lastDay of lastDays) {
      if (lastDay >= until) continue;
      const leaver = rng.pick(this.activeOn(lastDay).filter((w) => w.activeFrom < addDays(lastDay, -60)));
      this.leave(leaver, lastDay);
      this.hireWorker(leaver.hub ?? rng.pick(HUBS), addDays(lastDay, rng.int(14, 40)));
    }
  }
}
