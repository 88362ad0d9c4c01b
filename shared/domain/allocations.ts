/**
 * Link-worker allocation: each school has a named link worker (the SPOC) and a secondary link
 * worker. The rules of seed 004 section 3 as small pure functions, shared so the screen shows
 * exactly the findings the main process enforces.
 */
import { z } from 'zod';
import { isoDate } from '../dates.ts';
import { line } from './text.ts';
import { addDays, formatDate, plural } from '../format.ts';
import type { ConnectionKind } from './people.ts';
import { declarationOutOfDate } from './declarations.ts';
import { CONNECTION_LABELS } from './people.ts';
import type { SchoolCategory, SchoolStatus } from './schools.ts';
import { CATEGORY_LABELS, Urn } from './schools.ts';

export const ALLOCATION_ROLES = ['named', 'secondary'] as const;
export type AllocationRole = (typeof ALLOCATION_ROLES)[number];
export const ROLE_NAMES: Record<AllocationRole, string> = { named: 'named link worker (SPOC)', secondary: 'secondary link worker' };

export const LEAVING_SOON_DAYS = 30;

export interface WorkerFacts {
  id: string;
  name: string;
  hub: string | null;
  activeFrom: string;
  activeTo: string | null;
  capacity: number | null;
  /** The day of their latest annual declaration of connections; null when they have made none. */
  lastDeclaredOn: string | null;
}

export interface ConnectionFacts {
  personId: string;
  kind: ConnectionKind;
  otherText: string | null;
  from: string;
  to: string | null;
}

export interface Load {
  schools: number;
  pupils: number;
}

/** Everything the rules need to judge one school's proposed named and secondary workers. */
export interface ProposalFacts {
  school: { urn: string; name: string; category: SchoolCategory; hub: string | null; status?: SchoolStatus };
  named: WorkerFacts | null;
  secondary: WorkerFacts | null;
  effectiveFrom: string;
  countyAgreement: { on: string; by: string } | null;
  /** The team setting: categories whose allocation needs a county-level agreement (West Sussex: APCs). */
  countyAgreementCategories: readonly SchoolCategory[];
  /** Declared connections of the proposed workers to this school. */
  connections: ConnectionFacts[];
  /** Named-worker load of each proposed worker once the change (and any batch) is applied. */
  loadAfter: Map<string, Load>;
  teamAverage: Load;
  fairnessPercent: number;
  defaultCapacity: number;
}

export const RULES = [
  'school_closed', 'own_child_attends', 'same_worker_twice', 'worker_not_active', 'apc_without_county_agreement',
  'declared_connection', 'over_capacity', 'above_team_average', 'hub_mismatch', 'school_without_worker', 'worker_leaving_soon',
  'declaration_out_of_date',
] as const;
export type RuleId = (typeof RULES)[number];

export interface Finding {
  rule: RuleId;
  severity: 'blocking' | 'warning';
  message: string;
}

type Rule = (facts: ProposalFacts) => Finding[];

const proposed = (f: ProposalFacts): { role: AllocationRole; worker: WorkerFacts }[] =>
  ALLOCATION_ROLES.flatMap((role) => {
    const worker = f[role];
    return worker ? [{ role, worker }] : [];
  });

/**
 * An allocation runs from its date with no end, so a connection matters if it is current on
 * that date or starts later (a child starting at the school next September).
 */
const currentOn = (c: ConnectionFacts, date: string) => c.to === null || c.to >= date;

export const schoolClosed: Rule = (f) =>
  f.school.status === 'closed' && (f.named || f.secondary)
    ? [{ rule: 'school_closed', severity: 'blocking', message: `${f.school.name} is closed: it takes no link workers.` }]
    : [];

export const ownChildAttends: Rule = (f) =>
  proposed(f).flatMap(({ worker }) =>
    f.connections
      .filter((c) => c.personId === worker.id && c.kind === 'own_child_attends' && currentOn(c, f.effectiveFrom))
      .map((c) => ({
        rule: 'own_child_attends' as const,
        severity: 'blocking' as const,
        message: `${worker.name} declared that their own child attends ${f.school.name} (${c.from > f.effectiveFrom ? 'from' : 'since'} ${formatDate(c.from)}). A link worker is never assigned to a school their own children attend.`,
      })),
  );

export const sameWorkerTwice: Rule = (f) =>
  f.named && f.secondary && f.named.id === f.secondary.id
    ? [{ rule: 'same_worker_twice', severity: 'blocking', message: `${f.named.name} cannot be both the named and the secondary link worker: the secondary covers when the named worker is away.` }]
    : [];

export const workerNotActive: Rule = (f) =>
  proposed(f)
    .filter(({ worker }) => worker.activeFrom > f.effectiveFrom || (worker.activeTo !== null && worker.activeTo < f.effectiveFrom))
    .map(({ worker }) => ({
      rule: 'worker_not_active' as const,
      severity: 'blocking' as const,
      message:
        worker.activeFrom > f.effectiveFrom
          ? `${worker.name} only starts on ${formatDate(worker.activeFrom)}, after ${formatDate(f.effectiveFrom)}.`
          : `${worker.name} left on ${formatDate(worker.activeTo ?? '')}, before ${formatDate(f.effectiveFrom)}.`,
    }));

