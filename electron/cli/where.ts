/** `linkdesk where`: this computer's settings folder, the log file and the demo database. */
import type { MachineConfig } from '../app/config/machine-config.ts';
import type { Cli } from './commands.ts';

export function whereLines(config: MachineConfig): string {
  return [
    `Settings folder: ${config.dir}`,
    `Log file:        ${config.logFile}  (internal errors with their stack traces; no personal data)`,
    `Demo database:   ${config.demoPath}`,
  ].join('\n');
}

export function whereCommands(): Record<string, (cli: Cli) => Promise<void>> {
  const where = async (cli: Cli): Promise<void> => {
    const { config } = cli.session;
    cli.out(whereLines(config), { settingsFolder: config.dir, logFile: config.logFile, demoDatabase: config.demoPath });
  };
  return { where, 'log-path': where };
}
