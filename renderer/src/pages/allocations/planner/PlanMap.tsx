/**
 * The team's schools drawn from their easting and northing (an SVG: no map tiles, nothing
 * fetched), coloured by named worker or by hub with a shape as a second cue, the workers' bases
 * as labelled squares, and a plan's changes of named worker as arrows from the new worker's base.
 * Every school is a focusable link with its whole story as its name; the tables below hold the
 * same data for anyone who cannot use the picture.
 */
import { useId, useState } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import type { MapSchool, PlannerMap, PlanProposal } from '../../../../../shared/domain/planner.ts';
import { Select } from '../../../components/Select.tsx';
import { TableScroll } from '../../../components/TableScroll.tsx';
import { basedWorkers, effectOf, marksFor, nobodyMark, namedOnMap, project, type Mark, type Shape } from './geometry.ts';

const BOX = { width: 880, height: 560, padding: 36 };
const R = 7;

type ColourBy = 'worker' | 'hub';

export function MarkShape({ shape, colour, x, y, r = R, ring = false }: { shape: Shape; colour: string; x: number; y: number; r?: number; ring?: boolean }) {
  const stroke = ring ? { stroke: '#0b0c0c', strokeWidth: 3 } : { stroke: '#ffffff', strokeWidth: 1.5 };
  if (shape === 'square') return <rect x={x - r * 0.85} y={y - r * 0.85} width={r * 1.7} height={r * 1.7} fill={colour} {...stroke} />;
  if (shape === 'triangle') return <polygon points={`${x},${y - r} ${x + r},${y + r * 0.8} ${x - r},${y + r * 0.8}`} fill={colour} {...stroke} />;
  if (shape === 'diamond') return <polygon points={`${x},${y - r} ${x + r},${y} ${x},${y + r} ${x - r},${y}`} fill={colour} {...stroke} />;
  return <circle cx={x} cy={y} r={r * 0.9} fill={colour} {...stroke} />;
}

/** A small SVG of one mark, for the legend and the table, so a colour is never the only cue. */
export function MarkIcon({ mark }: { mark: Mark }) {
  return (
    <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false" className="mark-icon">
      <MarkShape shape={mark.shape} colour={mark.colour} x={9} y={9} r={7} />
    </svg>
  );
}

/** A worker's base: a house, a shape no school mark uses. */
const house = (x: number, y: number, r = 9) => `${x - r},${y + r * 0.8} ${x + r},${y + r * 0.8} ${x + r},${y - r * 0.2} ${x},${y - r} ${x - r},${y - r * 0.2}`;

const km = (a: { easting: number; northing: number }, b: { easting: number; northing: number }) => Math.hypot(a.easting - b.easting, a.northing - b.northing) / 1000;

const EVERY_HUB = '';

