/**
 * Reads the DfE GIAS establishment download (edubasealldata*.csv) into LinkDesk's school
 * facts, a batch of rows at a time as the file is read (a national file is 60 MB, 50,000 rows
 * of 139 columns, and is never held whole). Columns are found by header name, since they change
 * between releases; only the ~25 LinkDesk keeps are looked at.
 */
import { PREVIEW_LIST_LIMIT } from '../../../shared/domain/imports.ts';
import { categoryOf, normalisePostcode, restorePhone, statusFromGias } from '../../../shared/domain/schools.ts';
import { cleanLine, singleSpaced } from '../../../shared/domain/text.ts';
import { AppError } from '../../../shared/errors.ts';
import type { CsvRecord, RowError } from '../imports/text-file.ts';
import { columnIndex, parseDate } from '../imports/text-file.ts';
import type { GiasFacts } from './repo.ts';

export interface GiasRecord {
  row: number;
  facts: GiasFacts;
}

export interface GiasReadResult {
  /** The first PREVIEW_LIST_LIMIT rows refused, in file order; `errorCount` counts them all. */
  errors: RowError[];
  errorCount: number;
  /** Rows of other local authorities, left out by the LA filter. */
  filteredOut: number;
}

export interface GiasRows {
  /** The columns read, by index: give them to CsvStream.keepOnly before the first `take`. */
  readonly columns: number[];
  /** The good rows of a batch; the refused ones are counted in `result`. */
  take(batch: CsvRecord[]): GiasRecord[];
  readonly result: GiasReadResult;
}

const COLUMNS = {
  urn: ['URN'],
  name: ['EstablishmentName'],
  laCode: ['LA (code)'],
  laName: ['LA (name)'],
  type: ['TypeOfEstablishment (name)'],
  phase: ['PhaseOfEducation (name)'],
  status: ['EstablishmentStatus (name)'],
  lowAge: ['StatutoryLowAge'],
  highAge: ['StatutoryHighAge'],
  openDate: ['OpenDate'],
  closeDate: ['CloseDate'],
  pupils: ['NumberOfPupils'],
  street: ['Street'],
  locality: ['Locality'],
  address3: ['Address3'],
  town: ['Town'],
  county: ['County (name)'],
  postcode: ['Postcode'],
  website: ['SchoolWebsite'],
  phone: ['TelephoneNum'],
  headTitle: ['HeadTitle (name)', 'HeadTitle'],
  headFirst: ['HeadFirstName'],
  headLast: ['HeadLastName'],
  easting: ['Easting'],
  northing: ['Northing'],
} as const;
type Column = keyof typeof COLUMNS;

function integerOrNull(value: string): number | null {
  const v = value.trim();
  return /^-?\d+$/.test(v) ? Number(v) : null;
}

function blankToNull(value: string): string | null {
  const v = value.trim();
  return v === '' || v === 'Not applicable' ? null : v;
}

/**
 * Turns batches of a GIAS file's records into school facts; refuses a file that is not GIAS's.
 * The records must hold the values of `columns` only, in that order (openCsv's `select`).
 */
export function giasRows(header: string[], laCodes: string[] = []): GiasRows {
  const inFile = Object.entries(COLUMNS).map(([key, names]) => [key as Column, columnIndex(header, ...names)] as const);
  const columns = inFile.map(([, column]) => column).filter((column) => column >= 0);
  // Where each value is in a record: its place among `columns`, or -1 when the file lacks it.
  const index = Object.fromEntries(inFile.map(([key, column]) => [key, columns.indexOf(column)])) as Record<Column, number>;
  if (index.urn < 0 || index.name < 0) {
    throw new AppError(
      'invalid_input',
      'This is not a GIAS establishment file: it has no URN or EstablishmentName column. Download "establishment fields" as CSV from Get Information About Schools.',
    );
  }
  const laFilter = laCodes.length ? new Set(laCodes) : null;
  const result: GiasReadResult = { errors: [], errorCount: 0, filteredOut: 0 };
  const refuse = (error: RowError) => {
    if (result.errors.length < PREVIEW_LIST_LIMIT) result.errors.push(error);
    result.errorCount++;
  };
  // By URN as a number: 50,000 small integers rather than 50,000 strings.
  const firstRowOf = new Map<number, number>();
  return {
    columns,
    result,
    take(batch) {
      const records: GiasRecord[] = [];
      for (const { row, values, fields } of batch) {
        if (fields !== header.length) {
          refuse({ row, message: `Row ${row} has ${fields} values where the header has ${header.length}: the row is malformed or the file is cut short.` });
          continue;
        }
        const outcome = recordOf(row, values, index, laFilter, firstRowOf);
        if (outcome === FILTERED_OUT) result.filteredOut++;
        else if ('message' in outcome) refuse(outcome);
        else records.push(outcome);
      }
      return records;
    },
  };
}

