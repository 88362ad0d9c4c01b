import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../app/testing/builders.ts';
import { linkdesk } from '../app/testing/cli.ts';
import { GIAS_2021 } from '../app/testing/gias-files.ts';
import { useRealKeyStretch } from '../app/testing/short-key-stretch.ts';

// The `linkdesk` child processes always use the real key stretch.
useRealKeyStretch();

function write(name: string, text: string): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, text);
  return file;
}

describe('linkdesk import-hubs', () => {
  it('after a GIAS import, checks then sets hubs from a spreadsheet, lists refused rows and exits 1 until asked to apply the good ones', async () => {
    const db = path.join(tempDir(), 'hubs.linkdesk');
    expect((await linkdesk(['create', '--db', db, '--team', 'Hub Team'])).status).toBe(0);
    expect((await linkdesk(['import-gias', GIAS_2021, '--db', db, '--la', '202'])).status).toBe(0);
    const file = write('hubs.csv', 'URN,Hub\n100008,North\n100009,Central\n999999,Coastal\n');

    const check = await linkdesk(['import-hubs', file, '--db', db, '--dry-run']);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('Checked: 2 schools to change, 0 unchanged, 1 row refused.');
    expect(check.stdout).toMatch(/Row 2, .* \(100008\): Hub \(blank\) → North/);
    expect(check.stdout).toContain('Row 4, URN: no school has URN 999999 in this team database.');
    expect(check.stderr).toMatch(/^linkdesk: 1 row was refused; nothing was imported\. Fix the rows listed, or add --apply-good-rows/);

    const good = await linkdesk(['import-hubs', file, '--db', db, '--apply-good-rows', '--json']);
    expect(good.status).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({ applied: 2, counts: { change: 2, unchanged: 0, refused: 1 } });
    const north = JSON.parse((await linkdesk(['api', 'schools.list', '--db', db, '--input', '{"hub":"North"}', '--json'])).stdout);
    expect(north.rows.map((r: { urn: string }) => r.urn)).toEqual(['100008']);

    const again = await linkdesk(['import-hubs', write('again.csv', 'URN,Hub\n100008,North\n100009,Central\n'), '--db', db, '--json']);
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ applied: 0, counts: { change: 0, unchanged: 2, refused: 0 } });
  });
});