export function PlanMap({ map, proposals, hub = null }: { map: PlannerMap; proposals?: readonly PlanProposal[] | null; hub?: string | null }) {
  const [colourBy, setColourBy] = useState<ColourBy>('worker');
  const [area, setArea] = useState<string>(hub ?? EVERY_HUB);
  const ids = { title: useId(), skip: useId(), table: useId() };
  const plan = proposals ? new Map(proposals.map((p) => [p.urn, p] as const)) : null;
  const named = (s: MapSchool) => namedOnMap(s, plan);
  // One hub's schools fill the picture; its bases are its workers' and those of anyone named at its schools.
  const shown = area === EVERY_HUB ? map.schools : map.schools.filter((s) => s.hub === area);
  const shownIds = new Set(shown.flatMap((s) => [named(s), s.namedId]));
  const bases = basedWorkers(map.workers).filter((w) => area === EVERY_HUB || w.hub === area || shownIds.has(w.id));
  const workerMarks = marksFor(map.workers.map((w) => ({ key: w.id, label: w.name })));
  const hubs = [...new Set(map.schools.map((s) => s.hub).filter((h): h is string => h !== null))].sort();
  const hubMarks = marksFor(hubs.map((h) => ({ key: h, label: `${h} hub`, code: h })));
  const nobody = nobodyMark(colourBy === 'worker' ? 'No named link worker' : 'No hub');
  const { at, perKm } = project([...shown, ...bases], BOX);

  const markOf = (s: MapSchool): Mark => (colourBy === 'worker' ? workerMarks.get(named(s) ?? '') : hubMarks.get(s.hub ?? '')) ?? nobody;
  // Names of everyone the map mentions: a school's worker now may have left, so is not among the workers.
  const names = new Map<string, string>([
    ...map.schools.flatMap((s) => (s.namedId && s.namedName ? [[s.namedId, s.namedName] as const] : [])),
    ...(proposals ?? []).flatMap((p) => (p.namedId && p.namedName ? [[p.namedId, p.namedName] as const] : [])),
    ...map.workers.map((w) => [w.id, w.name] as const),
  ]);
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? 'a worker') : 'nobody');
  const changes = (s: MapSchool) => plan !== null && plan.has(s.urn) && named(s) !== s.namedId;
  const story = (s: MapSchool) => {
    const hub = s.hub ? `${s.hub} hub` : 'no hub';
    const now = `named link worker ${nameOf(s.namedId)}`;
    return changes(s) ? `${s.name}, ${hub}: ${now}, in the plan ${nameOf(named(s))}` : `${s.name}, ${hub}: ${now}`;
  };
  const legend = colourBy === 'worker' ? [...workerMarks.values()].filter((m) => shownIds.has(m.key)) : [...hubMarks.values()].filter((m) => shown.some((s) => s.hub === m.key));
  const moving = shown.filter(changes);
  const scaleKm = perKm > 0 ? [1, 2, 5, 10, 20, 50].find((k) => k * perKm >= 80) ?? 50 : 0;

  return (
    <div className="plan-map">
      <RadioGroup className="field radio-group radio-inline" value={colourBy} onChange={(v) => setColourBy(v as ColourBy)}>
        <Label>Colour the schools by</Label>
        <Radio value="worker" className="radio"><span className="radio-circle" aria-hidden="true" />Named link worker{plan ? ' (as planned)' : ''}</Radio>
        <Radio value="hub" className="radio"><span className="radio-circle" aria-hidden="true" />Hub</Radio>
      </RadioGroup>
      <Select label="Show" value={area} onChange={setArea} options={[{ id: EVERY_HUB, label: 'Every hub' }, ...hubs.map((h) => ({ id: h, label: `${h} hub` }))]} />
      <ul className="map-legend" aria-label="Key to the map">
        {legend.map((m) => <li key={m.key}><MarkIcon mark={m} /> {m.label} <span className="muted">({m.code})</span></li>)}
        <li><MarkIcon mark={nobody} /> {nobody.label}</li>
        <li><svg width="18" height="18" aria-hidden="true" focusable="false" className="mark-icon"><polygon points={house(9, 9, 7)} className="map-base" /></svg> A worker’s base, with their initials</li>
        {plan ? <li><svg width="28" height="18" aria-hidden="true" focusable="false" className="mark-icon"><line x1="2" y1="9" x2="20" y2="9" stroke="#0b0c0c" strokeWidth="2.5" markerEnd="url(#map-arrow)" /></svg> The plan gives the school (ringed in black) to the worker at the arrow’s start</li> : null}
      </ul>
      <a className="skip-map" href={`#${ids.table}`} onClick={(e) => { e.preventDefault(); document.getElementById(ids.table)?.focus(); }}>
        Skip the map to its table
      </a>
      <svg className="map" viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="group" aria-labelledby={ids.title}>
        <title id={ids.title}>{`Map of ${shown.length} schools and ${bases.length} workers’ bases, north at the top${plan ? `; ${moving.length} schools change named worker in the plan` : ''}. The tables below hold the same.`}</title>
        <defs>
          <marker id="map-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="11" markerHeight="11" markerUnits="userSpaceOnUse" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill="#0b0c0c" />
          </marker>
        </defs>
        <rect x="0" y="0" width={BOX.width} height={BOX.height} className="map-ground" />
        <g aria-hidden="true">
          {moving.map((s) => {
            const base = bases.find((b) => b.id === named(s));
            if (!base) return null;
            const from = at(base.easting, base.northing);
            const to = at(s.easting, s.northing);
            // Stop short of the school's mark, so the arrow head stays visible.
            const d = Math.hypot(to.x - from.x, to.y - from.y) || 1;
            const end = { x: to.x - ((to.x - from.x) / d) * (R + 4), y: to.y - ((to.y - from.y) / d) * (R + 4) };
            return <line key={`move-${s.urn}`} x1={from.x} y1={from.y} x2={end.x} y2={end.y} className="map-move" markerEnd="url(#map-arrow)" />;
          })}
        </g>
        <g aria-hidden="true">
          {bases.map((w) => {
            const p = at(w.easting, w.northing);
            return <polygon key={`base-${w.id}`} points={house(p.x, p.y)} className="map-base" />;
          })}
        </g>
        {shown.map((s) => {
          const p = at(s.easting, s.northing);
          const m = markOf(s);
          return (
            <a key={s.urn} href={`#/allocations/${s.urn}`} aria-label={story(s)} className="map-point">
              <MarkShape shape={m.shape} colour={m.colour} x={p.x} y={p.y} ring={changes(s)} />
            </a>
          );
        })}
        <g aria-hidden="true">
          {bases.map((w) => {
            const p = at(w.easting, w.northing);
            return <text key={`label-${w.id}`} x={p.x + 11} y={p.y - 6} className="map-base-label">{workerMarks.get(w.id)?.code ?? '?'}</text>;
          })}
          {scaleKm ? (
            <g>
              <line x1={BOX.padding} x2={BOX.padding + scaleKm * perKm} y1={BOX.height - 14} y2={BOX.height - 14} className="map-scale" />
              <text x={BOX.padding} y={BOX.height - 20} className="map-base-label">{scaleKm} km</text>
              <text x={BOX.width - 24} y={26} className="map-base-label" textAnchor="middle">N ↑</text>
            </g>
          ) : null}
        </g>
      </svg>
      {map.unplaced > 0 ? <p className="muted">{map.unplaced} open schools in scope have no easting and northing, so are in neither the map nor its table; a GIAS import gives them one.</p> : null}
      <MapTables id={ids.table} map={map} shown={shown} plan={plan} nameOf={nameOf} named={named} markOf={markOf} changes={changes} />
    </div>
  );
}

