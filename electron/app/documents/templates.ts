/** The default templates that come with LinkDesk, in templates/ (beside the sources, or beside the bundle). */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors.ts';

const here = import.meta.dirname ?? __dirname;
const CANDIDATES = [path.resolve(here, '..', '..', '..', 'templates'), path.resolve(here, '..', 'templates')];

export const DEFAULT_TEMPLATE_FILES = {
  visit_record: 'visit-record.docx',
  consultation_record: 'consultation-record.docx',
  spoc_list: 'spoc-list.xlsx',
  team_report: 'team-report.docx',
  escalation_log: 'escalation-log.docx',
} as const;

export function defaultTemplate(kind: keyof typeof DEFAULT_TEMPLATE_FILES): { fileName: string; content: Buffer } {
  const fileName = DEFAULT_TEMPLATE_FILES[kind];
  const folder = CANDIDATES.find((c) => fs.existsSync(path.join(c, fileName)));
  if (!folder) throw new AppError('internal', `The default template ${fileName} is missing from this installation of LinkDesk.`);
  return { fileName, content: fs.readFileSync(path.join(folder, fileName)) };
}
