/**
 * The set-up and annual-declaration imports: people, and declared connections. Every row is
 * checked first and planned (added, changed, unchanged, refused by row and column); a file with
 * any refused row applies nothing unless the caller asked for the good rows; the rest apply in
 * one transaction. The command line and the screens' import pages call the same functions.
 */
import { randomUUID } from 'node:crypto';
import { CONNECTION_LABELS, ConnectionFields, connectionKindFromText, PersonFields, roleFromText, type ConnectionKind, type Person } from '../../../shared/domain/people.ts';
import type { RowsImportResult } from '../../../shared/domain/imports.ts';
import type { WriteContext } from '../db/write.ts';
import { fileSeen, RowPlan, type RowsImportOptions } from '../imports/row-plan.ts';
import { mapColumns, readTable } from '../imports/table-file.ts';
import { parseDate } from '../imports/text-file.ts';
import { selectSchool } from '../schools/repo.ts';
import { insertConnection, insertPerson, selectDuplicateConnection, selectPersonByEmail, updatePerson } from './repo.ts';
import { formatDate, localDay } from '../../../shared/format.ts';

export type ImportOptions = RowsImportOptions;

/** The first problem zod found, with the column it belongs to as the file names it. */
function firstIssue(error: { issues: { path: PropertyKey[]; message: string }[] }, columnOf: (key: string) => string | undefined): { field: string | undefined; message: string } {
  const issue = error.issues[0];
  const key = issue ? String(issue.path[0] ?? '') : '';
  const field = columnOf(key);
  return { field, message: `${field ?? (key || 'row')}: ${issue?.message ?? 'invalid'}.` };
}

/** The file's own name for a column, or the name LinkDesk looks for when the file leaves it out. */
function headerName(header: string[], index: number, fallback: string): string {
  return index >= 0 ? (header[index] ?? fallback) : fallback;
}

const PERSON_FIELD_LABELS = {
  name: 'Name', role: 'Role', email: 'Email', phone: 'Phone', hub: 'Hub', capacity: 'Capacity', activeFrom: 'Active from', activeTo: 'Active to',
} as const;
type PersonKey = keyof typeof PERSON_FIELD_LABELS;

export async function importPeople(ctx: WriteContext, path: string, options: ImportOptions): Promise<RowsImportResult> {
  const file = fileSeen(path, options.expected);
  const table = await readTable(path);
  const col = mapColumns(table.header, {
    name: { names: ['Name'], required: true },
    role: { names: ['Role'], required: true },
    email: { names: ['Email', 'Work email'], required: true },
    phone: { names: ['Phone', 'Work phone'], required: false },
    hub: { names: ['Hub'], required: false },
    capacity: { names: ['Capacity'], required: false },
    activeFrom: { names: ['Active from'], required: true },
    activeTo: { names: ['Active to'], required: false },
  });
  const column = (key: PersonKey) => headerName(table.header, col[key], PERSON_FIELD_LABELS[key]);
  const columnOf = (key: string) => (key in PERSON_FIELD_LABELS ? column(key as PersonKey) : undefined);
  const plan = new RowPlan<Person>();
  const seen = new Map<string, number>();
  const today = localDay(ctx.now());
  for (const { row, values } of table.rows) {
    const get = (i: number) => (i >= 0 ? (values[i] ?? '').trim() : '');
    const role = roleFromText(get(col.role));
    if (!role) {
      plan.refuse(row, column('role'), `Role "${get(col.role)}" is not Family Support Worker, Team Manager or Other.`);
      continue;
    }
    const from = get(col.activeFrom) === '' ? today : parseDate(get(col.activeFrom));
    const to = parseDate(get(col.activeTo));
    if (from === undefined || from === null || to === undefined) {
      const key = from === undefined ? 'activeFrom' : 'activeTo';
      plan.refuse(row, column(key), `"${get(col[key])}" is not a date (use 2026-09-01 or 01/09/2026).`);
      continue;
    }
    const capacityText = get(col.capacity);
    if (capacityText !== '' && !/^\d+$/.test(capacityText)) {
      plan.refuse(row, column('capacity'), `Capacity "${capacityText}" is not a whole number.`);
      continue;
    }
    const parsed = PersonFields.safeParse({
      name: get(col.name), role, email: get(col.email), phone: get(col.phone), hub: get(col.hub), activeFrom: from, activeTo: to ?? '',
      capacity: capacityText === '' ? null : Number(capacityText), level3Plans: 0,
    });
    if (!parsed.success) {
      const { field, message } = firstIssue(parsed.error, columnOf);
      plan.refuse(row, field, message);
      continue;
    }
    const email = parsed.data.email?.toLowerCase() ?? '';
    if (!email) {
      plan.refuse(row, column('email'), 'Email is empty; people are matched by their work email.');
      continue;
    }
    const firstRow = seen.get(email);
    if (firstRow !== undefined) {
      plan.refuse(row, column('email'), `${email} appears more than once (first on row ${firstRow}).`);
      continue;
    }
    seen.set(email, row);
    const existing = selectPersonByEmail(ctx.db, email);
    if (!existing) {
      plan.add(row, parsed.data.name, { ...parsed.data, id: randomUUID() });
      continue;
    }
    // For someone LinkDesk already has, a missing column or a blank cell keeps what it holds:
    // a shorter spreadsheet must not wipe phone numbers or bring a leaver back.
    const given = (i: number) => get(i) !== '';
    const p = parsed.data;
    const next: Person = {
      ...existing,
      name: p.name,
      role: p.role,
      email: p.email,
      phone: given(col.phone) ? p.phone : existing.phone,
      hub: given(col.hub) ? p.hub : existing.hub,
      capacity: given(col.capacity) ? p.capacity : existing.capacity,
      activeFrom: given(col.activeFrom) ? p.activeFrom : existing.activeFrom,
      activeTo: given(col.activeTo) ? p.activeTo : existing.activeTo,
    };
    const changes = (Object.keys(PERSON_FIELD_LABELS) as PersonKey[]).filter((k) => next[k] !== existing[k]).map(column);
    plan.update(row, p.name, changes, next);
  }
  const at = ctx.now().toISOString();
  return plan.finish(ctx, file, options, (person, audit, isNew) => {
    if (isNew) insertPerson(ctx.db, person, at);
    else updatePerson(ctx.db, person, at);
    audit('person', person.id, isNew ? 'import-add' : 'import-update');
  });
}

