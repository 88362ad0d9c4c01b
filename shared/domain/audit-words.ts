/**
 * The audit log in words. Its rows name what changed with identifiers (entity, action, field
 * names) because they are evidence and are hash-chained: they are never rewritten. This says
 * each one as a person would, for the dashboard's "Recent changes", rows written by any version.
 */
import { formatDate, plural } from '../format.ts';
import { ACTION_SOURCE_LABELS, type ActionSource } from './actions.ts';
import { ROLE_NAMES, type AllocationRole } from './allocations.ts';
import { TERM_LABELS, type TermName } from './calendar.ts';
import { CHANNEL_LABELS, type Channel } from './contacts.ts';
import { TEMPLATE_KIND_LABELS, type TemplateKind } from './documents.ts';
import { CONNECTION_LABELS, type ConnectionKind } from './people.ts';
import { VISIT_STATUS_LABELS, type VisitStatus } from './visits.ts';

export interface AuditWords {
  entity: string;
  action: string;
  summary: string | null;
}

const WHAT: Record<string, string> = {
  'team create': 'Team database created',
  'settings update': 'Team settings changed',
  'database change-passphrase': 'Passphrase changed',
  'database backup': 'Database backed up',
  'database restore': 'Database restored from a backup',
  'database open': 'Database opened',
  'database per-person-access': 'Each person given their own passphrase',
  'database re-encrypt': 'Database re-encrypted with a new key',
  'access add': 'Access given',
  'access remove': 'Access removed',
  'access change-passphrase': 'Own passphrase changed',
  'school create': 'School added by hand',
  'school update': 'School details changed',
  'school bulk-update': 'School details changed for several schools at once',
  'school hub-import': 'Hub imported from a spreadsheet',
  'school enhanced-support-set': 'School flagged for enhanced support',
  'school enhanced-support-cleared': 'Enhanced support flag removed',
  'school close': 'School closed',
  'school closure-acknowledged': 'School closure in GIAS dealt with',
  'school import-add': 'School added from GIAS',
  'school import-update': 'School facts updated from GIAS',
  'school import-closed': 'School closed in GIAS',
  'gias-import apply': 'GIAS import',
  'person create': 'Person added',
  'person update': 'Person’s details changed',
  'person deactivate': 'Person left the team',
  'person import-add': 'Person imported',
  'person import-update': 'Person updated by an import',
  'connection declare': 'Connection declared',
  'connection import-declare': 'Connection imported',
  'connection end': 'Connection ended',
  'declaration record': 'Annual declaration of connections recorded',
  'person set-declaration-month': 'Month of a worker’s annual declaration set',
  'allocation assign': 'Link worker allocated',
  'allocation end': 'Link worker allocation ended',
  'allocation-plan apply': 'Allocation plan applied',
  'person set-base': 'Worker’s base set',
  'academic-year save': 'School year entered',
  'bank-holidays import': 'Bank holidays imported',
  'inset-day add': 'INSET day added',
  'inset-day remove': 'INSET day removed',
  'visit plan': 'Visit planned',
  'visit update': 'Visit changed',
  'visit move': 'Visit moved',
  'visit-record write': 'Visit record written',
  'consultation record': 'Consultation recorded',
  'contact log': 'Contact logged',
  'contact follow-up-done': 'Follow-up done',
  'panel create': 'Panel added',
  'panel update': 'Panel changed',
  'panel generate-meetings': 'Panel meetings planned',
  'panel-meeting add': 'Panel meeting added',
  'panel-meeting update': 'Panel meeting changed',
  'panel-meeting cancel': 'Panel meeting cancelled',
  'panel-meeting record': 'Panel meeting attendance recorded',
  'escalation raise': 'Escalation logged',
  'escalation correct': 'Escalation entry added',
  'document-template load': 'Meeting record template loaded',
  'document-template use': 'Meeting record template chosen',
  'document create': 'Document made',
  'action done': 'Action marked done',
  'action reopen': 'Action opened again',
  'action reassign': 'Action given to another worker',
  'person handover': 'Leaver’s work handed over',
  'report export': 'Report exported',
  'escalation-log export': 'Escalation log printed for audit',
};

