/**
 * Schools as LinkDesk holds them: GIAS facts, the LinkDesk category derived from them, and
 * the fields the team keeps itself. Shared so forms validate exactly as the main process does.
 */
import { z } from 'zod';
import { isoDate } from '../dates.ts';
import { pageFields } from './paging.ts';
import { foldForSearch } from './search.ts';
import { line, lines, singleSpaced } from './text.ts';
import type { Connection } from './people.ts';

export const SCHOOL_CATEGORIES = [
  'primary', 'secondary', 'all_through', 'special', 'alternative_provision', 'further_education', 'independent', 'nursery', 'other',
] as const;
export type SchoolCategory = (typeof SCHOOL_CATEGORIES)[number];
export const CATEGORY_LABELS: Record<SchoolCategory, string> = {
  primary: 'Primary',
  secondary: 'Secondary',
  all_through: 'All-through',
  special: 'Special',
  alternative_provision: 'Alternative provision (APC)',
  further_education: 'Further education college',
  independent: 'Independent',
  nursery: 'Nursery',
  other: 'Other',
};

export const SCHOOL_STATUSES = ['open', 'open_proposed_to_close', 'proposed_to_open', 'closed'] as const;
export type SchoolStatus = (typeof SCHOOL_STATUSES)[number];
export const STATUS_LABELS: Record<SchoolStatus, string> = {
  open: 'Open',
  open_proposed_to_close: 'Open, but proposed to close',
  proposed_to_open: 'Proposed to open',
  closed: 'Closed',
};

export const ENHANCED_SUPPORT_REASONS = ['not_engaging', 'many_plans', 'no_plans', 'high_exclusions', 'deprivation', 'other'] as const;
export type EnhancedSupportReason = (typeof ENHANCED_SUPPORT_REASONS)[number];
export const REASON_LABELS: Record<EnhancedSupportReason, string> = {
  not_engaging: 'Not engaging with Early Help',
  many_plans: 'Leads many Early Help Plans',
  no_plans: 'Leads no Early Help Plans',
  high_exclusions: 'High exclusions',
  deprivation: 'Local deprivation',
  other: 'Other',
};

/** GIAS's status names, as the download spells them. */
export function statusFromGias(name: string): SchoolStatus | null {
  const key = name.trim().toLowerCase();
  if (key === 'open') return 'open';
  if (key === 'open, but proposed to close') return 'open_proposed_to_close';
  if (key === 'proposed to open') return 'proposed_to_open';
  if (key === 'closed') return 'closed';
  return null;
}

const ALTERNATIVE_PROVISION = /pupil referral unit|alternative provision/i;
const SPECIAL = /special/i;
const INDEPENDENT = /independent/i;
const FURTHER_EDUCATION = /further education|sixth form centre/i;
const NURSERY = /nursery/i;
const NOT_A_SCHOOL = /welsh establishment|british schools overseas|online provider|secure unit|service children|miscellaneous|children's centre|higher education/i;

/**
 * The LinkDesk category from GIAS's type and phase. Type decides first (an alternative-provision
 * academy is an APC whatever its phase); then phase; then the statutory ages for the
 * mainstream schools GIAS files under "Not applicable".
 */
export function categoryOf(type: string, phase: string, lowAge?: number | null, highAge?: number | null): SchoolCategory {
  if (ALTERNATIVE_PROVISION.test(type)) return 'alternative_provision';
  if (SPECIAL.test(type)) return 'special';
  if (FURTHER_EDUCATION.test(type)) return 'further_education';
  if (NOT_A_SCHOOL.test(type)) return 'other';
  if (INDEPENDENT.test(type)) return 'independent';
  const p = phase.trim().toLowerCase();
  if (p === 'nursery' || NURSERY.test(type)) return 'nursery';
  if (p === 'primary' || p === 'middle deemed primary') return 'primary';
  if (p === 'secondary' || p === 'middle deemed secondary' || p === '16 plus') return 'secondary';
  if (p === 'all-through') return 'all_through';
  if (lowAge != null && highAge != null) {
    if (highAge <= 13 && lowAge < 9) return 'primary';
    if (lowAge >= 9) return 'secondary';
    return 'all_through';
  }
  return 'other';
}

export const Urn = line().regex(/^\d{6}$/, 'A URN is six digits');
/** A school chosen in a form's school picker: empty means nothing was chosen, which is what a person needs to hear. */
export const ChosenSchool = line().min(1, { message: 'Choose the school', abort: true }).regex(/^\d{6}$/, 'A URN is six digits');

const POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?) ?(\d[A-Z]{2})$/;
/** UK postcode, stored upper case with one space. */
export function normalisePostcode(value: string): string | null {
  const match = POSTCODE.exec(value.trim().toUpperCase().replace(/\s+/g, ' '));
  return match ? `${match[1]} ${match[2]}` : null;
}
export const Postcode = z
  .string()
  .trim()
  .refine((v) => v === '' || normalisePostcode(v) !== null, 'Enter a real UK postcode, like SW1A 1AA')
  .transform((v) => (v === '' ? null : normalisePostcode(v)));

export const WorkEmail = z.union([z.literal(''), z.email('Enter an email address like name@council.gov.uk')]).transform((v) => (v === '' ? null : v));