interface PlannedConnection {
  personId: string;
  urn: string;
  kind: ConnectionKind;
  otherText: string | null;
  from: string;
  to: string | null;
}

export async function importConnections(ctx: WriteContext, path: string, options: ImportOptions): Promise<RowsImportResult> {
  const file = fileSeen(path, options.expected);
  const table = await readTable(path);
  const col = mapColumns(table.header, {
    email: { names: ['Worker email', 'Email'], required: true },
    urn: { names: ['School URN', 'URN'], required: true },
    kind: { names: ['Connection'], required: true },
    otherText: { names: ['Details', 'Other'], required: false },
    from: { names: ['From'], required: true },
    to: { names: ['To'], required: false },
  });
  const labels = { email: 'Worker email', urn: 'School URN', kind: 'Connection', otherText: 'Details', from: 'From', to: 'To' } as const;
  const column = (key: keyof typeof labels) => headerName(table.header, col[key], labels[key]);
  const columnOf = (key: string) => (key === 'personId' ? column('email') : key in labels ? column(key as keyof typeof labels) : undefined);
  const plan = new RowPlan<PlannedConnection>();
  const seen = new Map<string, number>();
  for (const { row, values } of table.rows) {
    const get = (i: number) => (i >= 0 ? (values[i] ?? '').trim() : '');
    const person = selectPersonByEmail(ctx.db, get(col.email));
    if (!person) {
      plan.refuse(row, column('email'), `no worker has the email "${get(col.email)}". Import the people first.`);
      continue;
    }
    const school = selectSchool(ctx.db, get(col.urn));
    if (!school) {
      plan.refuse(row, column('urn'), `no school has URN "${get(col.urn)}" in this team database.`);
      continue;
    }
    const kind = connectionKindFromText(get(col.kind));
    if (!kind) {
      plan.refuse(row, column('kind'), `Connection "${get(col.kind)}" is not one of: own child attends, family member works there, governor or trustee, other.`);
      continue;
    }
    const from = parseDate(get(col.from));
    const to = parseDate(get(col.to));
    if (!from || to === undefined) {
      const key = !from ? 'from' : 'to';
      plan.refuse(row, column(key), `"${get(col[key])}" is not a date (use 2026-09-01 or 01/09/2026).`);
      continue;
    }
    const parsed = ConnectionFields.safeParse({ personId: person.id, urn: get(col.urn), kind, otherText: get(col.otherText) || (kind === 'other' ? '' : undefined), from, to: to ?? '' });
    if (!parsed.success) {
      const { field, message } = firstIssue(parsed.error, columnOf);
      plan.refuse(row, field, message);
      continue;
    }
    const key = `${person.id}|${parsed.data.urn}|${kind}`;
    const firstRow = seen.get(key);
    if (firstRow !== undefined) {
      plan.refuse(row, undefined, `${person.name} has this connection to URN ${parsed.data.urn} on row ${firstRow} too.`);
      continue;
    }
    seen.set(key, row);
    const held = selectDuplicateConnection(ctx.db, person.id, parsed.data.urn, kind, parsed.data.from);
    // The same declaration again (this year's file holds last year's rows): nothing to change.
    if (held && held.from === parsed.data.from && held.to === parsed.data.to) {
      plan.unchanged();
      continue;
    }
    if (held) {
      plan.refuse(row, undefined, `${person.name} already has this connection to URN ${parsed.data.urn}, from ${formatDate(held.from)}${held.to ? ` to ${formatDate(held.to)}` : ''}. End it on their page first if this one replaces it.`);
      continue;
    }
    const name = `${person.name}: ${CONNECTION_LABELS[kind].toLowerCase()}, ${school.name}`;
    plan.add(row, name, { personId: person.id, urn: parsed.data.urn, kind, otherText: parsed.data.otherText ?? null, from: parsed.data.from, to: parsed.data.to });
  }
  const at = ctx.now().toISOString();
  return plan.finish(ctx, file, options, (c, audit) => {
    const id = randomUUID();
    insertConnection(ctx.db, { id, personId: c.personId, urn: c.urn, kind: c.kind, otherText: c.otherText, from: c.from, to: c.to, recordedBy: ctx.actor, recordedAt: at });
    audit('connection', id, 'import-declare');
  });
}
