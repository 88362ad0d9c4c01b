/** Rules for the school register: search, the team's own fields, enhanced support, closing. */
import type { z } from 'zod';
import { type EnhancedSupport, type NewSchool, type SchoolQuery, type TeamHeldFields, categoryOf, type School, type SchoolDetail, type SchoolSummary } from '../../../shared/domain/schools.ts';
import { AppError } from '../../../shared/errors.ts';
import { plural } from '../../../shared/format.ts';
import { endOpenPeriodsOfSchool } from '../allocations/repo.ts';
import type { Connection } from '../db/cipher.ts';
import { write, type WriteContext } from '../db/write.ts';
import { selectConnectionsOfSchool } from '../people/repo.ts';
import {
  clearClosedInGias, insertSchool, searchSchools, selectHubs, selectSchool, updateEnhancedSupport, updateInScope, updateStatus, updateTeamHeld,
} from './repo.ts';

export function requireSchool(db: Connection, urn: string): School {
  const school = selectSchool(db, urn);
  if (!school) throw new AppError('not_found', `There is no school with URN ${urn} in this team database.`, { urn });
  return school;
}

export function listSchools(db: Connection, query: z.output<typeof SchoolQuery>): { rows: SchoolSummary[]; total: number } {
  return searchSchools(db, query);
}

export function schoolHubs(db: Connection): string[] {
  return selectHubs(db);
}


export function schoolDetail(db: Connection, urn: string): SchoolDetail {
  return { school: requireSchool(db, urn), connections: selectConnectionsOfSchool(db, urn) };
}

export function addSchool(ctx: WriteContext, input: z.output<typeof NewSchool>): School {
  if (selectSchool(ctx.db, input.urn)) {
    throw new AppError('invalid_input', `A school with URN ${input.urn} is already in the register.`, { issues: [{ path: 'urn', message: 'This URN is already in the register' }] });
  }
  const at = ctx.now().toISOString();
  write(ctx, (audit) => {
    insertSchool(
      ctx.db,
      {
        urn: input.urn, name: input.name, establishmentType: input.establishmentType, phase: input.phase,
        category: categoryOf(input.establishmentType, input.phase), status: input.status, laCode: input.laCode, laName: input.laName,
        street: null, locality: null, address3: null, town: input.town ?? null, county: null, postcode: input.postcode ?? null,
        phone: input.phone ?? null, website: null, headTeacher: null, pupils: input.pupils ?? null, easting: null, northing: null, openedOn: null,
        closedOn: input.status === 'closed' ? at.slice(0, 10) : null,
      },
      'manual',
      at,
    );
    audit('school', input.urn, 'create');
  });
  return requireSchool(ctx.db, input.urn);
}

export function updateSchoolTeamFields(ctx: WriteContext, urn: string, fields: z.output<typeof TeamHeldFields>): School {
  const before = requireSchool(ctx.db, urn);
  const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter((k) => fields[k] !== before[k]);
  if (changed.length === 0) return before;
  write(ctx, (audit) => {
    updateTeamHeld(ctx.db, urn, fields, ctx.now().toISOString());
    audit('school', urn, 'update', `Changed: ${changed.join(', ')}`);
  });
  return requireSchool(ctx.db, urn);
}

export function setEnhancedSupport(ctx: WriteContext, urn: string, value: z.output<typeof EnhancedSupport> | null): School {
  requireSchool(ctx.db, urn);
  write(ctx, (audit) => {
    updateEnhancedSupport(ctx.db, urn, value, ctx.now().toISOString());
    audit('school', urn, value ? 'enhanced-support-set' : 'enhanced-support-cleared');
  });
  return requireSchool(ctx.db, urn);
}

/** Closing keeps the school and its history; nothing is ever hard-deleted. */
export function closeSchool(ctx: WriteContext, urn: string, closedOn: string): School {
  const school = requireSchool(ctx.db, urn);
  if (school.status === 'closed') throw new AppError('invalid_input', `${school.name} is already closed.`);
  write(ctx, (audit) => {
    updateStatus(ctx.db, urn, 'closed', closedOn, ctx.now().toISOString());
    const ended = endOpenPeriodsOfSchool(ctx.db, urn, closedOn);
    audit('school', urn, 'close', ended ? `ended ${plural(ended, 'allocation')}` : undefined);
  });
  return requireSchool(ctx.db, urn);
}

/** The team has seen the "closed in GIAS" flag and dealt with it. */
export function acknowledgeClosure(ctx: WriteContext, urn: string): School {
  requireSchool(ctx.db, urn);
  write(ctx, (audit) => {
    clearClosedInGias(ctx.db, urn, ctx.now().toISOString());
    audit('school', urn, 'closure-acknowledged');
  });
  return requireSchool(ctx.db, urn);
}

/**
 * Puts a school in or out of the team's scope whatever its category, or (null) lets its category
 * decide again. A school out of scope leaves the planner, the dashboard's visit items, the nurse
 * flag and the SPOC list; its records, allocations and history stay.
 */
export function setSchoolScope(ctx: WriteContext, urn: string, inScope: boolean | null): School {
  const before = requireSchool(ctx.db, urn);
  if (before.inScopeChoice === inScope) return before;
  write(ctx, (audit) => {
    updateInScope(ctx.db, urn, inScope, ctx.now().toISOString());
    audit('school', urn, 'scope', inScope === null ? 'Scope follows the category' : inScope ? 'In scope' : 'Out of scope');
  });
  return requireSchool(ctx.db, urn);
}
