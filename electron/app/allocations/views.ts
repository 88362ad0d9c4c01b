/** What the team manager looks at: the board, each worker's load, the gaps, and history. */
import type { BoardRow, CoverageGaps, LoadReport, WorkerLoad } from '../../../shared/domain/allocations.ts';
import type { SchoolCategory } from '../../../shared/domain/schools.ts';
import type { Connection } from '../db/cipher.ts';
import { getTeam } from '../team/service.ts';
import { selectBoard, selectCurrentPeriods } from './repo.ts';
import { averageLoad, isActiveOn, loadsOf, namedAfter, readState } from './state.ts';

export function board(db: Connection, filter: { hub?: string | undefined; category?: SchoolCategory | undefined }): BoardRow[] {
  return selectBoard(db).filter((r) => (!filter.hub || r.hub === filter.hub) && (!filter.category || r.category === filter.category));
}

export function loadReport(db: Connection, today: string): LoadReport {
  const state = readState(db);
  const { defaultCapacity, fairnessPercent } = getTeam(db).settings;
  const loads = loadsOf(state, namedAfter(state, new Map()));
  const rows = new Map<string, WorkerLoad>();
  for (const w of state.workers.values()) {
    if (!isActiveOn(w, today)) continue;
    rows.set(w.id, { id: w.id, name: w.name, hub: w.hub, capacity: w.capacity ?? defaultCapacity, named: 0, secondary: 0, pupils: loads.get(w.id)?.pupils ?? 0, apcs: 0, byCategory: {} });
  }
  for (const [urn, roles] of state.current) {
    const school = state.schools.get(urn);
    if (!school || school.status === 'closed') continue;
    for (const period of Object.values(roles)) {
      const row = rows.get(period.personId);
      if (!row) continue;
      if (period.role === 'named') {
        row.named++;
        row.byCategory[school.category] = (row.byCategory[school.category] ?? 0) + 1;
      } else row.secondary++;
      if (school.category === 'alternative_provision') row.apcs++;
    }
  }
  const workers = [...rows.values()].sort((a, b) => b.named - a.named || a.name.localeCompare(b.name));
  return { workers, average: averageLoad(state, loads, today), fairnessPercent };
}

export function coverageGaps(db: Connection, today: string): CoverageGaps {
  const rows = selectBoard(db);
  const state = readState(db);
  const heldByLeavers = selectCurrentPeriods(db).filter((p) => {
    const worker = state.workers.get(p.personId);
    const school = state.schools.get(p.urn);
    return worker && school?.status !== 'closed' && worker.activeTo !== null && worker.activeTo < today;
  });
  return { withoutNamed: rows.filter((r) => !r.named), withoutSecondary: rows.filter((r) => !r.secondary), heldByLeavers };
}