/** GIAS drops the leading zero of UK numbers (they are stored as numbers): put it back. */
export function restorePhone(raw: string): string | null {
  const digits = raw.replace(/[^\d+]/g, '');
  if (digits === '') return null;
  if (/^[1-9]\d{9}$/.test(digits)) return `0${digits}`;
  return digits;
}

const optionalText = (max: number) => (max >= 1000 ? lines() : line()).max(max, `Use ${max} characters or fewer`).transform((v) => (v === '' ? null : v));

/** What the team keeps about a school itself; never touched by a GIAS import. */
export const TeamHeldFields = z.object({
  hub: optionalText(60),
  dslName: optionalText(100),
  dslEmail: WorkEmail,
  mainContact: optionalText(200),
  notes: optionalText(4000),
});

export const EnhancedSupport = z
  .object({
    reasons: z.array(z.enum(ENHANCED_SUPPORT_REASONS)).min(1, 'Choose at least one reason'),
    otherText: line().max(300).optional(),
    setOn: isoDate(),
  })
  .refine((v) => !v.reasons.includes('other') || (v.otherText ?? '').length > 0, { message: 'Say what the other reason is', path: ['otherText'] });
export type EnhancedSupport = z.infer<typeof EnhancedSupport>;

/** A school added by hand (one GIAS does not list yet, or before the first import). */
export const NewSchool = z.object({
  urn: Urn,
  name: line().overwrite(singleSpaced).min(2, 'Enter the school name').max(200),
  establishmentType: line().min(1, 'Enter the type of establishment').max(100),
  phase: line().max(60).default('Not applicable'),
  status: z.enum(SCHOOL_STATUSES).default('open'),
  laCode: line().regex(/^\d{3}$/, 'An LA code is three digits'),
  laName: line().min(2, 'Enter the local authority').max(100),
  town: optionalText(100).optional(),
  postcode: Postcode.optional(),
  phone: optionalText(30).optional(),
  pupils: z.number().int('Use a whole number').min(0).max(10_000).nullable().optional(),
});
export type NewSchool = z.input<typeof NewSchool>;

export interface School {
  urn: string;
  name: string;
  establishmentType: string;
  phase: string;
  category: SchoolCategory;
  status: SchoolStatus;
  laCode: string;
  laName: string;
  street: string | null;
  locality: string | null;
  address3: string | null;
  town: string | null;
  county: string | null;
  postcode: string | null;
  phone: string | null;
  website: string | null;
  headTeacher: string | null;
  pupils: number | null;
  easting: number | null;
  northing: number | null;
  openedOn: string | null;
  closedOn: string | null;
  /** Set when a GIAS import found the school closed: the team should review its allocations. */
  closedInGiasOn: string | null;
  source: 'gias' | 'manual';
  giasImportedAt: string | null;
  hub: string | null;
  dslName: string | null;
  dslEmail: string | null;
  mainContact: string | null;
  notes: string | null;
  enhancedSupport: EnhancedSupport | null;
  /** Whether the team serves the school: its own choice if it has one, else its category's (a team setting). */
  inScope: boolean;
  /** The school's own choice, set on its page: null follows its category. */
  inScopeChoice: boolean | null;
}

export type SchoolSummary = Pick<School, 'urn' | 'name' | 'category' | 'status' | 'town' | 'postcode' | 'hub' | 'pupils' | 'closedInGiasOn' | 'inScope'> & {
  enhanced: boolean;
};

/** Put a school in or out of the team's scope whatever its category, or (null) let its category decide. */
export const SchoolScopeInput = z.object({ urn: Urn, inScope: z.boolean().nullable() }).strict();

export const SCHOOL_SORTS = ['name', 'urn', 'town', 'pupils', 'category'] as const;
/** Schools in one answer unless asked otherwise, and the most one answer may hold. */
export const SCHOOL_PAGE = 100;
export const SCHOOL_PAGE_MAX = 1000;
export const SchoolQuery = z.object({
  search: line().max(100).default(''),
  categories: z.array(z.enum(SCHOOL_CATEGORIES)).default([]),
  statuses: z.array(z.enum(SCHOOL_STATUSES)).default([]),
  hub: line().max(60).optional(),
  enhancedOnly: z.boolean().default(false),
  sort: z.enum(SCHOOL_SORTS).default('name'),
  descending: z.boolean().default(false),
  /** A page of the result: the screens load more as the user scrolls, the total says how many match. */
  ...pageFields(SCHOOL_PAGE, SCHOOL_PAGE_MAX),
}).strict();
export type SchoolQuery = z.input<typeof SchoolQuery>;

export interface SchoolDetail {
  school: School;
  connections: Connection[];
}

/**
 * What the register's search index holds for a school: its name, URN, town and postcode (with
 * and without its space, so "nw11aa" finds NW1 1AA), folded as every search is.
 */
export function schoolSearchText(f: { urn: string; name: string; town: string | null; postcode: string | null }): string {
  return foldForSearch([f.name, f.urn, f.town ?? '', f.postcode ?? '', (f.postcode ?? '').replace(/\s/g, '')].join(' '));
}
