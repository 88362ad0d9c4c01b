/**
 * One measured run in its own process, so its peak memory (maxRSS) is its own:
 * `parse` reads the file with csv-parse alone (the floor); `import` runs LinkDesk's import.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse';
import { createTeamDatabase } from '../electron/app/db/team-db.ts';
import { applyGiasImport } from '../electron/app/schools/gias-import.ts';

const [mode, file] = process.argv.slice(2);
if (!file) throw new Error('usage: gias-child parse|import FILE');
const start = process.hrtime.bigint();
let rows = 0;
if (mode === 'parse') {
  const decoder = new TextDecoder('windows-1252');
  const parser = fs.createReadStream(file).map((chunk: Buffer) => decoder.decode(chunk, { stream: true })).pipe(parse({ relax_column_count: true }));
  parser.on('data', () => rows++);
  await new Promise((resolve, reject) => parser.on('end', resolve).on('error', reject));
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkdesk-bench-'));
  const db = createTeamDatabase({ path: path.join(dir, 'national.linkdesk'), passphrase: 'benchmark passphrase 2026', user: 'Bench', teamName: 'Bench Team', localAuthority: 'Benchshire' });
  const result = await applyGiasImport(db.writeContext, file, [], { applyGoodRows: false });
  rows = result.counts.added + result.counts.skipped;
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
const ms = Number(process.hrtime.bigint() - start) / 1e6;
process.stdout.write(JSON.stringify({ ms, rows, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
