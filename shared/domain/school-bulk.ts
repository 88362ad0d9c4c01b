/**
 * Changing many schools at once: the hub and DSL details of the schools chosen in the list, and
 * the hubs of a spreadsheet of URN and hub. After a GIAS import every school has no hub; these
 * are how a team fills them without opening each school.
 */
import { z } from 'zod';
import { oneFileToRead, TransferId } from './files.ts';
import type { RowError } from './imports.ts';
import { Urn } from './schools.ts';
import { filePath, line } from './text.ts';

/** The team-held fields that can be set on many schools at once. */
export const BULK_FIELDS = ['hub', 'dslName', 'dslEmail'] as const;
export type BulkField = (typeof BULK_FIELDS)[number];
export const BULK_FIELD_LABELS: Record<BulkField, string> = { hub: 'Hub', dslName: 'DSL name', dslEmail: 'DSL email' };

/** Empty clears the field; a field left out is kept as each school has it. */
const cleared = (v: string): string | null => (v === '' ? null : v);

export const BulkTeamFieldsInput = z
  .object({
    urns: z
      .array(Urn)
      .min(1, 'Choose at least one school')
      .max(5000, 'Choose at most 5,000 schools at once')
      .refine((urns) => new Set(urns).size === urns.length, 'A school is chosen more than once'),
    set: z
      .object({
        hub: line().max(60, 'Use 60 characters or fewer for the hub').transform(cleared).optional(),
        dslName: line().max(100, 'Use 100 characters or fewer for the DSL name').transform(cleared).optional(),
        dslEmail: z.union([z.literal(''), z.email('Enter the DSL email like name@school.sch.uk')]).transform(cleared).optional(),
      })
      .strict()
      .refine((s) => Object.keys(s).length > 0, 'Say what to change: the hub, the DSL name or the DSL email'),
    /** Only count what would change, for the confirmation. */
    dryRun: z.boolean().default(false),
  })
  .strict();
export type BulkTeamFieldsInput = z.input<typeof BulkTeamFieldsInput>;

export interface BulkTeamFieldsResult {
  dryRun: boolean;
  /** Schools whose fields change (or would). */
  changed: number;
  /** Schools that already hold these values. */
  unchanged: number;
}

export const HubImportInput = z
  .object({
    path: filePath('Choose the .csv or .xlsx file, or enter its full path').optional(),
    upload: TransferId.optional(),
    dryRun: z.boolean().default(true),
    /** Apply the good rows of a file that also has refused rows: only after the person chose to. */
    applyGoodRows: z.boolean().default(false),
    /** The file as the preview saw it: a file changed since is refused. */
    expected: z.object({ bytes: z.number().int(), modifiedAt: z.string().max(40) }).strict().optional(),
  })
  .strict()
  .superRefine(oneFileToRead('Choose the .csv or .xlsx file, or enter its full path'));

export interface HubImportChange {
  field: BulkField;
  from: string | null;
  to: string | null;
}

export interface HubImportRow {
  row: number;
  urn: string;
  /** The school's name in LinkDesk, when the URN is one of the team's schools. */
  school: string | null;
  outcome: 'change' | 'unchanged' | 'refused';
  changes: HubImportChange[];
  /** Why the row was refused: the row, the column and what is wrong. */
  message?: string;
}

export interface HubImportResult {
  dryRun: boolean;
  /** Schools changed (0 for a preview, or when refused rows stopped the import). */
  applied: number;
  file: { name: string; bytes: number; modifiedAt: string };
  counts: { change: number; unchanged: number; refused: number };
  rows: HubImportRow[];
  errors: RowError[];
}