/**
 * Seed 004 (West Sussex): allocations are agreed by each hub, except APCs, agreed at county level
 * by all the Dedicated Schools Team managers so the split across teams is equitable. Which
 * categories this applies to is a team setting (APCs by default), so a council with another rule
 * names its own; the rule keeps its id from when it was for APCs only.
 */
export const apcWithoutCountyAgreement: Rule = (f) => {
  if (!f.countyAgreementCategories.includes(f.school.category) || !(f.named || f.secondary)) return [];
  if (!(f.countyAgreement?.on && f.countyAgreement.by.trim())) {
    const what = f.school.category === 'alternative_provision'
      ? `${f.school.name} is an alternative provision college: its allocation`
      : `${f.school.name} is in the category ${CATEGORY_LABELS[f.school.category]}, whose allocation the team's settings say`;
    return [{
      rule: 'apc_without_county_agreement',
      severity: 'blocking',
      message: `${what} is agreed at county level by all Dedicated Schools Team managers. Record the date it was agreed and by whom.`,
    }];
  }
  return f.countyAgreement.on > f.effectiveFrom
    ? [{ rule: 'apc_without_county_agreement', severity: 'blocking', message: `The county agreement (${formatDate(f.countyAgreement.on)}) must come before the allocation starts (${formatDate(f.effectiveFrom)}).` }]
    : [];
};

export const declaredConnection: Rule = (f) =>
  proposed(f).flatMap(({ worker }) =>
    f.connections
      .filter((c) => c.personId === worker.id && c.kind !== 'own_child_attends' && currentOn(c, f.effectiveFrom))
      .map((c) => ({
        rule: 'declared_connection' as const,
        severity: 'warning' as const,
        message: `${worker.name} has declared a connection to ${f.school.name}: ${CONNECTION_LABELS[c.kind].toLowerCase()}${c.otherText ? ` (${c.otherText})` : ''}.`,
      })),
  );

export const overCapacity: Rule = (f) => {
  const worker = f.named;
  if (!worker) return [];
  const capacity = worker.capacity ?? f.defaultCapacity;
  const schools = f.loadAfter.get(worker.id)?.schools ?? 0;
  return schools > capacity
    ? [{ rule: 'over_capacity', severity: 'warning', message: `${worker.name} would be named link worker for ${plural(schools, 'school')}, over their capacity of ${capacity}.` }]
    : [];
};

export const aboveTeamAverage: Rule = (f) => {
  const worker = f.named;
  if (!worker) return [];
  const load = f.loadAfter.get(worker.id);
  if (!load) return [];
  const limit = 1 + f.fairnessPercent / 100;
  const over: string[] = [];
  if (f.teamAverage.schools > 0 && load.schools > f.teamAverage.schools * limit) {
    over.push(`${plural(load.schools, 'school')} against a team average of ${f.teamAverage.schools.toFixed(1)}`);
  }
  if (f.teamAverage.pupils > 0 && load.pupils > f.teamAverage.pupils * limit) {
    over.push(`${load.pupils.toLocaleString('en-GB')} pupils against a team average of ${Math.round(f.teamAverage.pupils).toLocaleString('en-GB')}`);
  }
  return over.length
    ? [{ rule: 'above_team_average', severity: 'warning', message: `${worker.name} would be more than ${f.fairnessPercent}% above the team average: ${over.join('; ')}.` }]
    : [];
};

export const hubMismatch: Rule = (f) =>
  proposed(f)
    .filter(({ worker }) => worker.hub && f.school.hub && worker.hub.toLowerCase() !== f.school.hub.toLowerCase())
    .map(({ worker }) => ({
      rule: 'hub_mismatch' as const,
      severity: 'warning' as const,
      message: `${worker.name} works in the ${worker.hub} hub; ${f.school.name} is in ${f.school.hub}.`,
    }));

export const schoolWithoutWorker: Rule = (f) =>
  ALLOCATION_ROLES.filter((role) => !f[role]).map((role) => ({
    rule: 'school_without_worker' as const,
    severity: 'warning' as const,
    message: `${f.school.name} would have no ${ROLE_NAMES[role]}.`,
  }));

export const workerLeavingSoon: Rule = (f) =>
  proposed(f)
    .filter(({ worker }) => worker.activeTo !== null && worker.activeTo >= f.effectiveFrom && worker.activeTo <= addDays(f.effectiveFrom, LEAVING_SOON_DAYS))
    .map(({ worker }) => ({
      rule: 'worker_leaving_soon' as const,
      severity: 'warning' as const,
      message: `${worker.name} leaves on ${formatDate(worker.activeTo ?? '')}, within ${LEAVING_SOON_DAYS} days.`,
    }));

/**
 * Practice guidance asks every worker to re-declare their connections to schools each year: a
 * worker whose latest declaration is more than a year before the allocation starts (or who has
 * made none) may have a connection to this school that nobody knows of. A warning, not a refusal:
 * the declaration is paperwork the manager can chase, not a known conflict.
 */
