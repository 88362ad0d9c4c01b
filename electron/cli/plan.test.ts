import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PASSPHRASE, tempDir } from '../app/testing/builders.ts';
import { useRealKeyStretch } from '../app/testing/short-key-stretch.ts';

useRealKeyStretch();

const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'linkdesk.js');

async function linkdesk(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const home = tempDir();
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', LINKDESK_HOME: home, LINKDESK_USER: 'Cli Tester', LINKDESK_PASSPHRASE: PASSPHRASE },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin.end();
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const status = await new Promise<number>((resolve) => child.once('close', (code) => resolve(code ?? -1)));
  return { status, stdout, stderr };
}

interface PlanJson {
  proposals: { urn: string; namedId: string | null; secondaryId: string | null; from: string }[];
  objective: number;
  lowerBound: number;
  gap: number;
  solver: string;
}

describe('linkdesk plan-allocations', () => {
  it('prints a hub’s plan as JSON that allocations.check takes as it is, and applies it with a reason', async () => {
    const file = path.join(tempDir(), 'demo.linkdesk');
    expect((await linkdesk(['demo', '--db', file])).status).toBe(0);
    const planned = await linkdesk(['plan-allocations', '--db', file, '--hub', 'Coastal', '--from', '2026-12-01', '--time-limit', '20', '--json']);
    expect(planned.stderr).toBe('');
    expect(planned.status).toBe(0);
    const plan = JSON.parse(planned.stdout) as PlanJson;
    expect(plan.proposals.length).toBeGreaterThan(5);
    expect(plan.proposals[0]).toEqual({ urn: expect.stringMatching(/^\d{6}$/), namedId: expect.any(String), secondaryId: expect.any(String), from: '2026-12-01' });
    expect(['highs', 'greedy']).toContain(plan.solver);
    expect(plan.lowerBound).toBeLessThanOrEqual(plan.objective + 1e-6);

    const checked = await linkdesk(['api', 'allocations.check', '--db', file, '--input', JSON.stringify({ proposals: plan.proposals })]);
    expect(checked.status).toBe(0);
    const findings = (JSON.parse(checked.stdout) as { findings: { severity: string }[] }[]).flatMap((c) => c.findings);
    expect(findings.filter((f) => f.severity === 'blocking')).toEqual([]);

    const refused = await linkdesk(['plan-allocations', '--db', file, '--hub', 'Coastal', '--apply']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/Give --reason TEXT/);
    const applied = await linkdesk(['plan-allocations', '--db', file, '--hub', 'Coastal', '--from', '2026-12-01', '--time-limit', '20', '--apply', '--reason', 'Coastal hub reallocation']);
    expect(applied.stderr).toBe('');
    expect(applied.stdout).toMatch(/Applied: \d+ school/);
    expect(fs.existsSync(file)).toBe(true);
  });
});
