/**
 * Compiles the command line (dist-cli/) once before any test file runs, when a source changed,
 * so the workers that spawn `linkdesk` find it built instead of each building it at once.
 */
import { freshBundle } from './bundle-cache.js';
import { CLI_SETTINGS } from './cli.js';

export default async function setup(): Promise<void> {
  await freshBundle(CLI_SETTINGS);
}
