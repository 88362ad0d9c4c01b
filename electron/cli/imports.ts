/** The set-up imports of the command line: GIAS, people, declared connections. */
import type { AllocationImportResult } from '../../shared/domain/allocations.ts';
import type { GiasImportResult, GiasPreview, RowsImportResult } from '../../shared/domain/imports.ts';
import { AppError } from '../../shared/errors.ts';
import type { Cli } from './commands.ts';

interface Tools {
  call: <T>(cli: Cli, method: string, input: unknown) => Promise<T>;
  unlock: (cli: Cli) => Promise<void>;
  requireOption: (value: string | undefined, flag: string) => string;
}

/** Where in the app the good rows of a file can be imported, leaving the refused ones out. */
const SCREEN_OF = {
  gias: 'Schools, Import from GIAS',
  people: 'People, Import people',
  connections: 'People, Import declared connections',
} as const;

function refused(count: number, what: string, importer: keyof typeof SCREEN_OF): AppError {
  return new AppError(
    'invalid_input',
    `${count} ${what} refused; nothing was imported. Fix the rows listed, or import the good rows in the app (${SCREEN_OF[importer]}), which shows each row before importing.`,
  );
}

export function importCommands({ call, unlock, requireOption }: Tools): Record<string, (cli: Cli) => Promise<void>> {
  const rowsImport = (method: 'people.importFile' | 'connections.importFile', importer: 'people' | 'connections', noun: string) => async (cli: Cli) => {
    const file = requireOption(cli.args.rest[0], 'FILE');
    await unlock(cli);
    const result = await call<RowsImportResult>(cli, method, { path: file, dryRun: cli.args.values['dry-run'] });
    const lines = result.rejected.map((r) => `  ${r.message}`);
    const { added, updated, unchanged } = result.counts;
    const tally = `${added} to add, ${updated} to change, ${unchanged} unchanged`;
    const summary = result.dryRun
      ? `Checked: ${tally}${result.rejected.length === 0 ? '; all rows can be imported.' : '.'}`
      : `${result.applied} ${noun} imported (${tally.replace('to add', 'added').replace('to change', 'changed')}).`;
    cli.out([summary, ...lines].join('\n'), { applied: result.applied, dryRun: result.dryRun, rejected: result.rejected, counts: result.counts });
    if (result.rejected.length > 0) throw refused(result.rejected.length, result.rejected.length === 1 ? 'row was' : 'rows were', importer);
  };

  return {
    async 'import-gias'(cli) {
      const file = requireOption(cli.args.rest[0], 'FILE');
      const laCodes = cli.args.values.la ?? [];
      await unlock(cli);
      const dryRun = cli.args.values['dry-run'];
      const result = dryRun
        ? await call<GiasPreview>(cli, 'gias.preview', { path: file, laCodes })
        : await call<GiasImportResult>(cli, 'gias.apply', { path: file, laCodes });
      const { counts, errors } = result;
      const summary = `${dryRun ? 'Preview' : 'applied' in result && result.applied ? 'Imported' : 'Not imported'}: ${counts.added} added, ${counts.updated} updated (${counts.closing} now closed), ${counts.unchanged} unchanged, ${counts.skipped} skipped, ${counts.errors} errors${counts.filteredOut ? `, ${counts.filteredOut} in other local authorities` : ''}.`;
      cli.out([summary, ...errors.map((e) => `  ${e.message}`)].join('\n'), {
        added: counts.added,
        updated: counts.updated,
        unchanged: counts.unchanged,
        skipped: counts.skipped,
        errors,
      });
      if (counts.errors > 0) throw refused(counts.errors, counts.errors === 1 ? 'row was' : 'rows were', 'gias');
    },
    async 'import-allocations'(cli) {
      const file = requireOption(cli.args.rest[0], 'FILE');
      await unlock(cli);
      const result = await call<AllocationImportResult>(cli, 'allocations.importFile', { path: file, dryRun: cli.args.values['dry-run'] });
      const unchanged = result.rows.filter((r) => r.outcome === 'unchanged').length;
      const applying = result.dryRun ? result.rows.filter((r) => r.outcome === 'apply').length : result.applied;
      const human = [
        `${result.dryRun ? 'Dry run: would apply' : 'Applied'} ${applying} ${applying === 1 ? 'allocation' : 'allocations'}; ${unchanged} unchanged; ${result.rejected.length} ${result.rejected.length === 1 ? 'row' : 'rows'} refused.`,
        ...result.rejected.map((r) => `  Row ${r.row}${r.school ? ` (${r.school.name}, ${r.school.urn})` : ''}: ${r.reasons.join(' ')}`),
        ...result.warnings.map((w) => `  Row ${w.row} (${w.school.name}) saved with warnings, reason "${w.overriddenWith}": ${w.messages.join(' ')}`),
      ].join('\n');
      cli.out(human, { applied: result.applied, unchanged, rejected: result.rejected, warnings: result.warnings });
      if (result.rejected.length > 0) {
        throw new AppError('allocation_refused', `${result.rejected.length} ${result.rejected.length === 1 ? 'row was' : 'rows were'} refused; the other rows ${result.dryRun ? 'would be' : 'were'} applied.`);
      }
    },
    'import-people': rowsImport('people.importFile', 'people', 'people'),
    'import-connections': rowsImport('connections.importFile', 'connections', 'declared connections'),
  };
}
