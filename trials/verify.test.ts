/** The trials' judge must be able to say no: a damaged page, a lock not called stale, a half-applied change. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { lockPathFor } from '../electron/app/db/lock-file.ts';
import { aTeamDatabaseFile, bytesOf, pageNeverReadOnOpen, PASSPHRASE } from '../electron/app/testing/builders.ts';
import { runSeed, seededRandom } from './random.ts';
import { addPerson, turnOnPerPersonAccess } from '../electron/app/access/service.ts';
import { openTeamDatabase } from '../electron/app/db/team-db.ts';
import { aTeamDatabase } from '../electron/app/testing/builders.ts';
import { ACCESS_FILE_PEOPLE, describeDifference, inspectDatabase, matchState, opensAs } from './verify.ts';
import { useRealKeyStretch } from '../electron/app/testing/short-key-stretch.ts';

// The databases are made and opened by child `linkdesk` processes, which always use the real stretch.
useRealKeyStretch();

const RIGHT = [{ label: 'old', passphrase: PASSPHRASE }];

describe('judging a database after a kill', () => {
  it('opens a sound database, takes over a lock left by a dead process on this machine, and counts its rows', async () => {
    const file = aTeamDatabaseFile();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    fs.writeFileSync(lockPathFor(file), JSON.stringify({ user: 'Killed', machine: os.hostname(), pid: dead, since: new Date().toISOString() }));
    const seen = await inspectDatabase(file, [{ label: 'wrong', passphrase: 'not the passphrase at all' }, ...RIGHT]);
    expect(seen).toMatchObject({ openedWith: 'old', checkPassed: true, problems: [], notes: ['stale lock taken over'] });
    expect(seen.fingerprint?.team).toBe(1);
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
  });

  it('fails a database whose check finds a damaged page', async () => {
    const file = aTeamDatabaseFile();
    const page = pageNeverReadOnOpen(file);
    const bytes = bytesOf(file);
    bytes.fill(0x00, (page - 1) * 4096 + 200, (page - 1) * 4096 + 204);
    fs.writeFileSync(file, bytes);
    const seen = await inspectDatabase(file, RIGHT);
    expect(seen.checkPassed).toBe(false);
    expect(seen.problems).toEqual([expect.stringMatching(new RegExp(`check found: .*Page ${page} failed its authentication check`))]);
  });

  it('fails a database that opens with none of the passphrases, and one whose lock names another computer', async () => {
    const file = aTeamDatabaseFile();
    expect((await inspectDatabase(file, [{ label: 'new', passphrase: 'not the passphrase at all' }])).problems).toEqual([expect.stringMatching(/^does not open: new passphrase: wrong_passphrase/)]);
    fs.writeFileSync(lockPathFor(file), JSON.stringify({ user: 'Someone', machine: 'another-laptop', pid: 4242, since: new Date().toISOString() }));
    expect((await inspectDatabase(file, RIGHT)).problems).toEqual([expect.stringMatching(/lock was not called stale/)]);
  });

  it('with per-person access: opens as the person named, leaves its own opens out, and counts the people the access file names', async () => {
    const db = aTeamDatabase();
    turnOnPerPersonAccess(db, PASSPHRASE);
    db.close();
    const owner = [{ label: 'old', passphrase: PASSPHRASE, user: 'Tess Manager' }];
    expect((await inspectDatabase(db.path, [{ label: 'old', passphrase: PASSPHRASE }])).problems).toEqual([expect.stringMatching(/^does not open: old passphrase: wrong_passphrase .*has no access/)]);
    const first = await inspectDatabase(db.path, owner);
    expect(first).toMatchObject({ openedWith: 'old', checkPassed: true, problems: [] });
    expect(first.fingerprint?.[ACCESS_FILE_PEOPLE]).toBe(1);
    // Each inspection wrote an `open` row; the states still match.
    const again = await inspectDatabase(db.path, owner);
    expect(again.fingerprint).toEqual(first.fingerprint);

    const reopened = openTeamDatabase({ path: db.path, passphrase: PASSPHRASE, user: 'Tess Manager' });
    addPerson(reopened, 'Sam Patel', 'lighthouse pebble orchard violin');
    reopened.close();
    const added = await inspectDatabase(db.path, owner);
    expect(added.fingerprint?.[ACCESS_FILE_PEOPLE]).toBe(2);
    expect(added.fingerprint?.audit_log).toBe((first.fingerprint?.audit_log ?? 0) + 1);
    expect(await opensAs(db.path, 'Sam Patel', 'lighthouse pebble orchard violin')).toEqual({ opens: true, problem: null });
    expect(await opensAs(db.path, 'Sam Patel', 'not sams passphrase at all')).toEqual({ opens: false, problem: null });
    expect(await opensAs(db.path, 'Robin Nobody', 'lighthouse pebble orchard violin')).toEqual({ opens: false, problem: null });
  }, 120_000);

  it('tells a state before or after a change from one holding part of it', () => {
    const before = { school: 45, audit_log: 100 };
    const after = { school: 145, audit_log: 200 };
    const allowed = [{ label: 'before', fingerprint: before }, { label: 'after', fingerprint: after }];
    expect(matchState({ school: 45, audit_log: 100 }, allowed)).toBe('before');
    expect(matchState({ school: 145, audit_log: 200 }, allowed)).toBe('after');
    expect(matchState({ school: 145, audit_log: 100 }, allowed)).toBeNull();
    expect(describeDifference({ school: 145, audit_log: 100 }, before, after)).toBe('school 145 (before 45, after 145), audit_log 100 (before 100, after 200)');
  });

  it('draws the same delays from the same seed, whatever else runs', () => {
    const draw = (seed: number) => [0, 1, 2].map((i) => seededRandom(runSeed(seed, 'rekey', i))());
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(draw(7).every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
