import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../app/testing/builders.ts';
import { linkdesk } from '../app/testing/cli.ts';
import { useRealKeyStretch } from '../app/testing/short-key-stretch.ts';

// The `linkdesk` child processes always use the real key stretch, and these tests open their files too.
useRealKeyStretch();

describe('linkdesk where', () => {
  it('says where the settings, the log file and the demo database are, also in --help', async () => {
    const home = tempDir();
    const where = await linkdesk(['where', '--json'], { LINKDESK_HOME: home });
    expect(where.status).toBe(0);
    expect(JSON.parse(where.stdout)).toEqual({
      settingsFolder: home,
      logFile: path.join(home, 'linkdesk.log'),
      demoDatabase: path.join(home, 'demo-team.linkdesk'),
    });
    const help = await linkdesk(['--help'], { LINKDESK_HOME: home });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain(`Log file:        ${path.join(home, 'linkdesk.log')}`);
    expect((await linkdesk(['log-path'], { LINKDESK_HOME: home })).stdout).toContain(path.join(home, 'linkdesk.log'));
  });
});
