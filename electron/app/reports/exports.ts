/**
 * The report's files: the Word report, the workbook and the escalation log, each checked against
 * the one writer's rules before any counting (a refusal costs nothing), written whole or not at
 * all, and recorded in the audit log (what and for which period; never a figure or a name).
 * Loaded with the first export (docxtemplater, pizzip and exceljs are large).
 */
import type { EscalationLogFileResult, ReportFileResult } from '../../../shared/domain/report-exports.ts';
import type { EscalationLogQuery, ReportQuery, TeamReport } from '../../../shared/domain/reports.ts';
import { localDay } from '../../../shared/format.ts';
import { write, type WriteContext } from '../db/write.ts';
import { selectActiveTemplate } from '../documents/repo.ts';
import { defaultTemplate } from '../documents/templates.ts';
import { checkOutputTarget, writeOutputFile, type OutputKind } from '../files/output-path.ts';
import { getTeam } from '../team/service.ts';
import { buildEscalationLog } from './escalation-log.ts';
import { shortPeriod } from './headline.ts';
import { buildReport } from './service.ts';
import { buildWordReport } from './word.ts';
import { buildWorkbook } from './workbook.ts';

export interface FileTarget {
  path: string;
  replace: boolean;
  /** The open team database: never written over. */
  database: string;
}

function teamOf(ctx: WriteContext): { teamName: string; localAuthority: string } {
  const { settings } = getTeam(ctx.db);
  return { teamName: settings.teamName, localAuthority: settings.localAuthority };
}

async function exportReport(ctx: WriteContext, query: ReportQuery, target: FileTarget, kind: OutputKind, render: (report: TeamReport) => Buffer | Promise<Buffer>): Promise<ReportFileResult> {
  const out = { path: target.path, kind, replace: target.replace, database: target.database };
  checkOutputTarget(out);
  const report = buildReport(ctx.db, query, localDay(ctx.now()));
  const file = writeOutputFile(out, await render(report));
  const period = shortPeriod(report.period);
  write(ctx, (audit) => audit('report', null, 'export', `${kind === 'report' ? 'Word' : 'Excel'}: ${period}${report.shared ? ', shared outside the team' : ', the team’s own copy'}`));
  return { path: file, period };
}

export function exportWordReport(ctx: WriteContext, query: ReportQuery, target: FileTarget): Promise<ReportFileResult> {
  // The team's own report template when it has loaded one (Settings, Templates), as the meeting records do; else LinkDesk's own.
  const template = selectActiveTemplate(ctx.db, 'team_report') ?? defaultTemplate('team_report');
  return exportReport(ctx, query, target, 'report', (report) => buildWordReport(report, template, teamOf(ctx)));
}

export function exportExcelReport(ctx: WriteContext, query: ReportQuery, target: FileTarget): Promise<ReportFileResult> {
  return exportReport(ctx, query, target, 'report-workbook', (report) => buildWorkbook(report, teamOf(ctx)));
}

export function exportEscalationLog(ctx: WriteContext, query: EscalationLogQuery, target: FileTarget): EscalationLogFileResult {
  const out = { path: target.path, kind: 'escalation-log' as const, replace: target.replace, database: target.database };
  checkOutputTarget(out);
  const { bytes, escalations } = buildEscalationLog(ctx.db, query, ctx.now());
  const file = writeOutputFile(out, bytes);
  // Who printed the sensitive log, and of which days: an auditor's first question.
  write(ctx, (audit) => audit('escalation-log', null, 'export', `${query.from} to ${query.to}${query.hub ? `, one hub` : ''}: ${escalations} escalations`));
  return { path: file, escalations };
}
