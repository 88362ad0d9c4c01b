/**
 * Team-held fields set on many schools in one change: every school is read and compared first,
 * a URN not in the register refuses the whole change, and the schools that change are written in
 * one transaction with an audit row each (naming the fields, never the values).
 */
import type { z } from 'zod';
import { BULK_FIELDS, type BulkField, type BulkTeamFieldsInput, type BulkTeamFieldsResult } from '../../../shared/domain/school-bulk.ts';
import type { School } from '../../../shared/domain/schools.ts';
import { AppError } from '../../../shared/errors.ts';
import { plural } from '../../../shared/format.ts';
import type { Connection } from '../db/cipher.ts';
import { write, type Audit, type WriteContext } from '../db/write.ts';
import { selectSchool, updateTeamHeldSome, type BulkColumns } from './repo.ts';

export type BulkValues = Partial<Record<BulkField, string | null>>;

/** The fields of `values` that differ from what the school holds now. */
export function fieldsToChange(school: School, values: BulkValues): BulkField[] {
  return BULK_FIELDS.filter((f) => values[f] !== undefined && values[f] !== school[f]);
}

/** Writes the changed fields of one school and its audit row; inside a `write`. */
export function applyToSchool(db: Connection, audit: Audit, urn: string, values: BulkValues, fields: BulkField[], action: string, at: string): void {
  const chosen: BulkColumns = Object.fromEntries(fields.map((f) => [f, values[f] ?? null]));
  updateTeamHeldSome(db, urn, chosen, at);
  audit('school', urn, action, `Changed: ${fields.join(', ')}`);
}

export function setTeamFieldsOfMany(ctx: WriteContext, input: z.output<typeof BulkTeamFieldsInput>): BulkTeamFieldsResult {
  const missing: { path: string; message: string }[] = [];
  const plans: { urn: string; fields: BulkField[] }[] = [];
  input.urns.forEach((urn, i) => {
    const school = selectSchool(ctx.db, urn);
    if (school) plans.push({ urn, fields: fieldsToChange(school, input.set) });
    else missing.push({ path: `urns.${i}`, message: `No school has URN ${urn} in this team database` });
  });
  if (missing.length > 0) {
    const urns = missing.map((m) => m.message.replace(/^No school has URN (\d+).*$/, '$1'));
    throw new AppError('invalid_input', `${plural(missing.length, 'URN')} chosen ${missing.length === 1 ? 'is' : 'are'} not in this team database (${urns.slice(0, 5).join(', ')}${urns.length > 5 ? '…' : ''}). Nothing was changed.`, { issues: missing });
  }
  const changing = plans.filter((p) => p.fields.length > 0);
  if (!input.dryRun && changing.length > 0) {
    const at = ctx.now().toISOString();
    write(ctx, (audit) => {
      for (const p of changing) applyToSchool(ctx.db, audit, p.urn, input.set, p.fields, 'bulk-update', at);
    });
  }
  return { dryRun: input.dryRun, changed: changing.length, unchanged: plans.length - changing.length };
}
