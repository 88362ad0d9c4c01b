/**
 * `linkdesk report`: the termly or annual report as a Word document or an Excel workbook (by
 * --out's extension), and with --json its headline figures; `linkdesk export-escalation-log`:
 * the escalation log of a period, for audit.
 */
import { TERM_NAMES } from '../../shared/domain/calendar.ts';
import type { EscalationLogFileResult, ReportFileResult } from '../../shared/domain/report-exports.ts';
import { shareable, type ReportHeadline, type ReportValue, type TeamReport } from '../../shared/domain/reports.ts';
import { AppError } from '../../shared/errors.ts';
import { plural } from '../../shared/format.ts';
import type { Cli } from './commands.ts';

interface Tools {
  call: <T>(cli: Cli, method: string, input: unknown) => Promise<T>;
  unlock: (cli: Cli) => Promise<void>;
  requireOption: (value: string | undefined, flag: string) => string;
}

type Figures<T> = { [K in keyof T]: T[K] extends number ? ReportValue : Figures<T[K]> };

/** The headline as the report shows it: marked for sharing, a count of 1-4 is "fewer than 5" here too. */
export function headlineFigures(headline: ReportHeadline, share: boolean): Figures<ReportHeadline> {
  const hide = (value: unknown): unknown =>
    typeof value === 'number' ? shareable(value, share) : Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, hide(v)]));
  return hide(headline) as Figures<ReportHeadline>;
}

function termOf(value: string | undefined): (typeof TERM_NAMES)[number] | undefined {
  if (value === undefined) return undefined;
  const term = TERM_NAMES.find((t) => t === value.toLowerCase());
  if (!term) throw new AppError('invalid_input', `--term must be autumn, spring or summer, not ${value}.`, { issues: [{ path: 'term', message: 'autumn, spring or summer' }] });
  return term;
}

export function reportCommands({ call, unlock, requireOption }: Tools): Record<string, (cli: Cli) => Promise<void>> {
  return {
    async report(cli) {
      const values = cli.args.values;
      const year = requireOption(cli.args.values.year, '--year 2026-27');
      const out = cli.args.values.out;
      if (!out && !values.json) throw new AppError('invalid_input', 'Give --out FILE.docx or --out FILE.xlsx (or --json for the figures alone).', { issues: [{ path: 'out', message: 'required' }] });
      const method = out?.toLowerCase().endsWith('.xlsx') ? 'reports.exportExcel' : out?.toLowerCase().endsWith('.docx') ? 'reports.exportWord' : null;
      if (out && !method) throw new AppError('invalid_input', `--out must name a .docx (the Word report) or an .xlsx (the workbook): ${out} is neither.`, { issues: [{ path: 'out', message: 'FILE.docx or FILE.xlsx' }] });
      const term = termOf(cli.args.values.term);
      const query = { year, ...(term ? { term } : {}), ...(cli.args.values.hub ? { hub: cli.args.values.hub } : {}), share: cli.args.values.share };
      await unlock(cli);
      const report = values.json ? await call<TeamReport>(cli, 'reports.build', query) : null;
      const saved = out && method ? await call<ReportFileResult>(cli, method, { ...query, path: out, replace: cli.args.values.replace }) : null;
      const json = report
        ? { period: report.period.label, previousPeriod: report.previous.label, filters: report.filters, shared: report.shared, ...headlineFigures(report.headline, report.shared), ...(saved ? { path: saved.path } : {}) }
        : saved;
      const said = saved ? `Wrote the report of ${saved.period}${query.share ? ' (shared outside the team: counts of 1-4 as "fewer than 5")' : ''} to ${saved.path}.` : '';
      cli.out(said, json);
    },
    async 'export-escalation-log'(cli) {
      const out = requireOption(cli.args.values.out, '--out FILE.docx');
      const from = requireOption(cli.args.values.from, '--from DATE');
      const to = requireOption(cli.args.values.to, '--to DATE');
      await unlock(cli);
      const result = await call<EscalationLogFileResult>(cli, 'reports.exportEscalationLog', { from, to, ...(cli.args.values.hub ? { hub: cli.args.values.hub } : {}), path: out, replace: cli.args.values.replace });
      cli.out(`Wrote the escalation log of ${plural(result.escalations, 'escalation')} raised from ${from} to ${to} to ${result.path} (OFFICIAL-SENSITIVE).`, result);
    },
  };
}
