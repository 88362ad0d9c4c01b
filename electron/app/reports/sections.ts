/** The report's first sections: visits, pro formas, the children the visits reviewed, consultations and contacts. */
import { CHANNEL_LABELS, CHANNELS } from '../../../shared/domain/contacts.ts';
import { CHILD_CATEGORIES, CHILD_CATEGORY_LABELS, DECISION_LABELS, DECISIONS } from '../../../shared/domain/records.ts';
import { CANCELLED_REASON_KIND_LABELS, CANCELLED_REASON_KINDS, NOT_CATEGORISED } from '../../../shared/domain/reason-kinds.ts';
import type { ReportSection } from '../../../shared/domain/reports.ts';
import { NOT_CATEGORISED_KEY } from './count.ts';
import { breakdown, byHub, byWorker, summary, type Both, type Figure } from './tables.ts';

const VISITS: Figure[] = [
  { key: 'visits.planned', label: 'Planned' },
  { key: 'visits.held', label: 'Held' },
  { key: 'visits.cancelled', label: 'Cancelled' },
  { key: 'visits.missing', label: 'Missing' },
];

export function visitsSection(both: Both): ReportSection {
  const note = 'A visit counts in the term it is planned for. Planned: a date agreed and not cancelled (held visits included). Held: held or written up. '
    + 'Missing: a school the team serves (in scope, open in the period) with no visit planned or held for the term; over a year, each term counts once. '
    + 'By worker: who held the visit, else the school’s named link worker.';
  return {
    id: 'visits',
    title: 'Termly visits',
    tables: [
      summary(both, 'visits', 'Visits', VISITS, note),
      summary(both, 'visits-cancelled', 'Cancelled visits, by reason', [
        ...CANCELLED_REASON_KINDS.map((k) => ({ key: `visits.cancelled.reason.${k}`, label: CANCELLED_REASON_KIND_LABELS[k] })),
        { key: `visits.cancelled.reason.${NOT_CATEGORISED_KEY}`, label: NOT_CATEGORISED },
      ], 'The reason chosen from the list when the visit was cancelled. The reasons written in words may name people and never go into a report.'),
      summary(both, 'visits-cancelled-stage', 'Cancelled visits, by how far they had gone', [
        { key: 'visits.cancelled.beforeAgreed', label: 'Before a date was agreed' },
        { key: 'visits.cancelled.afterAgreed', label: 'After the date was agreed' },
        { key: 'visits.cancelled.afterProForma', label: 'After the pro forma was sent' },
      ]),
      breakdown(both, 'visits-by-hub', 'Visits by hub', byHub, VISITS),
      breakdown(both, 'visits-by-worker', 'Visits by worker', byWorker(both), VISITS),
    ],
  };
}

const PRO_FORMAS: Figure[] = [
  { key: 'proFormas.sentOnTime', label: 'Sent on time' },
  { key: 'proFormas.sentLate', label: 'Sent late' },
  { key: 'proFormas.notSent', label: 'Not sent by its day' },
  { key: 'proFormas.returnedOnTime', label: 'Returned on time' },
  { key: 'proFormas.returnedLate', label: 'Returned late' },
  { key: 'proFormas.notReturned', label: 'Not returned by its day' },
];

export function proFormasSection(both: Both): ReportSection {
  const note = 'For the visits planned in the period. On time: sent at least 10 working days before the visit, returned at least 5 working days before '
    + '(the team’s working days: weekends, bank holidays and school holidays left out). Not sent by its day: the visit was held without one, or its day has passed.';
  return {
    id: 'proFormas',
    title: 'Pro formas',
    tables: [
      summary(both, 'pro-formas', 'Pro formas', PRO_FORMAS, note),
      breakdown(both, 'pro-formas-by-hub', 'Pro formas by hub', byHub, PRO_FORMAS.filter((f) => !f.key.startsWith('proFormas.not'))),
      breakdown(both, 'pro-formas-by-worker', 'Pro formas by worker', byWorker(both), PRO_FORMAS.filter((f) => !f.key.startsWith('proFormas.not'))),
    ],
  };
}

