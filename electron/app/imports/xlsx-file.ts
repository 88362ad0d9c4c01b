/**
 * The first worksheet of an .xlsx as header + text rows, read as a stream with limits. The zip
 * is read by zip-file.ts (parts and sizes checked, inflation counted); the worksheet's XML is
 * scanned row by row as it inflates, and the file is refused at the first row, column or cell
 * over a limit. A whole-workbook library (exceljs's reader) builds every row and cell first,
 * which is how a 765 KB file with one cell at column XFD took 4 GB before any check could run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { cleanLine } from '../../../shared/domain/text.ts';
import { AppError } from '../../../shared/errors.ts';
import { formatCount, overLimit, XLSX_ROW_XML_CHARACTERS, XLSX_ZIP_LIMITS, type TableLimits } from './limits.ts';
import { HeaderSearch, type IsHeader } from './header-row.ts';
import { inflateEntry, inflateEntryText, openZip, resolvePart, type NotAPackage, type ZipPackage } from './zip-file.ts';

/** A row of a table: its spreadsheet row number (the header is row 1) and a value for each column of the header. */
export interface TableRow {
  row: number;
  values: string[];
}

export interface Table {
  header: string[];
  rows: TableRow[];
}

/** Excel's own grid: 1,048,576 rows by 16,384 columns (A to XFD). */
const EXCEL_ROWS = 1_048_576;
const EXCEL_COLUMNS = 16_384;

const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (_all, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name] ?? '';
    const code = dec ? Number(dec) : parseInt(hex ?? '', 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
  });
}

const attributePatterns = new Map<string, RegExp>();

