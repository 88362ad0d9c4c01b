import type { ActionSource } from './actions.ts';
import type { DeclarationDue } from './declarations.ts';

/** What needs doing: the dashboard's items, each opening its record. */
export const DASHBOARD_KINDS = ['send_pro_forma', 'pro_forma_not_back', 'visit_to_agree', 'held_without_record', 'follow_up_due', 'action_due', 'consultation_action_due', 'outcome_to_chase', 'manager_not_told', 'escalation_open', 'panel_nobody'] as const;
export type DashboardKind = (typeof DASHBOARD_KINDS)[number];

export const KIND_LABELS: Record<DashboardKind, string> = {
  send_pro_forma: 'Pro forma to send',
  pro_forma_not_back: 'Pro forma not back',
  visit_to_agree: 'Visit to agree',
  held_without_record: 'Visit held, record not written',
  follow_up_due: 'Follow-up due',
  action_due: 'Action from a visit due',
  consultation_action_due: 'Action from a consultation due',
  outcome_to_chase: 'Escalation outcome to chase',
  manager_not_told: 'Escalation: manager not yet told',
  escalation_open: 'Escalation open',
  panel_nobody: 'Panel with nobody from the team',
};

/** The dashboard's kind for an action of each source. */
export const ACTION_KINDS: Record<ActionSource, DashboardKind> = {
  visit_record: 'action_due',
  consultation: 'consultation_action_due',
  contact: 'follow_up_due',
  escalation: 'outcome_to_chase',
};

export interface DashboardItem {
  kind: DashboardKind;
  school: string;
  urn: string;
  /** The day it is due; null when it has no date of its own. */
  due: string | null;
  detail: string;
  /** The app route that opens the record. */
  link: string;
  /** Set for an item of the action list: it can be marked done from the dashboard. */
  actionId?: string;
  /** The worker who owns the action, when it has one. */
  owner?: string | null;
  /** Set when the item is overdue by the clock rather than by its day (the 24-hour manager rule). */
  overdue?: boolean;
}

export interface Dashboard {
  today: string;
  thisWeek: DashboardItem[];
  overdue: DashboardItem[];
  /** Set from six months before the bank holidays held run out: how to import newer ones. */
  bankHolidayWarning: string | null;
  /** Open actions due that are not listed (beyond DASHBOARD_ACTIONS): the Actions screen lists them all. */
  moreActions: { overdue: number; thisWeek: number };
  /** Active workers due to make their annual declaration of connections, at most DASHBOARD_DECLARATIONS. */
  declarationsDue: DeclarationDue[];
  /** Workers due beyond those listed. */
  moreDeclarationsDue: number;
}

/**
 * The dashboard lists at most this many actions, the longest overdue first, and counts the
 * rest: an action stays until it is done, so a team that has not worked its list for years
 * would otherwise get every one of them on every visit to the dashboard.
 */
export const DASHBOARD_ACTIONS = 50;
