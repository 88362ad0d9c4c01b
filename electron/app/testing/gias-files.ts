/** GIAS files for tests and benchmarks: the real fixtures, and edited or national-size copies of them. */
import fs from 'node:fs';
import path from 'node:path';

/** The repository's own copies of the public GIAS files (fixtures/README.md says where they come from). */
export const GIAS_FIXTURES = path.resolve(import.meta.dirname, '..', '..', '..', 'fixtures', 'gias');
export const GIAS_2021 = path.join(GIAS_FIXTURES, 'edubase-2021-camden-wales-99rows-cp1252.csv');
export const GIAS_2024 = path.join(GIAS_FIXTURES, 'edubase-2024-8rows.csv');

const decoder = new TextDecoder('windows-1252');

/** The fixture's text (decoded from Windows-1252). */
export function fixtureText(file: string): string {
  return decoder.decode(fs.readFileSync(file));
}

/** Characters Windows-1252 can hold, encoded as GIAS does. */
export function encodeWindows1252(text: string): Buffer {
  const bytes: number[] = [];
  const table = new Map<string, number>();
  for (let b = 0x80; b <= 0xff; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0x3f;
    bytes.push(code < 0x80 ? code : (table.get(ch) ?? 0x3f));
  }
  return Buffer.from(bytes);
}

/** Splits a CSV text into records, keeping quoted line breaks inside their record. */
export function csvRecords(text: string): string[] {
  const records: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if ((ch === '\n') && !quoted) {
      records.push(current.replace(/\r$/, ''));
      current = '';
    } else current += ch;
  }
  if (current) records.push(current);
  return records;
}

/**
 * A national-size file: the fixture's rows repeated with fresh URNs (and LA codes spread
 * over many authorities) until `rows` rows, written in Windows-1252.
 */
export function writeNationalFile(target: string, rows: number): { bytes: number; laCodes: string[] } {
  const [header, ...data] = csvRecords(fixtureText(GIAS_2021));
  const out = fs.openSync(target, 'w');
  const laCodes = new Set<string>();
  try {
    fs.writeSync(out, encodeWindows1252(`${header}\r\n`));
    let chunk = '';
    for (let i = 0; i < rows; i++) {
      const source = data[i % data.length] ?? '';
      const urn = String(200000 + i);
      const la = String(300 + (i % 150));
      laCodes.add(la);
      const comma = source.indexOf(',');
      const rest = source.slice(comma + 1);
      const second = rest.indexOf(',');
      chunk += `${urn},${la}${rest.slice(second)}\r\n`;
      if (chunk.length > 1_000_000) {
        fs.writeSync(out, encodeWindows1252(chunk));
        chunk = '';
      }
    }
    fs.writeSync(out, encodeWindows1252(chunk));
  } finally {
    fs.closeSync(out);
  }
  return { bytes: fs.statSync(target).size, laCodes: [...laCodes] };
}

/** Writes an edited copy of a fixture: `edit` gets each data record and its index. */
export function writeEditedFixture(source: string, target: string, edit: (record: string, index: number) => string | null): void {
  const [header, ...data] = csvRecords(fixtureText(source));
  const kept = data.map(edit).filter((r): r is string => r !== null);
  fs.writeFileSync(target, encodeWindows1252(`${[header, ...kept].join('\r\n')}\r\n`));
}
