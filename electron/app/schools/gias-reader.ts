/**
 * Reads the DfE GIAS establishment download (edubasealldata*.csv) into LinkDesk's school
 * facts. Columns are found by header name, since they change between releases.
 */
import { categoryOf, normalisePostcode, restorePhone, statusFromGias, Urn } from '../../../shared/domain/schools.ts';
import { cleanLine, singleSpaced } from '../../../shared/domain/text.ts';
import { AppError } from '../../../shared/errors.ts';
import { GIAS_LIMITS } from '../imports/limits.ts';
import { columnIndex, openCsv, parseDate, type RowError } from '../imports/text-file.ts';
import type { GiasFacts } from './repo.ts';

export interface GiasRecord {
  row: number;
  facts: GiasFacts;
}

export interface GiasReadResult {
  records: GiasRecord[];
  errors: RowError[];
  /** Rows of other local authorities, left out by the LA filter. */
  filteredOut: number;
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

const blankToNull = (v: string): string | null => (v.trim() === '' || v.trim() === 'Not applicable' ? null : v.trim());

export async function readGiasFile(
  path: string,
  options: { laCodes?: string[]; onProgress?: (bytesRead: number, totalBytes: number) => void } = {},
): Promise<GiasReadResult> {
  const csv = await openCsv(path, GIAS_LIMITS, options.onProgress);
  const index = Object.fromEntries(Object.entries(COLUMNS).map(([k, names]) => [k, columnIndex(csv.header, ...names)])) as Record<Column, number>;
  if (index.urn < 0 || index.name < 0) {
    throw new AppError(
      'invalid_input',
      'This is not a GIAS establishment file: it has no URN or EstablishmentName column. Download "establishment fields" as CSV from Get Information About Schools.',
    );
  }
  const laFilter = options.laCodes?.length ? new Set(options.laCodes) : null;
  const records: GiasRecord[] = [];
  const errors: RowError[] = [];
  const firstRowOf = new Map<string, number>();
  let filteredOut = 0;

  for await (const { row, values } of csv.records) {
    // GIAS text reaches the database without a form: it loses control and bidi characters here.
    const get = (c: Column): string => (index[c] >= 0 ? cleanLine(values[index[c]] ?? '') : '');
    if (values.length !== csv.header.length) {
      errors.push({ row, message: `Row ${row} has ${values.length} values where the header has ${csv.header.length}: the row is malformed or the file is cut short.` });
      continue;
    }
    const laCode = get('laCode').trim();
    if (laFilter && !laFilter.has(laCode)) {
      filteredOut++;
      continue;
    }
    const urn = get('urn').trim();
    if (!Urn.safeParse(urn).success) {
      errors.push({ row, message: `Row ${row}: URN "${urn}" is not six digits.` });
      continue;
    }
    const name = singleSpaced(get('name'));
    if (name === '') {
      errors.push({ row, message: `Row ${row} (URN ${urn}): EstablishmentName is empty.` });
      continue;
    }
    const statusText = get('status');
    const status = index.status < 0 ? 'open' : statusFromGias(statusText);
    if (!status) {
      errors.push({ row, message: `Row ${row} (URN ${urn}): EstablishmentStatus "${statusText}" is not one GIAS uses.` });
      continue;
    }
    const openedOn = parseDate(get('openDate'));
    const closedOn = parseDate(get('closeDate'));
    if (openedOn === undefined || closedOn === undefined) {
      const bad = openedOn === undefined ? `OpenDate "${get('openDate')}"` : `CloseDate "${get('closeDate')}"`;
      errors.push({ row, message: `Row ${row} (URN ${urn}): ${bad} is not a date (dd-mm-yyyy).` });
      continue;
    }
    const first = firstRowOf.get(urn);
    if (first !== undefined) {
      errors.push({ row, message: `Row ${row}: URN ${urn} appears more than once in the file (first on row ${first}).` });
      continue;
    }
    firstRowOf.set(urn, row);
    const type = get('type').trim() || 'Not recorded';
    const phase = get('phase').trim() || 'Not applicable';
    const head = [get('headTitle'), get('headFirst'), get('headLast')].map((s) => s.trim()).filter((s) => s && s !== 'Not applicable');
    records.push({
      row,
      facts: {
        urn,
        name,
        establishmentType: type,
        phase,
        category: categoryOf(type, phase, integerOrNull(get('lowAge')), integerOrNull(get('highAge'))),
        status,
        laCode,
        laName: get('laName').trim(),
        street: blankToNull(get('street')),
        locality: blankToNull(get('locality')),
        address3: blankToNull(get('address3')),
        town: blankToNull(get('town')),
        county: blankToNull(get('county')),
        postcode: normalisePostcode(get('postcode')) ?? blankToNull(get('postcode')),
        phone: restorePhone(get('phone')),
        website: blankToNull(get('website')),
        headTeacher: head.length > 1 ? head.join(' ') : null,
        pupils: integerOrNull(get('pupils')),
        easting: integerOrNull(get('easting')),
        northing: integerOrNull(get('northing')),
        openedOn,
        closedOn,
      },
    });
  }
  return { records, errors, filteredOut };
}
