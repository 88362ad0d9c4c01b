/** `linkdesk import-hubs`: schools' hubs (and DSL details) from a spreadsheet of URN and Hub. */
import { BULK_FIELD_LABELS, type HubImportResult } from '../../shared/domain/school-bulk.ts';
import { AppError } from '../../shared/errors.ts';
import { plural } from '../../shared/format.ts';
import type { Cli } from './commands.ts';

interface Tools {
  call: <T>(cli: Cli, method: string, input: unknown) => Promise<T>;
  unlock: (cli: Cli) => Promise<void>;
  requireOption: (value: string | undefined, flag: string) => string;
}

const shown = (v: string | null) => (v === null || v === '' ? '(blank)' : v);

export function hubCommands({ call, unlock, requireOption }: Tools): Record<string, (cli: Cli) => Promise<void>> {
  return {
    async 'import-hubs'(cli) {
      const file = requireOption(cli.args.rest[0], 'FILE');
      await unlock(cli);
      const dryRun = cli.args.values['dry-run'];
      const result = await call<HubImportResult>(cli, 'schools.importHubs', { path: file, dryRun, applyGoodRows: cli.args.values['apply-good-rows'] });
      const { counts } = result;
      const verdict = dryRun ? 'Checked' : result.applied > 0 ? `Imported: ${plural(result.applied, 'school')} changed` : 'Not imported';
      const lines = result.rows.map((r) =>
        r.outcome === 'refused'
          ? `  ${r.message ?? `Row ${r.row}: refused`}.`
          : `  Row ${r.row}, ${r.school ?? ''} (${r.urn}): ${r.outcome === 'unchanged' ? 'unchanged' : r.changes.map((c) => `${BULK_FIELD_LABELS[c.field]} ${shown(c.from)} → ${shown(c.to)}`).join('; ')}`,
      );
      cli.out([`${verdict}: ${plural(counts.change, 'school')} to change, ${counts.unchanged} unchanged, ${plural(counts.refused, 'row')} refused.`, ...lines].join('\n'), result);
      if (counts.refused > 0 && result.applied === 0) {
        throw new AppError('invalid_input', `${plural(counts.refused, 'row')} ${counts.refused === 1 ? 'was' : 'were'} refused; nothing was imported. Fix the rows listed, or add --apply-good-rows to import the others.`);
      }
    },
  };
}
