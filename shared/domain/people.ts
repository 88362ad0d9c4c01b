/** The team's workers and their declared connections to schools (conflicts of interest). */
import { z } from 'zod';
import { isoDate } from '../dates.ts';
import { line } from './text.ts';
import { ChosenSchool, WorkEmail } from './schools.ts';

export const ROLES = ['fsw', 'team_manager', 'other'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = { fsw: 'Family Support Worker', team_manager: 'Team Manager', other: 'Other' };

/** Reads a role as people write it in a spreadsheet. */
export function roleFromText(text: string): Role | null {
  const t = text.trim().toLowerCase().replace(/[^a-z ]/g, '');
  if (t === 'fsw' || t === 'family support worker') return 'fsw';
  if (t === 'tm' || t === 'team manager') return 'team_manager';
  if (t === 'other') return 'other';
  return null;
}

/** More Level 3 Early Help Plans than this is above the procedure's norm. */
export const LEVEL3_PLANS_NORM = 2;

export const CONNECTION_KINDS = ['own_child_attends', 'family_member_works_there', 'governor_or_trustee', 'other'] as const;
export type ConnectionKind = (typeof CONNECTION_KINDS)[number];
export const CONNECTION_LABELS: Record<ConnectionKind, string> = {
  own_child_attends: 'Own child attends',
  family_member_works_there: 'Close family member works there',
  governor_or_trustee: 'Governor or trustee',
  other: 'Other',
};

export function connectionKindFromText(text: string): ConnectionKind | null {
  const t = text.trim().toLowerCase();
  if (/own child/.test(t)) return 'own_child_attends';
  if (/family member/.test(t)) return 'family_member_works_there';
  if (/governor|trustee/.test(t)) return 'governor_or_trustee';
  if (t === 'other') return 'other';
  return null;
}

const IsoDate = isoDate();
const OptionalDate = z.union([z.literal(''), IsoDate]).optional().transform((v) => (v ? v : null));

export const PersonFields = z
  .object({
    name: line().min(2, 'Enter the name').max(100),
    role: z.enum(ROLES),
    email: WorkEmail,
    phone: line().max(30).transform((v) => (v === '' ? null : v)),
    hub: line().max(60).transform((v) => (v === '' ? null : v)),
    activeFrom: IsoDate,
    activeTo: OptionalDate,
    /** Most schools as named link worker; empty means the team default. */
    capacity: z.number().int('Use a whole number').min(0).max(200).nullable(),
    level3Plans: z.number().int('Use a whole number').min(0).max(50).default(0),
  })
  .refine((p) => !p.activeTo || p.activeTo >= p.activeFrom, { message: 'Active to must be on or after active from', path: ['activeTo'] });
export type PersonInput = z.input<typeof PersonFields>;

export interface Person {
  id: string;
  name: string;
  role: Role;
  email: string | null;
  phone: string | null;
  hub: string | null;
  activeFrom: string;
  activeTo: string | null;
  capacity: number | null;
  level3Plans: number;
}

export interface PersonSummary extends Person {
  active: boolean;
  connections: number;
}

export const ConnectionFields = z
  .object({
    personId: z.string().uuid(),
    urn: ChosenSchool,
    kind: z.enum(CONNECTION_KINDS),
    otherText: line().max(300).optional(),
    from: IsoDate,
    to: OptionalDate,
  })
  .refine((c) => c.kind !== 'other' || (c.otherText ?? '').length > 0, { message: 'Describe the connection', path: ['otherText'] })
  .refine((c) => !c.to || c.to >= c.from, { message: 'To must be on or after from', path: ['to'] });
export type ConnectionInput = z.input<typeof ConnectionFields>;

export interface Connection {
  id: string;
  personId: string;
  personName: string;
  urn: string;
  schoolName: string;
  kind: ConnectionKind;
  otherText: string | null;
  from: string;
  to: string | null;
  recordedBy: string;
  recordedAt: string;
  /** Set when declaring it: the worker already holds this school, which needs reallocating. */
  warning?: string;
}

/** True when the date falls inside [from, to]; `to` empty means still current. */
export function isCurrentOn(period: { from: string; to: string | null }, isoDate: string): boolean {
  return period.from <= isoDate && (period.to === null || isoDate <= period.to);
}

export interface PersonDetail {
  person: Person;
  active: boolean;
  connections: Connection[];
  /** Plain-words cautions, such as Level 3 plans above the norm. */
  warnings: string[];
}
