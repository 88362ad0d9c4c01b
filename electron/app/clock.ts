/**
 * The app's clock. When LINKDESK_CLOCK_FILE names a file holding an ISO instant, that instant is
 * "now" for as long as the file holds one: how the end-to-end tests watch a 24-hour deadline pass
 * without waiting a day. Without it (as for every user) the clock is the computer's.
 */
import fs from 'node:fs';

export function clockFromEnvironment(env: NodeJS.ProcessEnv = process.env): () => Date {
  const file = env.LINKDESK_CLOCK_FILE;
  if (!file) return () => new Date();
  // Never silent: escalation times and the audit log take their time from this clock.
  process.stderr.write(`linkdesk: using the test clock in ${file}, not the computer's clock\n`);
  return () => {
    try {
      const instant = new Date(fs.readFileSync(file, 'utf8').trim());
      return Number.isNaN(instant.getTime()) ? new Date() : instant;
    } catch {
      return new Date();
    }
  };
}
