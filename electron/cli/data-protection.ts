/** The command line's data protection: the retention review and the purge a person confirms. */
import type { RetentionPurgeResult, RetentionReview } from '../../shared/domain/retention.ts';
import type { SubjectAccessBundle, SubjectAccessMatch } from '../../shared/domain/subject-access.ts';
import { AppError } from '../../shared/errors.ts';
import { formatDate } from '../../shared/format.ts';
import type { Cli } from './commands.ts';

interface Tools {
  call: <T>(cli: Cli, method: string, input: unknown) => Promise<T>;
  unlock: (cli: Cli) => Promise<void>;
  requireOption: (value: string | undefined, flag: string) => string;
}

export function dataProtectionCommands({ call, unlock, requireOption }: Tools): Record<string, (cli: Cli) => Promise<void>> {
  return {
    async retention(cli) {
      const { review, purge, confirm } = cli.args.values;
      if (review === purge) throw new AppError('invalid_input', 'Give --review (list what is past its period) or --purge --confirm (remove it).', { issues: [{ path: 'review', message: 'required' }] });
      if (purge && !confirm) {
        throw new AppError('invalid_input', 'A purge removes children’s references and notes for good: add --confirm to say you mean it (run --review first to see what it removes).', { issues: [{ path: 'confirm', message: 'required' }] });
      }
      await unlock(cli);
      if (review) {
        const result = await call<RetentionReview>(cli, 'retention.review', {});
        const lines = result.due.map((d) => `  ${d.label}: ${d.count} past ${d.years} years${d.oldest ? ` (oldest ${formatDate(d.oldest)})` : ''}${d.purgeable ? '' : ', reviewed only'}`);
        cli.out([`Retention review on ${formatDate(result.asOf)}:`, ...lines].join('\n'), result.due);
        return;
      }
      const result = await call<RetentionPurgeResult>(cli, 'retention.purge', { confirm: true });
      cli.out(`Purged: ${result.purged.map((p) => `${p.kind.replace('_', ' ')} ${p.count}`).join(', ')}.`, result);
    },
    async 'subject-access'(cli) {
      const v = cli.args.values;
      const out = requireOption(v.out, '--out FILE.docx');
      const query = { caseId: v['case-id'], initials: v.initials, yearGroup: v['year-group'], urn: v.urn };
      await unlock(cli);
      // The search is audited as such; the bundle then reads the same records.
      const matches = await call<SubjectAccessMatch[]>(cli, 'subjectAccess.search', query);
      const bundle = await call<SubjectAccessBundle>(cli, 'subjectAccess.export', { query, path: out, replace: v.replace });
      const lines = matches.map((m) => `  ${m.kind.replace('_', ' ')} ${formatDate(m.date)} ${m.school}`);
      cli.out([`${bundle.records} records, written to ${bundle.path}:`, ...lines].join('\n'), matches.map(({ kind, id, date, school }) => ({ kind, id, date, school })));
    },
  };
}