interface MapTablesProps {
  id: string;
  map: PlannerMap;
  shown: MapSchool[];
  plan: ReadonlyMap<string, PlanProposal> | null;
  nameOf: (id: string | null) => string;
  named: (s: MapSchool) => string | null;
  markOf: (s: MapSchool) => Mark;
  changes: (s: MapSchool) => boolean;
}

function MapTables({ id, map, shown, plan, nameOf, named, markOf, changes }: MapTablesProps) {
  // The map draws the named worker; the table says too when only the secondary changes.
  const inThePlan = (s: MapSchool, p: PlanProposal | undefined) => {
    if (!p) return 'Not in the plan';
    if (changes(s)) return <strong>{nameOf(named(s))}</strong>;
    return effectOf(p) === 'kept' ? 'Kept' : `Named kept; secondary ${p.secondaryName ?? 'nobody'}`;
  };
  const workerById = new Map(map.workers.map((w) => [w.id, w] as const));
  const distance = (s: MapSchool) => {
    const w = workerById.get(named(s) ?? '');
    return w && w.easting !== null && w.northing !== null ? km(s, { easting: w.easting, northing: w.northing }).toFixed(1) : '–';
  };
  return (
    <>
      <TableScroll className="table-scroller" label="The map’s schools" id={id}>
        <table className="table">
          <caption>The map’s schools{plan ? ', with the plan' : ''}</caption>
          <thead>
            <tr>
              <th scope="col">School</th>
              <th scope="col">Hub</th>
              <th scope="col">Named link worker now</th>
              {plan ? <th scope="col">In the plan</th> : null}
              <th scope="col">Mark</th>
              <th scope="col">Easting, northing</th>
              <th scope="col">Km from the named worker’s base</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((s) => (
              <tr key={s.urn}>
                <th scope="row">{s.name}</th>
                <td>{s.hub ?? '–'}</td>
                <td>{nameOf(s.namedId)}</td>
                {plan ? <td>{inThePlan(s, plan.get(s.urn))}</td> : null}
                <td className="nowrap"><MarkIcon mark={markOf(s)} /> {markOf(s).code}</td>
                <td>{s.easting.toLocaleString('en-GB')}, {s.northing.toLocaleString('en-GB')}</td>
                <td>{distance(s)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <TableScroll>
      <table className="table map-bases">
        <caption>The workers’ bases</caption>
        <thead>
          <tr><th scope="col">Worker</th><th scope="col">Hub</th><th scope="col">Base (easting, northing)</th><th scope="col">Named schools on the map</th></tr>
        </thead>
        <tbody>
          {map.workers.map((w) => (
            <tr key={w.id}>
              <th scope="row">{w.name}</th>
              <td>{w.hub ?? '–'}</td>
              <td>{w.easting !== null && w.northing !== null ? `${w.easting.toLocaleString('en-GB')}, ${w.northing.toLocaleString('en-GB')}` : 'No base recorded'}</td>
              <td>{map.schools.filter((s) => named(s) === w.id).length}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
    </>
  );
}
