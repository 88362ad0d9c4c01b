/**
 * The printable escalation log of a period, for audit inside the team (OFFICIAL-SENSITIVE), from
 * templates/escalation-log.docx: the 24-hour figures, the escalations told late with their
 * reasons, then every escalation raised in the period with each of its entries (as raised, then
 * every correction, what changed marked). It holds what the log holds and nothing more: the
 * entries are read through the escalation service, as the log's own screen reads them.
 */
import {
  changedFields,
  CLOCK_LABELS,
  CONCERN_LABELS,
  ESCALATION_FIELD_LABELS,
  MANAGER_DEADLINE_MINUTES,
  REFERRAL_LABELS,
  referralRouteText,
  type EscalationDetail,
  type EscalationEntry,
} from '../../../shared/domain/escalations.ts';
import { LATE_REASON_KIND_LABELS } from '../../../shared/domain/reason-kinds.ts';
import type { EscalationLogQuery } from '../../../shared/domain/reports.ts';
import { formatDate, formatDateTime, localDay } from '../../../shared/format.ts';
import type { Connection } from '../db/cipher.ts';
import { fillTemplate, inspectTemplate } from '../documents/docx-template.ts';
import { selectActiveTemplate } from '../documents/repo.ts';
import { defaultTemplate } from '../documents/templates.ts';
import { escalationsRaisedBetween } from '../escalations/service.ts';
import { getTeam } from '../team/service.ts';
import { AppError } from '../../../shared/errors.ts';

export const ESCALATION_LOG_MARKING = 'OFFICIAL-SENSITIVE';

/** A wall time in England (yyyy-mm-ddThh:mm) as 24 Nov 2026, 09:30. */
const when = (wallTime: string | null) => (wallTime ? formatDateTime(`${wallTime}:00`) : '—');
const orNone = (text: string | null) => (text ? text : '—');
const shortRef = (escalationId: string) => escalationId.slice(0, 8);

