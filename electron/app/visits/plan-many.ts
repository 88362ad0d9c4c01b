/**
 * A term's visit dates for many schools in one sitting (the planner's grid). Every row goes
 * through planVisit, the single visit's own rules and warnings, inside one transaction: each row
 * in a savepoint of its own, so a refused row is undone alone and named with its field. Then the
 * whole transaction commits only when it should: not for a dry run, and not when any row was
 * refused unless the person chose to save the good rows. A crash mid-way leaves none of it.
 */
import type { z } from 'zod';
import { dateWarnings, PlanVisitInput, type PlanManyInput, type PlanManyRowResult, type PlanManyResult } from '../../../shared/domain/visits.ts';
import { AppError } from '../../../shared/errors.ts';
import { localDay } from '../../../shared/format.ts';
import { listYears, workingCalendar } from '../calendar/service.ts';
import type { WriteContext } from '../db/write.ts';
import { selectSchool } from '../schools/repo.ts';
import { selectVisitFor } from './repo.ts';
import { planVisit } from './service.ts';

type Row = z.output<typeof PlanManyInput>['rows'][number];
type Field = PlanManyRowResult['problems'][number]['field'];
const FIELDS: readonly Field[] = ['urn', 'date', 'agreed', 'movedReason'];

/** Thrown to undo the whole transaction once every row has been tried. */
class NothingToKeep extends Error {}

/** The field an AppError names (its first issue's path), as the grid's column; a problem naming none is the date's. */
function problemsOf(error: AppError): PlanManyRowResult['problems'] {
  const issues = (error.details as { issues?: { path?: unknown }[] } | undefined)?.issues ?? [];
  const field = FIELDS.find((f) => f === issues[0]?.path) ?? 'date';
  return [{ field, message: error.message }];
}

/** Whether the row asks for what the visit already is, so nothing is written or audited for it. */
function unchanged(ctx: WriteContext, input: z.output<typeof PlanManyInput>, row: Row): PlanManyRowResult | null {
  const existing = selectVisitFor(ctx.db, row.urn, input.yearLabel, input.term);
  if (!existing) return null;
  const date = row.date || null;
  const proposed = existing.status === 'to_be_agreed';
  const same = existing.date === date && (row.agreed ? !proposed && existing.status !== 'cancelled' : proposed) && (!row.agreedWith || row.agreedWith === existing.agreedWith);
  if (!same) return null;
  const warnings = date ? dateWarnings(workingCalendar(ctx.db, row.urn), listYears(ctx.db), date, localDay(ctx.now()), input.term, existing) : [];
  return { urn: row.urn, name: existing.schoolName, outcome: 'unchanged', status: existing.status, date, warnings, problems: [] };
}

function planRow(ctx: WriteContext, input: z.output<typeof PlanManyInput>, row: Row, seen: Map<string, number>, index: number): PlanManyRowResult {
  const school = selectSchool(ctx.db, row.urn);
  const refused = (field: Field, message: string): PlanManyRowResult => ({ urn: row.urn, name: school?.name ?? '', outcome: 'refused', status: null, date: row.date || null, warnings: [], problems: [{ field, message }] });
  if (!school) return refused('urn', `No school has URN ${row.urn} in this team database.`);
  const first = seen.get(row.urn);
  if (first !== undefined) return refused('urn', `${school.name} is in the grid twice (rows ${first + 1} and ${index + 1}): keep one.`);
  seen.set(row.urn, index);
  const same = unchanged(ctx, input, row);
  if (same) return same;
  const parsed = PlanVisitInput.parse({
    urn: row.urn, yearLabel: input.yearLabel, term: input.term, date: row.date, agreed: row.agreed,
    ...(row.agreedWith ? { agreedWith: row.agreedWith } : {}), ...(row.movedReason ? { movedReason: row.movedReason } : {}),
  });
  try {
    // Its own savepoint: a refusal part-way through one row leaves the others as they are.
    const { visit, warnings } = ctx.db.transaction(() => planVisit(ctx, parsed))();
    return { urn: row.urn, name: school.name, outcome: 'saved', status: visit.status, date: visit.date, warnings, problems: [] };
  } catch (error) {
    if (!(error instanceof AppError) || (error.code !== 'invalid_input' && error.code !== 'not_found')) throw error;
    return { ...refused('date', error.message), problems: problemsOf(error) };
  }
}

export function planMany(ctx: WriteContext, input: z.output<typeof PlanManyInput>): PlanManyResult {
  const rows: PlanManyRowResult[] = [];
  let saved = false;
  try {
    ctx.db.transaction(() => {
      const seen = new Map<string, number>();
      input.rows.forEach((row, index) => rows.push(planRow(ctx, input, row, seen, index)));
      const anyRefused = rows.some((r) => r.outcome === 'refused');
      const anyToSave = rows.some((r) => r.outcome === 'saved');
      if (input.dryRun || !anyToSave || (anyRefused && !input.saveGood)) throw new NothingToKeep();
      saved = true;
    })();
  } catch (error) {
    if (!(error instanceof NothingToKeep)) throw error;
  }
  return { dryRun: input.dryRun, saved, rows };
}
