import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openConnection } from '../app/db/cipher.ts';
import { PASSPHRASE, tempDir } from '../app/testing/builders.ts';
import { linkdesk as linkdesk } from '../app/testing/cli.ts';
import { useRealKeyStretch } from '../app/testing/short-key-stretch.ts';

// The `linkdesk` child processes always use the real key stretch, and these tests open their files too.
useRealKeyStretch();

const SLOW = 300_000;

describe('linkdesk and a history changed outside LinkDesk', () => {
  it('opens the database with a warning, and check names each problem and exits 1', async () => {
    const file = path.join(tempDir(), 'history.linkdesk');
    expect((await linkdesk(['create', '--db', file, '--team', 'History Team', '--authority', 'Recordshire'])).status).toBe(0);
    expect((await linkdesk(['check', '--db', file])).stdout).toMatch(/^OK: integrity, cipher and history checks passed/);
    const raw = openConnection(file, PASSPHRASE, { create: false });
    raw.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'Someone Else' WHERE id = 1;");
    raw.close();

    const opened = await linkdesk(['api', 'team.get', '--db', file, '--json']);
    expect(opened.status).toBe(0);
    expect(JSON.parse(opened.stdout).settings.teamName).toBe('History Team');
    expect(opened.stderr).toContain("linkdesk: warning: the database's history has been tampered with or damaged:");
    expect(opened.stderr).toContain('Audit log row 1 was changed after it was written');

    const check = await linkdesk(['check', '--db', file]);
    expect(check.status).toBe(1);
    expect(check.stdout.split('\n').filter(Boolean)).toEqual([
      '  The trigger audit_log_no_update, which keeps the audit log append-only, is missing: the audit log could have been changed without LinkDesk.',
      '  Audit log row 1 was changed after it was written: its contents no longer match its hash.',
    ]);
    expect(check.stderr.trim().split('\n').at(-1)).toBe("linkdesk: The check found problems: 2 problems with the audit or escalation log's history (listed above)");

    const json = await linkdesk(['check', '--db', file, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, integrity: ['ok'], cipherIntegrity: [], history: [{ kind: 'missing_trigger' }, { kind: 'changed', rowId: 1 }] });
  }, SLOW);
});
