/**
 * Subject access: find every record that names one child, and export what is held about that
 * child as a Word bundle, other children's references redacted. Both the search and the export
 * are audited, without the child's reference (the audit log never names a child): what was
 * searched by, and how many records were found.
 */
import { CONCERN_LABELS } from '../../../shared/domain/escalations.ts';
import { CHILD_CATEGORY_LABELS, DECISION_LABELS, KEY_AREA_LABELS, KEY_AREAS, StoredVisitRecord, yearGroupLabel } from '../../../shared/domain/records.ts';
import {
  ANOTHER_CHILD, redactOthers, SUBJECT_RECORD_LABELS, type SubjectAccessBundle, type SubjectAccessMatch, type SubjectAccessQuery,
} from '../../../shared/domain/subject-access.ts';
import { formatDate, formatDateTime } from '../../../shared/format.ts';
import { plural } from '../../../shared/format.ts';
import type { Connection } from '../db/cipher.ts';
import { write, type WriteContext } from '../db/write.ts';
import { selectContact } from '../contacts/repo.ts';
import { selectHistory } from '../escalations/repo.ts';
import { checkOutputTarget, writeOutputFile, type OutputTarget } from '../files/output-path.ts';
import { userPath } from '../paths.ts';
import { selectConsultation } from '../records/repo.ts';
import { getTeam } from '../team/service.ts';
import { bundleDocx, type Block } from './bundle-docx.ts';
import { selectSubjectMatches, selectVisitRecordVersionRows } from './repo.ts';

const searchedBy = (q: SubjectAccessQuery) => (q.caseId ? 'case ID' : `initials and year group${q.urn ? ' at one school' : ''}`);

/** The records naming the child; the search itself is audited. */
export function subjectAccessSearch(ctx: WriteContext, q: SubjectAccessQuery): SubjectAccessMatch[] {
  const matches = selectSubjectMatches(ctx.db, q);
  write(ctx, (audit) => audit('subject-access', null, 'search', `by ${searchedBy(q)}: ${plural(matches.length, 'record', 'records')} found`));
  return matches;
}

interface Ref { initials: string; yearGroup: string; caseId?: string | null | undefined }

function isSubject(ref: Ref, q: SubjectAccessQuery): boolean {
  if (q.caseId) return (ref.caseId ?? '').trim().toLowerCase() === q.caseId.trim().toLowerCase();
  return ref.initials.replace(/\s/g, '').toUpperCase() === (q.initials ?? '').replace(/\s/g, '').toUpperCase() && ref.yearGroup === q.yearGroup;
}

/** The subject as the free text may name them: their own references are kept, everyone else's go. */
function redactor(refs: readonly Ref[], q: SubjectAccessQuery): (text: string | null | undefined) => string {
  const subject = refs.find((r) => isSubject(r, q)) ?? { initials: q.initials ?? '', yearGroup: q.yearGroup ?? '' };
  const others = refs.filter((r) => !isSubject(r, q)).flatMap((r) => [r.caseId ?? '', `${r.initials} Y${r.yearGroup}`, r.initials]).filter((t) => t && t !== subject.initials);
  return (text) => (text ? redactOthers(text, others, { initials: subject.initials, yearGroup: subject.yearGroup }) : '');
}

function childRows(ref: Ref): [string, string][] {
  return [['Initials', ref.initials], ['Year group', yearGroupLabel(ref.yearGroup as Parameters<typeof yearGroupLabel>[0])], ['Case-system ID', ref.caseId ?? 'None recorded']];
}

function visitBlocks(db: Connection, m: SubjectAccessMatch, q: SubjectAccessQuery): Block[] {
  return selectVisitRecordVersionRows(db, m.id).flatMap((row) => {
    const record = StoredVisitRecord.parse(JSON.parse(row.data));
    const mine = record.children.filter((c) => isSubject(c.child, q));
    if (mine.length === 0) return [];
    const clean = redactor(record.children.map((c) => c.child), q);
    const others = record.children.length - mine.length;
    return [
      { heading: `Version ${row.version}, written by ${row.writtenBy} on ${formatDateTime(row.writtenAt)}`, level: 2 as const },
      ...mine.map((c) => ({
        rows: [
          ...childRows(c.child), ['Reviewed because', CHILD_CATEGORY_LABELS[c.category]], ['Attendance', c.attendancePercent == null ? 'Not given' : `${c.attendancePercent}%`],
          ['Statutory education intervention', DECISION_LABELS[c.statutoryIntervention]], ['Referral to Family Early Help', DECISION_LABELS[c.earlyHelpReferral]],
          ['Action', clean(c.action) || 'None'], ['Who', clean(c.who) || 'None'], ['By when', c.byWhen ? formatDate(c.byWhen) : 'None'],
        ] as [string, string][],
      })),
      { text: `Also in this record: ${plural(others, 'other child', 'other children')}, not shown. The record’s general notes, with other children’s references redacted:` },
      {
        rows: [
          ['Managed moves agreed', clean(record.managedMovesAgreed) || 'None'], ['Alternative provision', clean(record.alternativeProvision) || 'None'],
          ['Exclusions not notified', clean(record.unnotifiedExclusions) || 'None'], ['Other issues', clean(record.otherIssues) || 'None'],
        ] as [string, string][],
      },
    ];
  });
}

