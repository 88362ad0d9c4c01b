/** What the team manager looks at: the board, each worker's load, the gaps, and history. */
import type { BoardRow, CoverageGaps, LoadReport, WorkerLoad } from '../../../shared/domain/allocations.ts';
import type { SchoolCategory } from '../../../shared/domain/schools.ts';
import type { Connection } from '../db/cipher.ts';
import { getTeam } from '../team/service.ts';
import { selectBoard, selectCurrentPeriods, selectPeriodsOn } from './repo.ts';
import { averageLoad, isActiveOn, loadsOf, readState } from './state.ts';

export function board(db: Connection, today: string, filter: { hub?: string | undefined; category?: SchoolCategory | undefined }): BoardRow[] {
  const hub = filter.hub?.toLowerCase();
  return selectBoard(db, today).filter((r) => (!hub || r.hub?.toLowerCase() === hub) && (!filter.category || r.category === filter.category));
}

export function loadReport(db: Connection, today: string): LoadReport {
  const state = readState(db);
  const { defaultCapacity, fairnessPercent } = getTeam(db).settings;
  // Loads as they stand today: a change scheduled for a later date is not counted yet.
  const inForce = selectPeriodsOn(db, today);
  const named = new Map(inForce.filter((p) => p.role === 'named' && state.schools.get(p.urn)?.status !== 'closed').map((p) => [p.urn, p.personId] as const));
  const loads = loadsOf(state, named);
  const rows = new Map<string, WorkerLoad>();
  for (const w of state.workers.values()) {
    if (!isActiveOn(w, today)) continue;
    rows.set(w.id, { id: w.id, name: w.name, hub: w.hub, capacity: w.capacity ?? defaultCapacity, named: 0, secondary: 0, pupils: loads.get(w.id)?.pupils ?? 0, apcs: 0, byCategory: {} });
  }
  for (const period of inForce) {
    const school = state.schools.get(period.urn);
    const row = rows.get(period.personId);
    if (!school || school.status === 'closed' || !row) continue;
    if (period.role === 'named') {
      row.named++;
      row.byCategory[school.category] = (row.byCategory[school.category] ?? 0) + 1;
    } else row.secondary++;
    if (school.category === 'alternative_provision') row.apcs++;
  }
  const workers = [...rows.values()].sort((a, b) => b.named - a.named || a.name.localeCompare(b.name));
  return { workers, average: averageLoad(state, loads, today), fairnessPercent };
}

export function coverageGaps(db: Connection, today: string): CoverageGaps {
  const rows = selectBoard(db, today);
  const state = readState(db);
  const heldByLeavers = selectCurrentPeriods(db).filter((p) => {
    const worker = state.workers.get(p.personId);
    const school = state.schools.get(p.urn);
    return worker && school?.status !== 'closed' && worker.activeTo !== null && worker.activeTo < today;
  });
  const inConflict = selectCurrentPeriods(db).filter((p) =>
    (state.connectionsBySchool.get(p.urn) ?? []).some((c) => c.personId === p.personId && c.kind === 'own_child_attends' && (c.to === null || c.to >= today)),
  );
  return { withoutNamed: rows.filter((r) => !r.named), withoutSecondary: rows.filter((r) => !r.secondary), heldByLeavers, inConflict };
}
