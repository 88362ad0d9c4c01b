/**
 * The report's exports over the API. The writers (docxtemplater, pizzip, exceljs) load with the
 * first export, not when LinkDesk starts (build/start-cost.test.ts).
 */
import type { AreaHandlers } from '../handler-types.ts';
import { writingFile } from '../files/file-source.ts';
import { TERM_LABELS } from '../../../shared/domain/calendar.ts';
import type { EscalationLogQuery, ReportQuery } from '../../../shared/domain/reports.ts';

type ExportMethods = 'reports.exportWord' | 'reports.exportExcel' | 'reports.exportEscalationLog';

const exports = () => import('./exports.ts');

/** A download's name, known before the figures are counted: "Report 2026-27 Autumn term (shared).docx". */
function reportFileNameOf(query: ReportQuery, extension: 'docx' | 'xlsx'): string {
  return `Report ${query.year}${query.term ? ` ${TERM_LABELS[query.term]}` : ''}${query.share ? ' (shared)' : ''}.${extension}`;
}

const escalationLogFileNameOf = (query: EscalationLogQuery): string => `Escalation log ${query.from} to ${query.to}.docx`;

export const reportExportHandlers: Pick<AreaHandlers<'reports'>, ExportMethods> = {
  'reports.exportWord': (session, { path, download, replace, ...query }) =>
    writingFile(session.transfers, { path, download }, reportFileNameOf(query, 'docx'), async (file) =>
      (await exports()).exportWordReport(session.database.writeContext, query, { path: file, replace, database: session.database.path }),
    ),
  'reports.exportExcel': (session, { path, download, replace, ...query }) =>
    writingFile(session.transfers, { path, download }, reportFileNameOf(query, 'xlsx'), async (file) =>
      (await exports()).exportExcelReport(session.database.writeContext, query, { path: file, replace, database: session.database.path }),
    ),
  'reports.exportEscalationLog': (session, { path, download, replace, ...query }) =>
    writingFile(session.transfers, { path, download }, escalationLogFileNameOf(query), async (file) =>
      (await exports()).exportEscalationLog(session.database.writeContext, query, { path: file, replace, database: session.database.path }),
    ),
};
