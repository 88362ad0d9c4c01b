/** The command line's documents: the published SPOC list and the Word meeting records. */
import type { GeneratedDocument, ProducibleRecord, SpocListCheck } from '../../shared/domain/documents.ts';
import type { Page } from '../../shared/domain/paging.ts';
import { AppError } from '../../shared/errors.ts';
import { localDay } from '../../shared/format.ts';
import type { Cli } from './commands.ts';

interface Tools {
  call: <T>(cli: Cli, method: string, input: unknown) => Promise<T>;
  unlock: (cli: Cli) => Promise<void>;
  requireOption: (value: string | undefined, flag: string) => string;
}

export function exportCommands({ call, unlock, requireOption }: Tools): Record<string, (cli: Cli) => Promise<void>> {
  return {
    async 'export-spoc-list'(cli) {
      const out = requireOption(cli.args.values.out, '--out FILE.xlsx');
      await unlock(cli);
      const validFrom = cli.args.values['valid-from'] ?? localDay(cli.session.now());
      const check = await call<SpocListCheck>(cli, 'documents.checkSpocList', { validFrom });
      // The command line cannot ask: the gaps are saved as "to be allocated" and listed.
      const result = await call<{ path: string; rows: number; gaps: number }>(cli, 'documents.exportSpocList', { path: out, validFrom, acceptGaps: true, replace: cli.args.values.replace });
      const gapLines = check.gaps.map((g) => `  To be allocated: ${g.name} (${g.urn})`);
      cli.out([`Wrote the SPOC list of ${result.rows} schools, valid from ${validFrom}, to ${result.path}.`, ...gapLines].join('\n'), { ...result, validFrom, toBeAllocated: check.gaps });
    },
    async 'export-record'(cli) {
      await unlock(cli);
      if (cli.args.values.list) {
        const records: ProducibleRecord[] = [];
        for (let total = 1; records.length < total; ) {
          const page = await call<Page<ProducibleRecord>>(cli, 'documents.producible', { offset: records.length, limit: 500 });
          if (page.rows.length === 0) break;
          records.push(...page.rows);
          total = page.total;
        }
        const list = records.map(({ kind, id, school, date }) => ({ kind, id, school, date }));
        cli.out(list.map((r) => `${r.date}  ${r.kind.padEnd(12)}  ${r.id}  ${r.school}`).join('\n') || 'No visit records or consultations yet.', list);
        return;
      }
      const { visit, consultation } = cli.args.values;
      if (Boolean(visit) === Boolean(consultation)) {
        throw new AppError('invalid_input', 'Give either --visit ID or --consultation ID (export-record --list lists them).', { issues: [{ path: 'visit', message: 'required' }] });
      }
      const out = requireOption(cli.args.values.out, '--out FILE.docx');
      const input = visit ? { kind: 'visit', id: visit } : { kind: 'consultation', id: consultation };
      const doc = await call<GeneratedDocument>(cli, 'documents.exportRecord', { ...input, path: out, replace: cli.args.values.replace });
      cli.out(`Wrote the meeting record to ${doc.path} (sha256 ${doc.sha256}).`, doc);
    },
  };
}
