/**
 * Malformed files, as fast-check arbitraries: mutations of a real valid file (bytes, lines,
 * columns, cells, encodings, the parts of a zip package) and files generated from nothing.
 * Each case is a label for the report and a function from the valid file to the bad one.
 */
import fc from 'fast-check';
import PizZip from 'pizzip';
import type { FileKind, Importer } from './importers.ts';
import { xlsx } from './importers.ts';

export interface Mutation {
  label: string;
  make: (seed: Buffer) => Buffer | Promise<Buffer>;
}

const at = (n: number, length: number) => (length === 0 ? 0 : n % length);

// Bytes as a latin1 string: every byte is one character, so edits never re-encode what they do not touch.
const asText = (bytes: Buffer) => bytes.toString('latin1');
const asBytes = (text: string) => Buffer.from(text, 'latin1');
const utf8Chars = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

const ODD_CHARACTERS = ['\u0000', '\r', '\n', '"', ',', ';', '\t', '\u001b', '\u007f', '\u202e', '\u200b', '\ufeff', '\u2028', '\ud83d\ude00', '\u00e9', '\u00a3', '{', '}', '<', '&', '\\'];

const byteMutations: fc.Arbitrary<Mutation>[] = [
  fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 24 }).map((flips) => ({
    label: `${flips.length} bit flips`,
    make: (seed: Buffer) => {
      const out = Buffer.from(seed);
      for (const [pos, bit] of flips) if (out.length) out[at(pos, out.length)] = (out[at(pos, out.length)] ?? 0) ^ (1 << bit);
      return out;
    },
  })),
  fc.nat().map((n) => ({ label: 'truncated', make: (seed: Buffer) => seed.subarray(0, at(n, seed.length)) })),
  fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 64 })).map(([pos, bytes]) => ({
    label: 'random bytes inserted',
    make: (seed: Buffer) => Buffer.concat([seed.subarray(0, at(pos, seed.length)), Buffer.from(bytes), seed.subarray(at(pos, seed.length))]),
  })),
  fc.tuple(fc.nat(), fc.nat({ max: 4096 })).map(([pos, length]) => ({
    label: 'a slice removed',
    make: (seed: Buffer) => Buffer.concat([seed.subarray(0, at(pos, seed.length)), seed.subarray(at(pos, seed.length) + length)]),
  })),
  fc.tuple(fc.nat(), fc.nat({ max: 2048 }), fc.integer({ min: 1, max: 200 })).map(([pos, length, times]) => ({
    label: `a slice repeated ${times} times`,
    make: (seed: Buffer) => {
      const start = at(pos, seed.length);
      const slice = seed.subarray(start, start + length);
      return Buffer.concat([seed.subarray(0, start), ...Array<Buffer>(times).fill(slice), seed.subarray(start)]);
    },
  })),
];

function editLines(label: string, edit: (lines: string[]) => string[]): Mutation {
  return { label, make: (seed) => asBytes(edit(asText(seed).split('\n')).join('\n')) };
}

const splitFields = (line: string) => line.replace(/\r$/, '').split(',');
const joinFields = (fields: string[], line: string) => fields.join(',') + (line.endsWith('\r') ? '\r' : '');