export const declarationOutOfDateRule: Rule = (f) =>
  proposed(f)
    // "Over a year old": a worker who has never declared is listed as due on the dashboard instead,
    // or every allocation of a team that has just upgraded would need an override reason.
    .flatMap(({ worker }) => (worker.lastDeclaredOn !== null && declarationOutOfDate(worker.lastDeclaredOn, f.effectiveFrom) ? [{ worker, last: worker.lastDeclaredOn }] : []))
    .map(({ worker, last }) => ({
      rule: 'declaration_out_of_date' as const,
      severity: 'warning' as const,
      message: `${worker.name} last declared their connections to schools on ${formatDate(last)}, more than a year before ${formatDate(f.effectiveFrom)}: ask for this year’s declaration.`,
    }));

export const ALL_RULES: Rule[] = [
  schoolClosed, ownChildAttends, sameWorkerTwice, workerNotActive, apcWithoutCountyAgreement,
  declaredConnection, overCapacity, aboveTeamAverage, hubMismatch, schoolWithoutWorker, workerLeavingSoon, declarationOutOfDateRule,
];

export function judge(facts: ProposalFacts): Finding[] {
  return ALL_RULES.flatMap((rule) => rule(facts));
}

export const hasBlocking = (findings: Finding[]) => findings.some((f) => f.severity === 'blocking');
export const hasWarnings = (findings: Finding[]) => findings.some((f) => f.severity === 'warning');

const IsoDate = isoDate();
const OptionalText = line().max(500, 'Use 500 characters or fewer').optional().transform((v) => (v ? v : null));

/** One school's new named and secondary workers from a date. null leaves that role empty. */
export const AllocationProposal = z
  .object({
    urn: Urn,
    namedId: z.string().uuid().nullable(),
    secondaryId: z.string().uuid().nullable(),
    from: IsoDate,
    reason: OptionalText,
    /** Why the warnings are accepted; required when there are any. */
    overrideReason: OptionalText,
    countyAgreedOn: z.union([z.literal(''), IsoDate]).optional().transform((v) => (v ? v : null)),
    countyAgreedBy: OptionalText,
  })
  .strict();
export type AllocationProposal = z.input<typeof AllocationProposal>;

export interface AllocationPeriod {
  id: string;
  urn: string;
  schoolName: string;
  role: AllocationRole;
  personId: string;
  personName: string;
  from: string;
  to: string | null;
  allocatedBy: string;
  allocatedAt: string;
  reason: string | null;
  overrideReason: string | null;
  countyAgreedOn: string | null;
  countyAgreedBy: string | null;
}

export interface ProposalCheck {
  urn: string;
  schoolName: string;
  findings: Finding[];
}

export interface BoardRow {
  urn: string;
  name: string;
  category: SchoolCategory;
  hub: string | null;
  pupils: number | null;
  /** Whether the team serves the school (its own choice, else its category's). */
  inScope: boolean;
  named: { id: string; name: string; from: string } | null;
  secondary: { id: string; name: string; from: string } | null;
}

export interface WorkerLoad {
  id: string;
  name: string;
  hub: string | null;
  capacity: number;
  named: number;
  secondary: number;
  pupils: number;
  apcs: number;
  byCategory: Partial<Record<SchoolCategory, number>>;
}

export interface LoadReport {
  workers: WorkerLoad[];
  average: Load;
  fairnessPercent: number;
}

export interface CoverageGaps {
  withoutNamed: BoardRow[];
  withoutSecondary: BoardRow[];
  /** Current allocations held by people whose last day has passed. */
  heldByLeavers: AllocationPeriod[];
  /** Current allocations to a school the worker has since declared their own child attends. */
  inConflict: AllocationPeriod[];
}

export interface AllocationImportRow {
  row: number;
  school: { urn: string; name: string } | null;
  outcome: 'apply' | 'unchanged' | 'refused';
  reasons: string[];
  warnings: string[];
}

/** The most refused rows one spreadsheet of them holds: more than any allocations file LinkDesk reads. */
export const REFUSED_ROWS_MAX = 20_000;

/** The refused rows of an import, as the screen shows them, to save as a spreadsheet. */
export const RefusedRowsInput = z
  .object({
    rows: z
      .array(
        z
          .object({
            row: z.number().int().min(1).max(10_000_000),
            school: z.object({ urn: z.string().max(20), name: line().max(300) }).strict().nullable(),
            reasons: z.array(line().max(2000)).max(20),
          })
          .strict(),
      )
      .min(1, 'There are no refused rows to save')
      .max(REFUSED_ROWS_MAX),
  })
  .strict();

export interface AllocationImportResult {
  dryRun: boolean;
  applied: number;
  rejected: { row: number; school: { urn: string; name: string } | null; reasons: string[] }[];
  warnings: { row: number; school: { urn: string; name: string }; messages: string[]; overriddenWith: string }[];
  rows: AllocationImportRow[];
}