function attribute(tag: string, name: string): string | null {
  let pattern = attributePatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`\\s(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attributePatterns.set(name, pattern);
  }
  const match = pattern.exec(tag);
  return match ? decodeXml(match[1] ?? match[2] ?? '') : null;
}

/** `<name` or `<prefix:name`, then a space, `/` or `>` (so `<c` is not `<col`); a new one per scan, as it keeps its place. */
const openTag = (name: string): RegExp => new RegExp(`<((?:[\\w.-]+:)?)${name}(?=[\\s/>])`, 'g');

interface Element {
  attributes: string;
  inner: string;
  start: number;
  end: number;
}

/** XML cut short or damaged inside a part: the reader turns it into the file's own message. */
class UnclosedElement extends Error {}

/**
 * The <name> elements in a piece of XML, in order, found with indexOf rather than a lazy regex
 * (which scans to the end for every element never closed: quadratic on a hostile file). An
 * element never closed means the XML is damaged: refused, not read in part.
 */
function* childElements(xml: string, name: string): Generator<Element> {
  const open = openTag(name);
  for (let m = open.exec(xml); m; m = open.exec(xml)) {
    const tagEnd = xml.indexOf('>', m.index);
    if (tagEnd < 0) throw new UnclosedElement(name);
    if (xml[tagEnd - 1] === '/') {
      yield { attributes: xml.slice(m.index + m[0].length, tagEnd - 1), inner: '', start: m.index, end: tagEnd + 1 };
      open.lastIndex = tagEnd + 1;
      continue;
    }
    const closeTag = `</${m[1] ?? ''}${name}>`;
    const close = xml.indexOf(closeTag, tagEnd);
    if (close < 0) throw new UnclosedElement(name);
    yield { attributes: xml.slice(m.index + m[0].length, tagEnd), inner: xml.slice(tagEnd + 1, close), start: m.index, end: close + closeTag.length };
    open.lastIndex = close + closeTag.length;
  }
}

const firstChild = (xml: string, name: string): Element | undefined => childElements(xml, name).next().value ?? undefined;

/** The text of every <t> in an element, leaving out phonetic guides (<rPh>), as Excel shows it. */
function textRuns(xml: string): string {
  let body = xml;
  if (xml.includes('rPh')) {
    body = '';
    let from = 0;
    for (const guide of childElements(xml, 'rPh')) {
      body += xml.slice(from, guide.start);
      from = guide.end;
    }
    body += xml.slice(from);
  }
  let text = '';
  for (const t of childElements(body, 't')) text += t.inner;
  return decodeXml(text);
}

/**
 * Yields each complete <name …>…</name> (or <name …/>) element from XML arriving in pieces,
 * holding at most one element plus one piece; an element longer than `maxCharacters` is refused.
 * An incomplete element is kept as a list of pieces and only each new piece (with a few
 * characters of overlap) is searched for its end: joining and searching the whole element at
 * every piece would cost its length squared.
 */
async function* elements(chunks: AsyncIterable<string>, name: string, maxCharacters: number, tooLong: () => AppError): AsyncGenerator<string> {
  const open = openTag(name);
  let outside = '';
  let pending: { parts: string[]; length: number; tail: string; tagEnd: number; closeTag: string } | null = null;
  for await (const chunk of chunks) {
    let text = chunk;
    while (text) {
      if (!pending) {
        outside += text;
        text = '';
        open.lastIndex = 0;
        const start = open.exec(outside);
        if (!start) {
          // Keep a tail that may hold the start of a tag cut in two by the piece boundary.
          outside = outside.slice(Math.max(0, outside.length - name.length - 32));
          break;
        }
        text = outside.slice(start.index);
        outside = '';
        pending = { parts: [], length: 0, tail: '', tagEnd: -1, closeTag: `</${start[1] ?? ''}${name}>` };
      }
      const element = pending;
      // The new piece with the end of the last one before it: a closing tag may straddle the two.
      const window = element.tail + text;
      const windowStart = element.length - element.tail.length;
      element.parts.push(text);
      element.length += text.length;
      element.tail = window.slice(-element.closeTag.length);
      let end = -1;
      if (element.tagEnd < 0) {
        const at = window.indexOf('>', Math.max(0, 1 - windowStart));
        if (at >= 0) {
          element.tagEnd = windowStart + at;
          if (window[at - 1] === '/') end = element.tagEnd + 1;
        }
      }
      if (end < 0 && element.tagEnd >= 0) {
        const close = window.indexOf(element.closeTag, Math.max(0, element.tagEnd - windowStart));
        if (close >= 0) end = windowStart + close + element.closeTag.length;
      }
      if (end < 0) {
        if (element.length > maxCharacters) throw tooLong();
        break;
      }
      const whole = element.parts.join('');
      yield whole.slice(0, end);
      text = whole.slice(end);
      pending = null;
    }
  }
}

function columnNumber(reference: string): number | null {
  const letters = /^([A-Z]{1,3})\d*$/i.exec(reference)?.[1]?.toUpperCase();
  if (!letters) return null;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Built-in number formats that show a date (ECMA-376 18.8.30), and custom ones with day, month or year codes. */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
const isDateFormat = (code: string) => /[dmyhs]/i.test(code.replace(/\[[^\]]*\]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, ''));

/** The styles (by index) whose numbers are dates. */
function dateStyles(xml: string): Set<number> {
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\s[^>]*>/g)) custom.set(Number(attribute(m[0], 'numFmtId')), attribute(m[0], 'formatCode') ?? '');
  const cellXfs = firstChild(xml, 'cellXfs')?.inner ?? '';
  const dates = new Set<number>();
  [...cellXfs.matchAll(/<(?:\w+:)?xf\b[^>]*>/g)].forEach((m, index) => {
    const id = Number(attribute(m[0], 'numFmtId') ?? 0);
    if (DATE_FORMAT_IDS.has(id) || isDateFormat(custom.get(id) ?? '')) dates.add(index);
  });
  return dates;
}

/** An Excel date serial as yyyy-mm-dd, as exceljs gives it (days since 30 Dec 1899, or 1 Jan 1904). */
function excelDate(serial: number, date1904: boolean): string | null {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return null;
  return new Date(ms).toISOString().slice(0, 10);
}

interface Workbook {
  sheet: string;
  sharedStrings: string | null;
  styles: string | null;
  date1904: boolean;
}

function relationships(pkg: ZipPackage, part: string, notAPackage: NotAPackage): { id: string; type: string; target: string }[] {
  const relsPart = path.posix.join(path.posix.dirname(part), '_rels', `${path.posix.basename(part)}.rels`);
  const entry = pkg.entries.get(relsPart);
  if (!entry) return [];
  const xml = inflateEntry(pkg, entry, notAPackage).toString('utf8');
  return [...xml.matchAll(/<(?:\w+:)?Relationship\s[^>]*>/g)].map((m) => ({
    id: attribute(m[0], 'Id') ?? '',
    type: attribute(m[0], 'Type') ?? '',
    target: resolvePart(part, attribute(m[0], 'Target') ?? ''),
  }));
}

function findWorkbook(pkg: ZipPackage, notAPackage: NotAPackage): Workbook {
  const root = relationships(pkg, '', notAPackage).find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const entry = pkg.entries.get(root);
  if (!entry) throw notAPackage('it holds no workbook');
  const xml = inflateEntry(pkg, entry, notAPackage).toString('utf8');
  const firstSheet = /<(?:\w+:)?sheet\s[^>]*>/.exec(xml)?.[0];
  const rels = relationships(pkg, root, notAPackage);
  const sheetId = firstSheet ? attribute(firstSheet, 'id') : null;
  const sheet = rels.find((r) => r.id === sheetId)?.target;
  if (!sheet || !pkg.entries.has(sheet)) throw notAPackage('it holds no worksheet');
  const pr = /<(?:\w+:)?workbookPr\s[^>]*>/.exec(xml)?.[0] ?? '';
  const date1904 = ['1', 'true'].includes(attribute(pr, 'date1904') ?? '');
  const target = (type: string) => rels.find((r) => r.type.endsWith(type))?.target ?? null;
  return { sheet, sharedStrings: target('/sharedStrings'), styles: target('/styles'), date1904 };
}

/** `isHeader`, when given, lets title rows above the header be skipped (header-row.ts). */
export async function readXlsxTable(file: string, limits: TableLimits, isHeader?: IsHeader): Promise<Table> {
  const name = path.basename(file);
  const notAPackage: NotAPackage = (reason) =>
    new AppError('invalid_input', `${name} cannot be read as an Excel workbook: ${reason}. Save it from Excel as "Excel Workbook (.xlsx)" and try again.`, { file: name });
  try {
    return await readWorkbook(file, limits, notAPackage, isHeader);
  } catch (error) {
    if (error instanceof UnclosedElement) throw notAPackage(`its XML is damaged (a <${error.message}> is never closed)`);
    throw error;
  }
}

async function readWorkbook(file: string, limits: TableLimits, notAPackage: NotAPackage, isHeader?: IsHeader): Promise<Table> {
  const name = path.basename(file);
  const pkg = openZip(file, fs.readFileSync(file), XLSX_ZIP_LIMITS, notAPackage);
  const book = findWorkbook(pkg, notAPackage);
  const tooLongCell = (row: number | null) =>
    overLimit(file, `has a cell longer than ${formatCount(limits.cellCharacters)} characters${row ? ` in row ${row}` : ''}`, `${formatCount(limits.cellCharacters)} characters`);
  const tooLongRow = () => overLimit(file, `has a row longer than ${formatCount(XLSX_ROW_XML_CHARACTERS)} characters of XML`, formatCount(XLSX_ROW_XML_CHARACTERS));

  const styleEntry = book.styles ? pkg.entries.get(book.styles) : undefined;
  const dates = styleEntry ? dateStyles(inflateEntry(pkg, styleEntry, notAPackage).toString('utf8')) : new Set<number>();
  const shared: string[] = [];
  const sharedEntry = book.sharedStrings ? pkg.entries.get(book.sharedStrings) : undefined;
  if (sharedEntry) {
    for await (const si of elements(inflateEntryText(pkg, sharedEntry, notAPackage), 'si', limits.cellCharacters * 8 + 1024, () => tooLongCell(null))) {
      const text = textRuns(si);
      if (text.length > limits.cellCharacters) throw tooLongCell(null);
      shared.push(text);
    }
  }
  const sheetEntry = pkg.entries.get(book.sheet);
  if (!sheetEntry) throw notAPackage('it holds no worksheet');

  const cellText = (attributes: string, body: string): string => {
    const type = attribute(attributes, 't') ?? 'n';
    if (type === 'inlineStr') return textRuns(body);
    const v = firstChild(body, 'v')?.inner;
    if (v === undefined) return '';
    const value = decodeXml(v);
    if (type === 's') return shared[Number(value)] ?? '';
    if (type === 'b') return value === '1' ? 'true' : 'false';
    if (type === 'e') return '';
    if (type === 'd') return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : value;
    if (type === 'str') return value;
    const number = Number(value);
    if (value.trim() === '' || !Number.isFinite(number)) return value;
    if (dates.has(Number(attribute(attributes, 's') ?? 0))) return excelDate(number, book.date1904) ?? value;
    return String(number);
  };

  const search = new HeaderSearch(isHeader);
  const rows: TableRow[] = [];
  const keep = (records: TableRow[]) => {
    for (const record of records) {
      if (rows.length >= limits.rows) throw overLimit(file, `has more than ${formatCount(limits.rows)} rows`, formatCount(limits.rows));
      const width = search.header?.length ?? 0;
      rows.push({ row: record.row, values: Array.from({ length: width }, (_, i) => record.values[i] ?? '') });
    }
  };
  let rowNumber = 0;
  for await (const rowXml of elements(inflateEntryText(pkg, sheetEntry, notAPackage), 'row', XLSX_ROW_XML_CHARACTERS, tooLongRow)) {
    const rowTag = rowXml.slice(0, rowXml.indexOf('>') + 1);
    const r = Number(attribute(rowTag, 'r') ?? rowNumber + 1);
    if (!Number.isInteger(r) || r < 1 || r > EXCEL_ROWS) throw notAPackage(`a row is numbered ${String(attribute(rowTag, 'r')).slice(0, 20)}`);
    rowNumber = r;
    const values: string[] = [];
    let column = 0;
    for (const cell of childElements(rowXml, 'c')) {
      const attributes = ` ${cell.attributes}`;
      const reference = attribute(attributes, 'r');
      column = (reference ? columnNumber(reference) : null) ?? column + 1;
      if (column > EXCEL_COLUMNS) throw notAPackage(`a cell is beyond Excel's last column (${reference ?? column})`);
      const text = cleanLine(cellText(attributes, cell.inner));
      if (text === '') continue;
      if (column > limits.columns) throw overLimit(file, `has more than ${formatCount(limits.columns)} columns`, formatCount(limits.columns), { row: rowNumber });
      if (text.length > limits.cellCharacters) throw tooLongCell(rowNumber);
      values[column - 1] = text;
    }
    if (values.length === 0) continue;
    keep(search.offer({ row: rowNumber, values }));
  }
  keep(search.finish());
  if (!search.header) throw new AppError('invalid_input', `${name} has no rows: the first worksheet is empty.`, { file: name });
  return { header: search.header, rows };
}
