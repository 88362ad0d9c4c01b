import { describe, expect, it } from 'vitest';
import type { PlanProposal } from '../../../../../shared/domain/planner.ts';
import { groupByChange, marksFor, movesOf, namedOnMap, project } from './geometry.ts';

const box = { width: 600, height: 400, padding: 20 };

function aProposal(urn: string, change: PlanProposal['change'], named: { now: string | null; then: string | null }, schoolName = `School ${urn}`): PlanProposal {
  return {
    urn, schoolName, hub: 'North', namedId: named.then, namedName: named.then, secondaryId: null, secondaryName: null, from: '2026-09-01',
    current: { namedId: named.now, namedName: named.now, secondaryId: null, secondaryName: null },
    change, terms: [], alternatives: [], warnings: [],
  };
}

describe('the map projection', () => {
  it('puts north at the top and east to the right', () => {
    const { at } = project([{ easting: 400000, northing: 200000 }, { easting: 410000, northing: 210000 }], box);
    const sw = at(400000, 200000);
    const ne = at(410000, 210000);
    expect(ne.x).toBeGreaterThan(sw.x);
    expect(ne.y).toBeLessThan(sw.y);
  });

  it('keeps a kilometre as long east as north, and fits the wider span inside the padding', () => {
    // 20 km east to west, 5 km north to south: the width decides the scale.
    const p = project([{ easting: 400000, northing: 200000 }, { easting: 420000, northing: 205000 }], box);
    const west = p.at(400000, 200000);
    const east = p.at(420000, 200000);
    const north = p.at(400000, 205000);
    expect(west.x).toBeCloseTo(20);
    expect(east.x).toBeCloseTo(580);
    expect(p.perKm).toBeCloseTo(560 / 20);
    expect(west.y - north.y).toBeCloseTo(5 * p.perKm);
    // The narrow axis is centred.
    expect((west.y + north.y) / 2).toBeCloseTo(200);
  });

  it('places a single point in the middle of the box', () => {
    const { at } = project([{ easting: 451000, northing: 261000 }], box);
    expect(at(451000, 261000)).toEqual({ x: 300, y: 200 });
  });
});

describe('marks for workers and hubs', () => {
  it('gives each key a distinct colour and shape pair and its initials, numbered when two share them', () => {
    const keys = Array.from({ length: 40 }, (_, i) => ({ key: `k${i}`, label: i === 1 ? 'Amira Khan' : i === 2 ? 'Adam Kerr' : `Worker ${i}` }));
    const marks = marksFor(keys);
    const pairs = new Set([...marks.values()].map((m) => `${m.colour}/${m.shape}`));
    expect(pairs.size).toBe(40);
    expect(marks.get('k1')?.code).toBe('AK');
    expect(marks.get('k2')?.code).toBe('AK2');
  });

  it('marks a hub by its own name, so Central and Coastal are not both "CH"', () => {
    const marks = marksFor([{ key: 'Central', label: 'Central hub', code: 'Central' }, { key: 'Coastal', label: 'Coastal hub', code: 'Coastal' }]);
    expect([...marks.values()].map((m) => m.code)).toEqual(['Central', 'Coastal']);
  });
});

describe('the plan grouped by change', () => {
  it('groups moved, newly allocated and kept schools, each by name, a pinned one by what it does', () => {
    const groups = groupByChange([
      aProposal('1', 'moved', { now: 'a', then: 'b' }, 'Zeal Primary'),
      aProposal('2', 'new', { now: null, then: 'b' }),
      aProposal('3', 'moved', { now: 'a', then: 'c' }, 'Abbey Primary'),
      aProposal('4', 'kept', { now: 'a', then: 'a' }),
      aProposal('5', 'pinned', { now: 'a', then: 'a' }),
      aProposal('6', 'pinned', { now: null, then: 'b' }),
    ]);
    expect(groups.moved.map((p) => p.schoolName)).toEqual(['Abbey Primary', 'Zeal Primary']);
    expect(groups.newlyAllocated.map((p) => p.urn)).toEqual(['2', '6']);
    expect(groups.kept.map((p) => p.urn)).toEqual(['4', '5']);
  });

  it('draws a move only where the named worker changes, from the old worker (or nobody) to the new', () => {
    const moves = movesOf([aProposal('1', 'moved', { now: 'a', then: 'b' }), aProposal('2', 'new', { now: null, then: 'b' }), aProposal('3', 'moved', { now: 'a', then: 'a' })]);
    expect(moves).toEqual([
      { urn: '1', schoolName: 'School 1', fromId: 'a', toId: 'b', change: 'moved' },
      { urn: '2', schoolName: 'School 2', fromId: null, toId: 'b', change: 'new' },
    ]);
  });

  it('colours a school by the plan’s worker where the plan holds it, even nobody, and by the current worker elsewhere', () => {
    const school = { urn: '1', name: 'A', hub: null, easting: 0, northing: 0, namedId: 'a', namedName: 'A' };
    const plan = new Map([['1', aProposal('1', 'moved', { now: 'a', then: null })]]);
    expect(namedOnMap(school, plan)).toBeNull();
    expect(namedOnMap({ ...school, urn: '2' }, plan)).toBe('a');
    expect(namedOnMap(school, null)).toBe('a');
  });
});
