/** The files the trials import: realistic in shape, fictional in content, big enough to kill mid-way. */
import fs from 'node:fs';
import { writeNationalFile } from '../electron/app/testing/gias-files.ts';

export { writeNationalFile };

const FIRST = ['Aisha', 'Ben', 'Chloe', 'Dan', 'Eve', 'Femi', 'Gita', 'Huw', 'Isla', 'Jon', 'Kira', 'Liam', 'Maya', 'Nia', 'Owen', 'Priya', 'Rhys', 'Sian', 'Tom', 'Uma'];
const LAST = ['Adams', 'Bryant', 'Cole', 'Dyer', 'Evans', 'Frost', 'Gill', 'Hale', 'Irwin', 'Jones', 'Kerr', 'Lowe', 'Mann', 'Noor', 'Owusu', 'Pike', 'Quinn', 'Rees', 'Shah', 'Tate'];
const HUBS = ['North', 'Central', 'Coastal'];

/** Workers who are all new to the demo team, so every row adds one person. */
export function writePeopleFile(target: string, count: number): void {
  const lines = ['Name,Role,Email,Phone,Hub,Capacity,Active from'];
  for (let i = 0; i < count; i++) {
    const first = FIRST[i % FIRST.length] ?? 'Alex';
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length] ?? 'Smith';
    const role = i % 15 === 0 ? 'Team Manager' : 'Family Support Worker';
    const capacity = i % 4 === 0 ? String(8 + (i % 7)) : '';
    const email = `${first}.${last}.${i}@trials.example.gov.uk`.toLowerCase();
    lines.push(`${first} ${last},${role},${email},01632 ${String(960000 + i).slice(-6)},${HUBS[i % 3]},${capacity},01/09/2025`);
  }
  fs.writeFileSync(target, `${lines.join('\r\n')}\r\n`);
}

/** A spreadsheet of URN and Hub for schools a GIAS import added with no hub, so every row changes one. */
export function writeHubsFile(target: string, urns: string[]): void {
  const lines = ['URN,Hub', ...urns.map((urn, i) => `${urn},${HUBS[i % HUBS.length] ?? 'North'}`)];
  fs.writeFileSync(target, `${lines.join('\r\n')}\r\n`);
}

/**
 * A bulk allocation of open schools to the demo's workers, each with the county's agreement
 * and a reason (so the load warnings are overridden, as a manager does when rebalancing).
 */
/** The day the trial's bulk allocation takes effect. */
export const ALLOCATIONS_FROM = '2027-09-01';

export function writeAllocationsFile(target: string, urns: string[], workers: string[]): void {
  const lines = ['School URN,Named link worker,Secondary link worker,From,County agreed on,County agreed by,Reason'];
  urns.forEach((urn, i) => {
    const named = workers[i % workers.length] ?? '';
    const secondary = workers[(i + 1) % workers.length] ?? '';
    lines.push(`${urn},${named},${secondary},${ALLOCATIONS_FROM.split('-').reverse().join('/')},01/08/2027,County inclusion lead,Annual rebalancing of the hubs`);
  });
  fs.writeFileSync(target, `${lines.join('\r\n')}\r\n`);
}