const FILTERED_OUT = Symbol('filtered out');
/** As shared/domain/schools.ts's Urn, without zod's cost on 50,000 rows. */
const URN = /^\d{6}$/;

/** A cell by column index ('' for a column the file lacks), without control or bidi characters. */
function cell(values: string[], column: number): string {
  // GIAS text reaches the database without a form: it loses control and bidi characters here.
  return column >= 0 ? cleanLine(values[column] ?? '') : '';
}

/** The head teacher from title and names: two parts at least, leaving out "Not applicable". */
function headTeacher(title: string, first: string, last: string): string | null {
  let name = '';
  let parts = 0;
  for (const part of [title.trim(), first.trim(), last.trim()]) {
    if (part === '' || part === 'Not applicable') continue;
    name = parts === 0 ? part : `${name} ${part}`;
    parts++;
  }
  return parts > 1 ? name : null;
}

/**
 * One row's school facts, or why the row is refused. Only the columns LinkDesk keeps are read;
 * it runs for each of a national file's 50,000 rows, so no function is made per row.
 */
function recordOf(
  row: number, values: string[], index: Record<Column, number>, laFilter: Set<string> | null, firstRowOf: Map<number, number>,
): GiasRecord | RowError | typeof FILTERED_OUT {
  const laCode = cell(values, index.laCode).trim();
  if (laFilter && !laFilter.has(laCode)) return FILTERED_OUT;
  const urn = cell(values, index.urn).trim();
  if (!URN.test(urn)) return { row, message: `Row ${row}: URN "${urn}" is not six digits.` };
  const name = singleSpaced(cell(values, index.name));
  if (name === '') return { row, message: `Row ${row} (URN ${urn}): EstablishmentName is empty.` };
  const statusText = cell(values, index.status);
  const status = index.status < 0 ? 'open' : statusFromGias(statusText);
  if (!status) return { row, message: `Row ${row} (URN ${urn}): EstablishmentStatus "${statusText}" is not one GIAS uses.` };
  const openDate = cell(values, index.openDate);
  const closeDate = cell(values, index.closeDate);
  const openedOn = parseDate(openDate);
  const closedOn = parseDate(closeDate);
  if (openedOn === undefined || closedOn === undefined) {
    const bad = openedOn === undefined ? `OpenDate "${openDate}"` : `CloseDate "${closeDate}"`;
    return { row, message: `Row ${row} (URN ${urn}): ${bad} is not a date (dd-mm-yyyy).` };
  }
  const first = firstRowOf.get(Number(urn));
  if (first !== undefined) return { row, message: `Row ${row}: URN ${urn} appears more than once in the file (first on row ${first}).` };
  firstRowOf.set(Number(urn), row);
  const type = cell(values, index.type).trim() || 'Not recorded';
  const phase = cell(values, index.phase).trim() || 'Not applicable';
  const postcode = cell(values, index.postcode);
  return {
    row,
    facts: {
      urn,
      name,
      establishmentType: type,
      phase,
      category: categoryOf(type, phase, integerOrNull(cell(values, index.lowAge)), integerOrNull(cell(values, index.highAge))),
      status,
      laCode,
      laName: cell(values, index.laName).trim(),
      street: blankToNull(cell(values, index.street)),
      locality: blankToNull(cell(values, index.locality)),
      address3: blankToNull(cell(values, index.address3)),
      town: blankToNull(cell(values, index.town)),
      county: blankToNull(cell(values, index.county)),
      postcode: normalisePostcode(postcode) ?? blankToNull(postcode),
      phone: restorePhone(cell(values, index.phone)),
      website: blankToNull(cell(values, index.website)),
      headTeacher: headTeacher(cell(values, index.headTitle), cell(values, index.headFirst), cell(values, index.headLast)),
      pupils: integerOrNull(cell(values, index.pupils)),
      easting: integerOrNull(cell(values, index.easting)),
      northing: integerOrNull(cell(values, index.northing)),
      openedOn,
      closedOn,
    },
  };
}
