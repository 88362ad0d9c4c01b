import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AccessState } from '../../shared/domain/access.ts';
import { PASSPHRASE, tempDir } from '../app/testing/builders.ts';
import { linkdesk } from '../app/testing/cli.ts';
import { useRealKeyStretch } from '../app/testing/short-key-stretch.ts';

// The `linkdesk` child processes always use the real key stretch, and share these files.
useRealKeyStretch();

/** Each run stretches a key and a slot's passphrase; the machine may be busy. */
const SLOW = 600_000;
const SAM = 'Sam Patel';
const SAM_PASSPHRASE = 'lighthouse pebble orchard violin';

describe('linkdesk access', () => {
  it('turns on per-person access, adds a person with a passphrase from the environment, lists, and removes them with a re-encryption', async () => {
    const file = path.join(tempDir(), 'access.linkdesk');
    const created = await linkdesk(['create', '--db', file, '--team', 'Access Team', '--authority', 'Accessshire']);
    expect(created.stderr).toBe('');
    const enabled = await linkdesk(['access', 'enable', '--db', file]);
    expect(enabled.stderr).toBe('');
    expect(enabled.stdout).toContain('Cli Tester (you)');

    const missing = await linkdesk(['access', 'add', '--db', file]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('Give --person NAME');

    const added = await linkdesk(['access', 'add', '--db', file, '--person', SAM], { LINKDESK_NEW_PASSPHRASE: SAM_PASSPHRASE });
    expect(added.stderr).toBe(`The passphrase for ${SAM}:\n`);
    expect(added.status).toBe(0);

    const asSam = await linkdesk(['access', 'list', '--db', file, '--json', '--user', SAM], { LINKDESK_PASSPHRASE: SAM_PASSPHRASE });
    expect(asSam.stderr).toBe('');
    const state = JSON.parse(asSam.stdout) as AccessState;
    expect(state.people.map((p) => [p.name, p.you, p.lastOpenedAt !== null])).toEqual([['Cli Tester', false, true], [SAM, true, true]]);

    const removed = await linkdesk(['access', 'remove', '--db', file, '--person', SAM, '--reencrypt']);
    expect(removed.stderr).toBe('');
    expect(removed.stdout).toContain('new key');

    const refused = await linkdesk(['access', 'list', '--db', file, '--user', SAM], { LINKDESK_PASSPHRASE: SAM_PASSPHRASE });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('has no access');
    for (const text of [created, enabled, added, asSam, removed, refused].flatMap((r) => [r.stdout, r.stderr])) {
      expect(text).not.toContain(SAM_PASSPHRASE);
      expect(text).not.toContain(PASSPHRASE);
    }
  }, SLOW);
});
