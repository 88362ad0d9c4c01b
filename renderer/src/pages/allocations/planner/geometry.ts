/**
 * Pure helpers of the Planner screen and its map: where a point of the British National Grid
 * falls in the SVG (north up, one scale for both axes so distances are true), the colour and
 * shape that mark a worker or a hub, and the plan's proposals grouped by what changes.
 */
import type { MapSchool, MapWorker, PlanChange, PlanProposal } from '../../../../../shared/domain/planner.ts';

export interface Box {
  width: number;
  height: number;
  padding: number;
}

export interface Projection {
  /** SVG x and y of an easting and northing, in metres. */
  at: (easting: number, northing: number) => { x: number; y: number };
  /** SVG units per kilometre, for a scale bar. */
  perKm: number;
}

/**
 * Fits every point into the box with its padding, keeping the aspect (a kilometre is as long
 * east as north) and putting north at the top; a single point, or none, sits in the middle.
 */
export function project(points: readonly { easting: number; northing: number }[], box: Box): Projection {
  const inner = { width: box.width - 2 * box.padding, height: box.height - 2 * box.padding };
  if (points.length === 0) return { at: () => ({ x: box.width / 2, y: box.height / 2 }), perKm: 0 };
  const es = points.map((p) => p.easting);
  const ns = points.map((p) => p.northing);
  const minE = Math.min(...es);
  const maxE = Math.max(...es);
  const minN = Math.min(...ns);
  const maxN = Math.max(...ns);
  const spanE = maxE - minE;
  const spanN = maxN - minN;
  // Metres per SVG unit: whichever axis needs more room decides, so the other is centred.
  const scale = Math.max(spanE / inner.width, spanN / inner.height) || 1;
  const offsetX = box.padding + (inner.width - spanE / scale) / 2;
  const offsetY = box.padding + (inner.height - spanN / scale) / 2;
  return {
    at: (easting, northing) => ({ x: offsetX + (easting - minE) / scale, y: offsetY + (maxN - northing) / scale }),
    perKm: 1000 / scale,
  };
}

/** Colours that keep at least 3:1 against white (WCAG 1.4.11), told apart also by shape. */
export const PALETTE = ['#1d70b8', '#d4351c', '#00703c', '#4c2c92', '#b58840', '#912b88', '#28a197', '#c2185b', '#5694ca', '#85670c'] as const;
export const SHAPES = ['circle', 'square', 'triangle', 'diamond'] as const;
export type Shape = (typeof SHAPES)[number];

export interface Mark {
  key: string;
  label: string;
  colour: string;
  shape: Shape;
  /** A short letter code drawn beside the key, the cue that survives greyscale and colour blindness. */
  code: string;
}

const NONE_MARK: Omit<Mark, 'key' | 'label'> = { colour: '#6f777b', shape: 'circle', code: '–' };

/**
 * One mark per key in the order given (workers by name, hubs by name): the shape steps on by
 * one more each time the colours come round, so the first 40 keys have distinct pairs; the code is the one
 * given (a hub's name) or the initials, numbered when two keys share them.
 */
export function marksFor(keys: readonly { key: string; label: string; code?: string }[]): Map<string, Mark> {
  const marks = new Map<string, Mark>();
  const seen = new Map<string, number>();
  keys.forEach(({ key, label, code }, i) => {
    const initials = code ?? (label.split(/\s+/).filter(Boolean).map((w) => w[0]?.toUpperCase() ?? '').join('').slice(0, 3) || '?');
    const n = (seen.get(initials) ?? 0) + 1;
    seen.set(initials, n);
    marks.set(key, {
      key, label,
      colour: PALETTE[i % PALETTE.length] ?? '#1d70b8',
      shape: SHAPES[(i + Math.floor(i / PALETTE.length)) % SHAPES.length] ?? 'circle',
      code: n === 1 ? initials : `${initials}${n}`,
    });
  });
  return marks;
}

export const nobodyMark = (label: string): Mark => ({ key: '', label, ...NONE_MARK });

/** The plan's moves on the map: for each school that changes named worker, from the old base (or none) to the new. */
export interface MapMove {
  urn: string;
  schoolName: string;
  fromId: string | null;
  toId: string | null;
  change: PlanChange;
}

export function movesOf(proposals: readonly PlanProposal[]): MapMove[] {
  return proposals
    .filter((p) => p.namedId !== p.current.namedId)
    .map((p) => ({ urn: p.urn, schoolName: p.schoolName, fromId: p.current.namedId, toId: p.namedId, change: p.change }));
}

/** The school's named worker as the map shows it: the plan's where there is one, otherwise the current. */
export function namedOnMap(school: MapSchool, plan: ReadonlyMap<string, PlanProposal> | null): string | null {
  return plan?.get(school.urn)?.namedId ?? (plan?.has(school.urn) ? null : school.namedId);
}

export interface DiffGroups {
  moved: PlanProposal[];
  newlyAllocated: PlanProposal[];
  kept: PlanProposal[];
}

/** What the plan does to a school's roles: a pinned school too moves, is new or is kept. */
export function effectOf(p: PlanProposal): 'moved' | 'new' | 'kept' {
  const roles = [[p.current.namedId, p.namedId], [p.current.secondaryId, p.secondaryId]] as const;
  if (roles.every(([was, will]) => was === will)) return 'kept';
  return roles.some(([was, will]) => was !== null && was !== will) ? 'moved' : 'new';
}

/** The proposals by what happens to them (a pinned one by its effect), each group in school name order. */
export function groupByChange(proposals: readonly PlanProposal[]): DiffGroups {
  const sorted = [...proposals].sort((a, b) => a.schoolName.localeCompare(b.schoolName, 'en-GB'));
  return {
    moved: sorted.filter((p) => effectOf(p) === 'moved'),
    newlyAllocated: sorted.filter((p) => effectOf(p) === 'new'),
    kept: sorted.filter((p) => effectOf(p) === 'kept'),
  };
}

/** Workers with a base, for drawing; those without are listed in the table only. */
export const basedWorkers = (workers: readonly MapWorker[]) =>
  workers.filter((w): w is MapWorker & { easting: number; northing: number } => w.easting !== null && w.northing !== null);