const lineMutations: fc.Arbitrary<Mutation>[] = [
  fc.nat().map((c) => editLines('a column duplicated', (lines) => lines.map((l) => {
    const f = splitFields(l);
    f.splice(at(c, f.length), 0, f[at(c, f.length)] ?? '');
    return joinFields(f, l);
  }))),
  fc.tuple(fc.nat(), fc.boolean()).map(([c, headerOnly]) => editLines(headerOnly ? 'a header column removed' : 'a column removed', (lines) => lines.map((l, i) => {
    if (headerOnly && i > 0) return l;
    const f = splitFields(l);
    f.splice(at(c, f.length), 1);
    return joinFields(f, l);
  }))),
  fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(10_000, 100_000, 1_000_000, 4_000_000), fc.constantFrom('A', 'é', '"', ',', '\n', '0')).map(([r, c, size, ch]) =>
    editLines(`a cell of ${size} characters`, (lines) => {
      const row = at(r, lines.length);
      const f = splitFields(lines[row] ?? '');
      f[at(c, f.length)] = utf8Chars(ch).repeat(size);
      lines[row] = joinFields(f, lines[row] ?? '');
      return lines;
    })),
  fc.array(fc.tuple(fc.nat(), fc.constantFrom(...ODD_CHARACTERS)), { minLength: 1, maxLength: 20 }).map((inserts) => ({
    label: 'control and odd characters inserted',
    make: (seed: Buffer) => {
      let text = asText(seed);
      for (const [pos, ch] of inserts) text = text.slice(0, at(pos, text.length + 1)) + utf8Chars(ch) + text.slice(at(pos, text.length + 1));
      return asBytes(text);
    },
  })),
  fc.tuple(fc.nat(), fc.constantFrom(2, 100, 5_000, 20_000)).map(([r, times]) => editLines(`a line repeated ${times} times`, (lines) => {
    const row = at(r, lines.length);
    return [...lines.slice(0, row + 1), ...Array<string>(times).fill(lines[row] ?? ''), ...lines.slice(row + 1)];
  })),
  fc.constantFrom(200, 5_000, 16_384, 100_000).map((n) => editLines(`${n} extra columns`, (lines) => lines.map((l) => joinFields([...splitFields(l), ...Array.from({ length: n }, (_, i) => `X${i}`)], l)))),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => editLines('two lines swapped, one removed', (lines) => {
    const i = at(a, lines.length);
    const j = at(b, lines.length);
    [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
    lines.splice(at(a + b, lines.length), 1);
    return lines;
  })),
  fc.constantFrom<Mutation>(
    { label: 'empty file', make: () => Buffer.alloc(0) },
    { label: 'header only', make: (seed) => asBytes(asText(seed).split('\n')[0] ?? '') },
    { label: 'a byte-order mark only', make: () => Buffer.from([0xef, 0xbb, 0xbf]) },
    { label: 'UTF-16 LE with BOM', make: (seed) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed.toString('utf8'), 'utf16le')]) },
    { label: 'UTF-16 LE without BOM', make: (seed) => Buffer.from(seed.toString('utf8'), 'utf16le') },
    { label: 'UTF-16 BE with BOM', make: (seed) => Buffer.from(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed.toString('utf8'), 'utf16le')]).swap16()) },
    { label: 'UTF-8 BOM added', make: (seed) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), seed]) },
    { label: 'encoded twice (UTF-8 of Windows-1252)', make: (seed) => Buffer.from(seed.toString('latin1'), 'utf8') },
    { label: 'old Mac line endings (CR only)', make: (seed) => asBytes(asText(seed).replace(/\r?\n/g, '\r')) },
    { label: 'no line breaks at all', make: (seed) => asBytes(asText(seed).replace(/\r?\n/g, ' ')) },
    { label: 'every quote doubled', make: (seed) => asBytes(asText(seed).replace(/"/g, '""')) },
    { label: 'an unclosed quote', make: (seed) => asBytes(`"${asText(seed)}`) },
  ),
];

const ZIP_TEXT = /\.(xml|rels)$/;

function zipEdit(label: string, edit: (zip: PizZip, names: string[]) => void): Mutation {
  return {
    label,
    make: (seed) => {
      const zip = new PizZip(seed);
      edit(zip, Object.keys(zip.files).filter((n) => !zip.files[n]?.dir).sort());
      return Buffer.from(zip.generate({ type: 'uint8array', compression: 'DEFLATE' }));
    },
  };
}

/** Inside a zip package: its XML parts mutated as text, parts removed, a part blown up (an expansion bomb). */
const zipMutations: fc.Arbitrary<Mutation>[] = [
  fc.tuple(fc.nat(), fc.oneof(...byteMutations, ...lineMutations.slice(2, 4))).map(([n, inner]) =>
    ({
      label: `a part of the package: ${inner.label}`,
      make: async (seed: Buffer) => {
        const zip = new PizZip(seed);
        const names = Object.keys(zip.files).filter((f) => ZIP_TEXT.test(f)).sort();
        const name = names[at(n, names.length)] ?? '';
        zip.file(name, await inner.make(Buffer.from(zip.file(name)?.asUint8Array() ?? new Uint8Array())));
        return Buffer.from(zip.generate({ type: 'uint8array', compression: 'DEFLATE' }));
      },
    }) satisfies Mutation),
  fc.nat().map((n) => zipEdit('a part of the package removed', (zip, names) => zip.remove(names[at(n, names.length)] ?? ''))),
  fc.tuple(fc.nat(), fc.constantFrom(5_000_000, 60_000_000)).map(([n, size]) =>
    zipEdit(`a part expanding to ${size / 1_000_000} MB`, (zip, names) => {
      const name = names.filter((f) => ZIP_TEXT.test(f))[at(n, names.length)] ?? names[0] ?? 'x.xml';
      const original = zip.file(name)?.asText() ?? '';
      const close = original.lastIndexOf('</');
      zip.file(name, `${original.slice(0, Math.max(0, close))}${'<!-- padding -->'.repeat(size / 16)}${original.slice(Math.max(0, close))}`);
    })),
];

function textCell(columns: string[]): fc.Arbitrary<string> {
  return fc.oneof(fc.constantFrom(...columns), fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom('', '01/09/2026', '2026-09-01', '990001', '31/02/2026', '-1', '1e308'));
}

/** Files made from nothing: random tables, calendars, JSON, zip packages and bytes. */
function generated(importer: Importer): fc.Arbitrary<Mutation> {
  const grid = fc.array(fc.array(textCell(importer.columns), { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 30 });
  const raw = fc.uint8Array({ maxLength: 4096 }).map((bytes) => ({ label: 'random bytes', make: () => Buffer.from(bytes) }));
  const byKind: Record<FileKind, fc.Arbitrary<Mutation>> = {
    csv: grid.map((rows) => ({ label: 'a random table', make: () => Buffer.from(rows.map((r) => r.join(',')).join('\r\n'), 'utf8') })),
    xlsx: fc.oneof(
      grid.map((rows) => ({ label: 'a random workbook', make: () => xlsx(rows[0] ?? [], rows.slice(1)) })),
      fc.constantFrom(100, 5_000, 50_000).map((n) => ({ label: `a header cell at XFD1 and ${n} one-cell rows`, make: () => wideSheet(n) })),
    ),
    ics: fc.array(fc.tuple(fc.constantFrom(...importer.columns), textCell(['VEVENT', 'VCALENDAR', '20270901', '2027-09-01'])), { maxLength: 40 }).map((lines) => ({
      label: 'a random calendar',
      make: () => Buffer.from(['BEGIN:VCALENDAR', ...lines.map(([k, v]) => `${k}:${v}`), 'END:VCALENDAR'].join('\r\n')),
    })),
    json: fc.oneof(
      fc.jsonValue().map((value) => ({ label: 'random JSON', make: () => Buffer.from(JSON.stringify(value) ?? 'null') })),
      fc.array(fc.record({ title: fc.string(), date: fc.oneof(fc.string(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))), notes: fc.string() }), { maxLength: 50 }).map((events) => ({
        label: 'random bank-holiday events', make: () => Buffer.from(JSON.stringify({ 'england-and-wales': { division: 'england-and-wales', events } })),
      })),
      fc.constantFrom(1_000, 200_000).map((n) => ({ label: `${n} bank holidays`, make: () => manyHolidays(n) })),
      fc.constantFrom(10_000, 1_000_000).map((depth) => ({ label: `arrays nested ${depth} deep`, make: () => Buffer.from(`${'['.repeat(depth)}${']'.repeat(depth)}`) })),
    ),
    docx: fc.array(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('{', '}', '{#children}', '{/children}', '{schoolName}', '{date}', '{__proto__}', '{toString}', '{{', '}}', '<w:t>', '</w:t>')), { maxLength: 60 }).map((parts) => ({
      label: 'a random Word document',
      make: () => {
        const zip = new PizZip();
        zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
        zip.file('word/document.xml', `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${parts.join('')}</w:t></w:r></w:p></w:body></w:document>`);
        return Buffer.from(zip.generate({ type: 'uint8array' }));
      },
    })),
  };
  return fc.oneof(byKind[importer.kind], raw);
}