function consultationBlocks(db: Connection, m: SubjectAccessMatch, q: SubjectAccessQuery): Block[] {
  const c = selectConsultation(db, m.id);
  if (!c) return [];
  const clean = redactor(c.children, q);
  const mine = c.children.filter((child) => isSubject(child, q));
  return [
    ...mine.map((child) => ({ rows: childRows(child) })),
    { text: `Also discussed: ${plural(c.children.length - mine.length, 'other child', 'other children')}, not shown. Requested by ${c.requestedBy}; recorded by ${c.recordedBy}.` },
    { rows: [...KEY_AREAS.map((a) => [KEY_AREA_LABELS[a], clean(c.notes[a]) || 'Nothing raised'] as [string, string]), ['Actions', clean(c.actions) || 'None']] },
  ];
}

function escalationBlocks(db: Connection, m: SubjectAccessMatch, q: SubjectAccessQuery): Block[] {
  return selectHistory(db, m.id).flatMap((e) => {
    const clean = redactor(e.children, q);
    const mine = e.children.filter((child) => isSubject(child, q));
    return [
      { heading: `Entry ${e.version}, recorded by ${e.recordedBy} on ${formatDateTime(e.recordedAt)}`, level: 2 as const },
      ...mine.map((child) => ({ rows: childRows(child) })),
      {
        rows: [
          ['Concern', CONCERN_LABELS[e.concern]], ['Raised', `${formatDateTime(e.raisedAt)} by ${e.raisedBy}`], ['Other children', String(e.children.length - mine.length)],
          ['Summary', clean(e.summary) || 'None'], ['Manager told', e.managerInformedAt ? formatDateTime(e.managerInformedAt) : 'Not yet'], ['Referral made', e.referralMade],
          ['Advice', clean(e.advice) || 'None'], ['Outcome', clean(e.outcome) || 'None'], ['Closed', e.closedAt ? formatDateTime(e.closedAt) : 'Open'], ['Change note', clean(e.changeNote) || 'None'],
        ] as [string, string][],
      },
    ];
  });
}

function contactBlocks(db: Connection, m: SubjectAccessMatch, q: SubjectAccessQuery): Block[] {
  const c = selectContact(db, m.id);
  if (!c) return [];
  const clean = redactor([], q);
  return [{ rows: [['With', c.withWhom], ['Summary', clean(c.summary)], ['Follow-up', clean(c.followUp) || 'None']] }];
}

const BLOCKS = { visit_record: visitBlocks, consultation: consultationBlocks, escalation: escalationBlocks, contact: contactBlocks } as const;

/** The bundle of everything held about the child, to a file the person chose (never over one unless asked, never the database); audited. */
export function exportSubjectAccess(ctx: WriteContext, q: SubjectAccessQuery, out: Omit<OutputTarget, 'kind'>): SubjectAccessBundle {
  const target: OutputTarget = { ...out, path: userPath(out.path), kind: 'subject-access' };
  checkOutputTarget(target);
  const matches = selectSubjectMatches(ctx.db, q);
  const team = getTeam(ctx.db).settings;
  const blocks: Block[] = [
    { text: 'OFFICIAL-SENSITIVE' },
    { heading: `Subject access: records held by ${team.teamName}, ${team.localAuthority}`, level: 1 },
    { text: `Searched by ${searchedBy(q)} on ${formatDate(ctx.now().toISOString().slice(0, 10))}. ${plural(matches.length, 'record', 'records')} found. Other children’s references are shown as “${ANOTHER_CHILD}” or left out.` },
    ...matches.flatMap((m) => [{ heading: `${SUBJECT_RECORD_LABELS[m.kind]}: ${m.school}, ${formatDate(m.date)}`, level: 1 as const }, ...BLOCKS[m.kind](ctx.db, m, q)]),
  ];
  const file = writeOutputFile(target, bundleDocx(blocks));
  write(ctx, (audit) => audit('subject-access', null, 'export', `by ${searchedBy(q)}: ${plural(matches.length, 'record', 'records')} in the bundle`));
  return { path: file, records: matches.length };
}