const decisions = (prefix: string, what: string): Figure[] => DECISIONS.map((d) => ({ key: `${prefix}.${d}`, label: `${what}: ${DECISION_LABELS[d]}` }));

export function childrenSection(both: Both): ReportSection {
  const main: Figure[] = [
    { key: 'children.reviewed', label: 'Children reviewed' },
    { key: 'children.statutory.yes', label: 'Meeting the threshold for statutory intervention' },
    { key: 'children.earlyHelp.yes', label: 'Referred to Family Early Help' },
  ];
  return {
    id: 'children',
    title: 'Children reviewed at visits',
    tables: [
      summary(both, 'children-categories', 'Children reviewed, by why', [{ key: 'children.reviewed', label: 'All children reviewed' },
        ...CHILD_CATEGORIES.map((c) => ({ key: `children.category.${c}`, label: CHILD_CATEGORY_LABELS[c] }))],
      'From the current record of each visit of the period; a child reviewed at two visits counts twice.'),
      summary(both, 'children-decisions', 'Decisions for the children reviewed', [...decisions('children.statutory', 'Statutory education intervention'), ...decisions('children.earlyHelp', 'Referral to Family Early Help')]),
      summary(both, 'children-moves', 'Managed moves, alternative provision and suspensions', [
        { key: 'children.records', label: 'Visit records written' },
        { key: 'children.managedMoves.internal', label: 'Managed moves requested (internal)' },
        { key: 'children.managedMoves.external', label: 'Managed moves requested (external)' },
        { key: 'children.managedMovesAgreed', label: 'Records noting managed moves agreed' },
        { key: 'children.alternativeProvision', label: 'Records noting children in alternative provision' },
        { key: 'children.suspensionsNotNotified', label: 'Records noting suspensions not notified to the LA' },
      ], 'The record counts the managed moves requested; the moves agreed, the children in alternative provision and the suspensions not notified are written in words, so what is counted is the records that note any, not the children.'),
      breakdown(both, 'children-by-hub', 'Children reviewed by hub', byHub, main),
      breakdown(both, 'children-by-worker', 'Children reviewed by worker', byWorker(both), main),
    ],
  };
}

const CONSULTATIONS: Figure[] = [
  { key: 'consultations.held', label: 'Held' },
  { key: 'consultations.withNurse', label: 'With the school nurse team' },
  { key: 'consultations.schoolsWithNone', label: 'Schools with none' },
];

export function consultationsSection(both: Both): ReportSection {
  const note = 'Early Help Consultations held on the days of the period. Schools with none: schools the team serves with no consultation in the period. By worker: the school’s named link worker.';
  return {
    id: 'consultations',
    title: 'Early Help Consultations',
    tables: [
      summary(both, 'consultations', 'Consultations', CONSULTATIONS, note),
      breakdown(both, 'consultations-by-hub', 'Consultations by hub', byHub, CONSULTATIONS),
      breakdown(both, 'consultations-by-worker', 'Consultations by worker', byWorker(both), CONSULTATIONS),
    ],
  };
}

export function contactsSection(both: Both): ReportSection {
  const channels: Figure[] = CHANNELS.map((c) => ({ key: `contacts.${c}`, label: CHANNEL_LABELS[c] }));
  const total: Figure[] = [{ key: 'contacts.total', label: 'Contacts' }];
  return {
    id: 'contacts',
    title: 'Contacts with schools',
    tables: [
      summary(both, 'contacts-by-channel', 'Contacts by channel', [...channels, ...total], 'Contacts logged outside the visits, on the days of the period. By worker: who made or took the contact.'),
      breakdown(both, 'contacts-by-hub', 'Contacts by hub', byHub, total),
      breakdown(both, 'contacts-by-worker', 'Contacts by worker', byWorker(both), total),
    ],
  };
}