/** The workbook from issue 11: one header cell at XFD1, then rows of one cell each. */
async function wideSheet(rows: number): Promise<Buffer> {
  const zip = new PizZip(await xlsx(['Name'], [['x']]));
  const data = Array.from({ length: rows }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>x</t></is></c></row>`).join('');
  zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="XFD1" t="inlineStr"><is><t>Name</t></is></c></row>${data}</sheetData></worksheet>`);
  return Buffer.from(zip.generate({ type: 'uint8array', compression: 'DEFLATE' }));
}

function manyHolidays(n: number): Buffer {
  const events = Array.from({ length: n }, (_, i) => ({ title: 'Holiday', date: new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10), notes: '', bunting: false }));
  return Buffer.from(JSON.stringify({ 'england-and-wales': { division: 'england-and-wales', events } }));
}

/** Three in four cases mutate the valid file; one in four is made from nothing. */
export function casesFor(importer: Importer): fc.Arbitrary<Mutation> {
  const isZip = importer.kind === 'xlsx' || importer.kind === 'docx';
  const mutations = isZip ? [...byteMutations, ...zipMutations, ...zipMutations] : [...byteMutations, ...lineMutations];
  return fc.oneof({ arbitrary: fc.oneof(...mutations), weight: 3 }, { arbitrary: generated(importer), weight: 1 });
}
