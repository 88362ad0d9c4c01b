/**
 * The team's map as the planner sees it: every open school in scope with its place on the
 * British National Grid and its named worker now, and each active Family Support Worker's base.
 * Read afresh each time, so the map shows an applied plan as soon as it is saved.
 */
import type { MapSchool, MapWorker, PlannerMap } from '../../../shared/domain/planner.ts';
import { localDay } from '../../../shared/format.ts';
import { isActiveOn, readState } from '../allocations/state.ts';
import type { WriteContext } from '../db/write.ts';
import { selectPlannerSchools, selectPlannerWorkers } from './repo.ts';

export function plannerMap(ctx: WriteContext): PlannerMap {
  const today = localDay(ctx.now());
  const state = readState(ctx.db);
  const places = selectPlannerSchools(ctx.db);
  const schools: MapSchool[] = [];
  let unplaced = 0;
  for (const row of places) {
    const school = state.schools.get(row.urn);
    if (!school || school.status === 'closed' || !row.inScope) continue;
    if (row.easting === null || row.northing === null) {
      unplaced++;
      continue;
    }
    const namedId = state.current.get(row.urn)?.named?.personId ?? null;
    schools.push({
      urn: row.urn, name: school.name, hub: school.hub, easting: row.easting, northing: row.northing,
      namedId, namedName: namedId ? (state.workers.get(namedId)?.name ?? null) : null,
    });
  }
  schools.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const bases = new Map(selectPlannerWorkers(ctx.db).map((w) => [w.id, w] as const));
  const workers: MapWorker[] = [...state.workers.values()]
    .filter((w) => w.role === 'fsw' && isActiveOn(w, today))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
    .map((w) => ({ id: w.id, name: w.name, hub: w.hub, easting: bases.get(w.id)?.baseEasting ?? null, northing: bases.get(w.id)?.baseNorthing ?? null }));
  return { schools, workers, unplaced };
}