/** Field names as they are shown on the forms. */
const FIELD_WORDS: Record<string, string> = {
  dslName: 'DSL name',
  dslEmail: 'DSL email',
  mainContact: 'main contact',
  level3Plans: 'Level 3 plans',
  idleLockMinutes: 'minutes before locking',
  fairnessPercent: 'fairness limit',
  schoolHolidaysAreWorkingDays: 'school holidays as working days',
  backupsToKeep: 'backups to keep',
  laCode: 'LA code',
  declarationMonth: 'month of the annual declarations',
};

const RULE_WORDS: Record<string, string> = {
  above_team_average: 'above the team average',
  apc_without_county_agreement: 'APC without county agreement',
  declared_connection: 'declared connection',
  hub_mismatch: 'another hub',
  over_capacity: 'over capacity',
  own_child_attends: 'own child attends',
  same_worker_twice: 'same worker twice',
  school_closed: 'school closed',
  school_without_worker: 'school left without a worker',
  worker_leaving_soon: 'worker leaving soon',
  worker_not_active: 'worker not active',
  declaration_out_of_date: 'annual declaration out of date',
};

/** "dslEmail" -> "DSL email", "activeFrom" -> "active from". */
export function fieldWords(name: string): string {
  return FIELD_WORDS[name] ?? name.replace(/([a-z])([A-Z0-9])/g, '$1 $2').toLowerCase();
}

const SINGULAR: Record<string, string> = { children: 'child', allocations: 'allocation', meetings: 'meeting', schools: 'school' };

function summaryWords(entry: AuditWords): string {
  const s = entry.summary ?? '';
  const changed = /^Changed: (.*)$/.exec(s);
  if (changed) return `Changed: ${(changed[1] ?? '').split(', ').map(fieldWords).join(', ')}`;
  const kind = /^kind (\w+)$/.exec(s);
  if (kind) return CONNECTION_LABELS[kind[1] as ConnectionKind] ?? s;
  if (entry.entity === 'contact' && entry.action === 'log') return CHANNEL_LABELS[s as Channel] ?? s;
  if (entry.entity === 'action' && entry.action !== 'reassign') return ACTION_SOURCE_LABELS[s as ActionSource] ?? s;
  const visit = /^(\d{4}-\d{2}) (autumn|spring|summer)$/.exec(s);
  if (visit) return `${TERM_LABELS[visit[2] as TermName]} ${visit[1] ?? ''}`;
  if (entry.entity === 'allocation') {
    const [role, overridden] = s.split('; warnings overridden: ');
    const who = ROLE_NAMES[role as AllocationRole] ?? role ?? '';
    return overridden ? `${who}; warnings overridden: ${overridden.split(', ').map((r) => RULE_WORDS[r] ?? r.replace(/_/g, ' ')).join(', ')}` : who;
  }
  const record = /^(visit_record|consultation_record|team_report|escalation_log)(: .*)?$/.exec(s);
  if (record) return `${TEMPLATE_KIND_LABELS[record[1] as TemplateKind]}${record[2] ?? ''}`;
  return s
    .replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (day) => formatDate(day))
    .replace(/\b1 (children|allocations|meetings|schools)\b/g, (_, noun: string) => plural(1, SINGULAR[noun] ?? noun));
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** What an audit row says happened, in words: "Visit: pro forma returned", "Visit record written – 1 child reviewed". */
export function describeAudit(entry: AuditWords): string {
  const status = /^status-(\w+)$/.exec(entry.action);
  const what = status
    ? `Visit: ${(VISIT_STATUS_LABELS[status[1] as VisitStatus] ?? status[1] ?? '').toLowerCase()}`
    : (WHAT[`${entry.entity} ${entry.action}`] ?? `${capitalised(entry.entity.replace(/-/g, ' '))}: ${entry.action.replace(/-/g, ' ')}`);
  const summary = entry.summary ? summaryWords(entry) : '';
  return summary && summary !== what ? `${what} – ${summary}` : what;
}