/** How long after raising the manager was told: "27 h 10 min". */
function hoursAfter(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h} h${m ? ` ${m} min` : ''}`;
}

/** The kind from the list, then the words: "No manager was available: both on leave" (an entry from before the kinds has its words only). */
function lateReasonText(entry: EscalationEntry): string {
  const parts = [entry.lateReasonKind ? LATE_REASON_KIND_LABELS[entry.lateReasonKind] : null, entry.lateReason].filter(Boolean);
  return parts.length ? parts.join(': ') : '—';
}

function minutesToTell(detail: EscalationDetail): number {
  return MANAGER_DEADLINE_MINUTES - detail.clock.minutesLeft;
}

function fieldValue(entry: EscalationEntry, field: keyof typeof ESCALATION_FIELD_LABELS): string {
  switch (field) {
    case 'raisedAt':
    case 'managerInformedAt':
    case 'referralAt':
    case 'closedAt':
      return when(entry[field]);
    case 'urn':
      return `${entry.schoolName} (URN ${entry.urn})`;
    case 'children':
      return entry.children.length ? entry.children.map((c) => `${c.initials} Y${c.yearGroup}${c.caseId ? ` (case ${c.caseId})` : ''}`).join(', ') : 'None recorded';
    case 'concern':
      return CONCERN_LABELS[entry.concern];
    case 'referralMade':
      return REFERRAL_LABELS[entry.referralMade];
    case 'referralRoute':
      return entry.referralMade === 'yes' || entry.referralRoute ? referralRouteText(entry) : '—';
    case 'referralRouteOther':
      return orNone(entry.referralRouteOther);
    case 'lateReasonKind':
      return entry.lateReasonKind ? LATE_REASON_KIND_LABELS[entry.lateReasonKind] : '—';
    default:
      return orNone(entry[field]);
  }
}

function entryOf(entry: EscalationEntry, previous: EscalationEntry | undefined) {
  const changed = new Set(previous ? changedFields(previous, entry) : []);
  const recorded = `recorded by ${entry.recordedBy} on ${formatDateTime(entry.recordedAt)}`;
  const fields = (Object.keys(ESCALATION_FIELD_LABELS) as (keyof typeof ESCALATION_FIELD_LABELS)[])
    // "Other" route's own words are in the route's line.
    .filter((f) => f !== 'referralRouteOther')
    .map((f) => ({ label: `${ESCALATION_FIELD_LABELS[f]}${changed.has(f) ? ' (changed)' : ''}`, value: fieldValue(entry, f) }));
  return {
    entryHeading: previous ? `Entry ${entry.version}, correcting entry ${previous.version}: ${recorded}` : `Entry ${entry.version}, as raised: ${recorded}`,
    fields: previous ? [{ label: 'Why it changed', value: orNone(entry.changeNote) }, ...fields] : fields,
  };
}

function clockText(detail: EscalationDetail): string {
  const state = detail.clock.state;
  if (state === 'informed' || state === 'informed_late') return `${CLOCK_LABELS[state]}: told ${hoursAfter(minutesToTell(detail))} after the concern was raised.`;
  return `${CLOCK_LABELS[state]} (due by ${when(detail.clock.deadline)}).`;
}

export interface EscalationLogData {
  escalations: EscalationDetail[];
  data: Record<string, unknown>;
}

export function escalationLogData(db: Connection, query: EscalationLogQuery, now: Date): EscalationLogData {
  const { settings } = getTeam(db);
  const escalations = escalationsRaisedBetween(db, query.from, query.to, query.hub ?? null, now);
  const count = (test: (d: EscalationDetail) => boolean) => String(escalations.filter(test).length);
  const late = escalations.filter((d) => d.clock.state === 'informed_late');
  return {
    escalations,
    data: {
      teamName: settings.teamName,
      localAuthority: settings.localAuthority,
      marking: ESCALATION_LOG_MARKING,
      period: `${formatDate(query.from)} to ${formatDate(query.to)}`,
      hub: query.hub ?? 'All hubs',
      producedOn: formatDate(localDay(now)),
      raised: String(escalations.length),
      toldWithin24h: count((d) => d.clock.state === 'informed'),
      toldLate: String(late.length),
      notYetTold: count((d) => d.clock.state === 'awaiting_manager' || d.clock.state === 'overdue'),
      open: count((d) => d.open),
      late: late.map((d) => ({ reference: shortRef(d.current.escalationId), school: d.current.schoolName, hours: hoursAfter(minutesToTell(d)), reason: lateReasonText(d.current) })),
      escalations: escalations.map((d, i) => ({
        heading: `${i + 1}. ${d.current.schoolName}: ${CONCERN_LABELS[d.current.concern]}, raised ${when(d.current.raisedAt)} (ref. ${shortRef(d.current.escalationId)})`,
        clock: clockText(d),
        entries: d.history.map((entry, v) => entryOf(entry, d.history[v - 1])),
      })),
    },
  };
}

/** The log as a .docx, and how many escalations it holds. */
export function buildEscalationLog(db: Connection, query: EscalationLogQuery, now: Date): { bytes: Buffer; escalations: number } {
  const { escalations, data } = escalationLogData(db, query, now);
  // The team's own log template when it has loaded one (checked again here: a template that has stopped fitting is refused, never printed with holes).
  const template = selectActiveTemplate(db, 'escalation_log') ?? defaultTemplate('escalation_log');
  const check = inspectTemplate(template.content, 'escalation_log', template.fileName);
  if (check.unknown.length > 0) {
    throw new AppError('invalid_input', `${template.fileName} uses placeholders LinkDesk does not fill: ${check.unknown.map((u) => `{${u}}`).join(', ')}. Nothing was saved.`, { check });
  }
  return { bytes: fillTemplate(template.content, template.fileName, data), escalations: escalations.length };
}
