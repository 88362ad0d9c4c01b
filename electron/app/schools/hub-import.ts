/**
 * Hubs from a spreadsheet of URN and Hub (.csv or .xlsx, read by the bounded table reader),
 * with DSL name and DSL email as optional columns. Every row is checked first and reported as a
 * change, unchanged, or refused with its row, column and reason; a blank cell keeps what the
 * school holds. A file with refused rows applies nothing unless the person chose to apply the
 * good rows; the changes apply in one transaction.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { RowError } from '../../../shared/domain/imports.ts';
import { BULK_FIELD_LABELS, BULK_FIELDS, type BulkField, type HubImportResult, type HubImportRow } from '../../../shared/domain/school-bulk.ts';
import { AppError } from '../../../shared/errors.ts';
import { write, type WriteContext } from '../db/write.ts';
import { mapColumns, readTable } from '../imports/table-file.ts';
import { applyToSchool, fieldsToChange, type BulkValues } from './bulk.ts';
import { selectSchool } from './repo.ts';

const MAX_LENGTH: Record<BulkField, number> = { hub: 60, dslName: 100, dslEmail: 200 };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface HubImportOptions {
  dryRun: boolean;
  applyGoodRows: boolean;
  expected?: { bytes: number; modifiedAt: string } | undefined;
}

/** What is wrong with one cell, or null; the message names the column, the row is added by the caller. */
function cellProblem(field: BulkField, value: string): string | null {
  if (value.length > MAX_LENGTH[field]) return `${BULK_FIELD_LABELS[field]}: use ${MAX_LENGTH[field]} characters or fewer`;
  if (field === 'dslEmail' && !EMAIL.test(value)) return `DSL email: "${value}" is not an email address`;
  return null;
}

export async function importHubs(ctx: WriteContext, file: string, options: HubImportOptions): Promise<HubImportResult> {
  const table = await readTable(file);
  const stat = fs.statSync(file);
  const seen = { name: path.basename(file), bytes: stat.size, modifiedAt: stat.mtime.toISOString() };
  if (options.expected && (options.expected.bytes !== seen.bytes || options.expected.modifiedAt !== seen.modifiedAt)) {
    throw new AppError('invalid_input', `${seen.name} has changed since it was checked. Check it again before importing; nothing was changed.`, { file: seen.name });
  }
  const col = mapColumns(table.header, {
    urn: { names: ['URN', 'School URN'], required: true },
    hub: { names: ['Hub', 'Area', 'Area or hub', 'Area / hub', 'Hub or area'], required: true },
    dslName: { names: ['DSL name', 'DSL', 'Designated Safeguarding Lead'], required: false },
    dslEmail: { names: ['DSL email', 'DSL work email'], required: false },
  });

  const rows: HubImportRow[] = [];
  const errors: RowError[] = [];
  const plans: { urn: string; values: BulkValues; fields: BulkField[] }[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, values } of table.rows) {
    const get = (i: number) => (i >= 0 ? (values[i] ?? '').trim() : '');
    const urn = get(col.urn);
    const refuse = (message: string, school: string | null = null) => {
      rows.push({ row, urn, school, outcome: 'refused', changes: [], message: `Row ${row}, ${message}` });
      errors.push({ row, message: `Row ${row}, ${message}.` });
    };
    if (values.every((v) => v.trim() === '')) continue;
    if (!/^\d{6}$/.test(urn)) {
      refuse(urn === '' ? 'URN: the cell is empty' : `URN: "${urn}" is not six digits`);
      continue;
    }
    const school = selectSchool(ctx.db, urn);
    if (!school) {
      refuse(`URN: no school has URN ${urn} in this team database`);
      continue;
    }
    const first = firstRowOf.get(urn);
    if (first !== undefined) {
      refuse(`URN: ${urn} is on row ${first} already (one row per school)`, school.name);
      continue;
    }
    firstRowOf.set(urn, row);
    // A blank cell, or a column the file does not have, keeps what the school holds.
    const given: BulkValues = Object.fromEntries(BULK_FIELDS.filter((f) => get(col[f]) !== '').map((f) => [f, get(col[f])]));
    const problem = BULK_FIELDS.map((f) => (given[f] ? cellProblem(f, given[f]) : null)).find((p) => p !== null);
    if (problem) {
      refuse(problem, school.name);
      continue;
    }
    const fields = fieldsToChange(school, given);
    rows.push({ row, urn, school: school.name, outcome: fields.length ? 'change' : 'unchanged', changes: fields.map((f) => ({ field: f, from: school[f], to: given[f] ?? null })) });
    if (fields.length) plans.push({ urn, values: given, fields });
  }

  const counts = { change: plans.length, unchanged: rows.filter((r) => r.outcome === 'unchanged').length, refused: errors.length };
  const blocked = errors.length > 0 && !options.applyGoodRows;
  if (options.dryRun || blocked || plans.length === 0) return { dryRun: options.dryRun, applied: 0, file: seen, counts, rows, errors };
  const at = ctx.now().toISOString();
  write(ctx, (audit) => {
    for (const p of plans) applyToSchool(ctx.db, audit, p.urn, p.values, p.fields, 'hub-import', at);
  });
  return { dryRun: false, applied: plans.length, file: seen, counts, rows, errors };
}
