import { describe, expect, it } from 'vitest';
import { handlers } from '../api.ts';
import { openConnection, type Connection } from '../db/cipher.ts';
import { ESCALATION_TRIGGERS } from '../db/migrations/0010-escalations.ts';
import { AUDIT_TRIGGERS } from '../db/migrations/0012-audit-chain.ts';
import { ESCALATION_OPEN_TRIGGER } from '../db/migrations/0013-work-in-front.ts';
import { openTeamDatabase, type TeamDatabase } from '../db/team-db.ts';
import { aSession, aTeamDatabase, PASSPHRASE } from '../testing/builders.ts';
import { updateSettings } from '../team/service.ts';
import { write } from '../db/write.ts';
import { verifyTriggers } from './chain.ts';
import { auditRowHash, GENESIS_HASH } from './chain-hash.ts';

interface StoredRow {
  id: number;
  at: string;
  actor: string;
  entity: string;
  entity_id: string | null;
  action: string;
  summary: string | null;
  prev_hash: string;
  hash: string;
}

/** A closed team database whose audit log holds rows 1 (the team's creation) to 6. */
function aFileWithSixAuditRows(): string {
  const db = aTeamDatabase();
  for (const minutes of [11, 12, 13, 14, 15]) updateSettings(db.writeContext, { idleLockMinutes: minutes });
  db.close();
  return db.path;
}

/** Changes the file the way anyone with the passphrase could: a raw SQLCipher connection. */
function tamper(file: string, work: (raw: Connection) => void): void {
  const raw = openConnection(file, PASSPHRASE, { create: false });
  try {
    work(raw);
  } finally {
    raw.close();
  }
}

function withTriggersDropped(raw: Connection, work: () => void): void {
  for (const name of Object.keys(AUDIT_TRIGGERS)) raw.exec(`DROP TRIGGER ${name}`);
  work();
  // Put back exactly as they were, so only the chain can tell.
  for (const sql of Object.values(AUDIT_TRIGGERS)) raw.exec(sql);
}

function rowsOf(raw: Connection): StoredRow[] {
  return raw.prepare('SELECT * FROM audit_log ORDER BY id').all() as StoredRow[];
}

function reopened(file: string): TeamDatabase {
  return openTeamDatabase({ path: file, passphrase: PASSPHRASE, user: 'Ivy Inspector' });
}

async function findingsOf(file: string) {
  const db = reopened(file);
  try {
    const onOpen = db.historyOnOpen;
    const report = await db.check();
    expect(report.history).toEqual(onOpen);
    return { onOpen, ok: report.ok };
  } finally {
    db.close();
  }
}

describe('the audit log hash chain', () => {
  it('chains every row to the one before it, from the genesis hash, and a clean log has no findings', async () => {
    const file = aFileWithSixAuditRows();
    tamper(file, (raw) => {
      const rows = rowsOf(raw);
      expect(rows.map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
      rows.forEach((r, i) => {
        if (i > 0) expect(r.prev_hash).toBe(rows[i - 1]!.hash);
        expect(r.hash).toBe(auditRowHash({ id: r.id, at: r.at, actor: r.actor, entity: r.entity, entityId: r.entity_id, action: r.action, summary: r.summary, prevHash: r.prev_hash }));
      });
    });
    expect(await findingsOf(file)).toEqual({ onOpen: [], ok: true });
  });

  it('refuses an update, a delete, an INSERT OR REPLACE and a row added out of order, even from the sqlcipher tool', () => {
    const file = aFileWithSixAuditRows();
    tamper(file, (raw) => {
      expect(() => raw.exec("UPDATE audit_log SET summary = 'nothing happened' WHERE id = 3")).toThrow(/append-only: a row cannot be changed/);
      expect(() => raw.exec('DELETE FROM audit_log WHERE id = 6')).toThrow(/append-only: a row cannot be deleted/);
      const last = rowsOf(raw).at(-1)!;
      const insert = raw.prepare("INSERT OR REPLACE INTO audit_log (id, at, actor, entity, action, prev_hash, hash) VALUES (?, 'x', 'Mallory', 'team', 'create', ?, ?)");
      expect(() => insert.run(3, last.hash, 'f'.repeat(64))).toThrow(/can only be added after the last one/);
      expect(() => insert.run(7, GENESIS_HASH, 'f'.repeat(64))).toThrow(/can only be added after the last one/);
      expect(rowsOf(raw)).toHaveLength(6);
    });
  });

  it('finds a row edited behind LinkDesk’s back, by its id, and later writes chain on', async () => {
    const file = aFileWithSixAuditRows();
    tamper(file, (raw) => withTriggersDropped(raw, () => raw.exec("UPDATE audit_log SET actor = 'Someone Else' WHERE id = 3")));
    const db = reopened(file);
    updateSettings(db.writeContext, { idleLockMinutes: 30 });
    db.close();
    const { onOpen, ok } = await findingsOf(file);
    expect(ok).toBe(false);
    expect(onOpen).toEqual([
      { kind: 'changed', table: 'audit_log', rowId: 3, message: 'Audit log row 3 was changed after it was written: its contents no longer match its hash.' },
    ]);
  });

  it('finds a row edited with its hash recomputed, at the row after it', async () => {
    const file = aFileWithSixAuditRows();
    tamper(file, (raw) =>
      withTriggersDropped(raw, () => {
        const r = rowsOf(raw)[2]!;
        const hash = auditRowHash({ id: r.id, at: r.at, actor: 'Someone Else', entity: r.entity, entityId: r.entity_id, action: r.action, summary: r.summary, prevHash: r.prev_hash });
        raw.prepare("UPDATE audit_log SET actor = 'Someone Else', hash = ? WHERE id = 3").run(hash);
      }),
    );
    const [finding, ...rest] = (await findingsOf(file)).onOpen;
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ kind: 'broken_link', rowId: 4 });
    expect(finding?.message).toBe('Audit log row 4 is not chained to the row before it: row 3 was rewritten with a new hash, or row 4 was added with a forged hash.');
  });

  it('finds a deleted row in the middle, naming the gap', async () => {
    const file = aFileWithSixAuditRows();
    tamper(file, (raw) => withTriggersDropped(raw, () => raw.exec('DELETE FROM audit_log WHERE id IN (3, 4)')));
    expect((await findingsOf(file)).onOpen).toEqual([
      { kind: 'deleted', table: 'audit_log', rowId: 5, message: 'Audit log rows 3–4 are missing before row 5: deleted.' },
    ]);
  });

  it('finds rows deleted from the end, and still after the next write', async () => {
    const file = aFileWithSixAuditRows();
    tamper(file, (raw) => withTriggersDropped(raw, () => raw.exec('DELETE FROM audit_log WHERE id = 6')));
    expect((await findingsOf(file)).onOpen).toEqual([
      { kind: 'deleted', table: 'audit_log', rowId: null, message: 'Audit log row 6 is missing from the end: the log once went up to row 6, so they were deleted.' },
    ]);
    const db = reopened(file);
    updateSettings(db.writeContext, { idleLockMinutes: 30 });
    db.close();
    expect((await findingsOf(file)).onOpen).toEqual([
      { kind: 'deleted', table: 'audit_log', rowId: 7, message: 'Audit log row 6 is missing before row 7: deleted.' },
    ]);
  });

  it('finds two rows swapped, as out of order', async () => {
    const file = aFileWithSixAuditRows();
    tamper(file, (raw) =>
      withTriggersDropped(raw, () => {
        const [, , third, , fifth] = rowsOf(raw);
        const put = raw.prepare('UPDATE audit_log SET at = ?, actor = ?, entity = ?, entity_id = ?, action = ?, summary = ?, prev_hash = ?, hash = ? WHERE id = ?');
        // Row 5 steps aside first: hash is UNIQUE (an x is never a hex digit, so the stand-in never collides).
        raw.prepare("UPDATE audit_log SET hash = 'x' || substr(hash, 2) WHERE id = 5").run();
        for (const [from, toId] of [[fifth!, 3], [third!, 5]] as const) put.run(from.at, from.actor, from.entity, from.entity_id, from.action, from.summary, from.prev_hash, from.hash, toId);
      }),
    );
    const { onOpen } = await findingsOf(file);
    expect(onOpen.map((f) => [f.kind, f.rowId])).toEqual([['out_of_order', 3], ['out_of_order', 4], ['out_of_order', 5], ['out_of_order', 6]]);
    expect(onOpen[0]?.message).toBe('Audit log row 3 is out of order: it was written after row 4 but now follows row 2. Rows were moved, or this row was added later with a forged hash.');
  });

  it('finds two rows whose contents were swapped but not their hashes, as changed', async () => {
    const file = aFileWithSixAuditRows();
    tamper(file, (raw) =>
      withTriggersDropped(raw, () => {
        const [, second, third] = rowsOf(raw);
        const put = raw.prepare('UPDATE audit_log SET at = ?, actor = ?, entity = ?, entity_id = ?, action = ?, summary = ? WHERE id = ?');
        put.run(third!.at, third!.actor, third!.entity, third!.entity_id, third!.action, third!.summary, 2);
        put.run(second!.at, second!.actor, second!.entity, second!.entity_id, second!.action, second!.summary, 3);
      }),
    );
    expect((await findingsOf(file)).onOpen.map((f) => [f.kind, f.rowId])).toEqual([['changed', 2], ['changed', 3]]);
  });

  it('finds a row inserted later with a forged hash, chained to an old row', async () => {
    const file = aFileWithSixAuditRows();
    tamper(file, (raw) =>
      withTriggersDropped(raw, () => {
        const first = rowsOf(raw)[0]!;
        const forged = { id: 7, at: '2026-01-01T00:00:00.000Z', actor: 'Tess Manager', entity: 'settings', entityId: null, action: 'update', summary: 'Changed: idleLockMinutes', prevHash: first.hash };
        raw.prepare('INSERT INTO audit_log (id, at, actor, entity, entity_id, action, summary, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
          .run(forged.id, forged.at, forged.actor, forged.entity, forged.entityId, forged.action, forged.summary, forged.prevHash, auditRowHash(forged));
      }),
    );
    expect((await findingsOf(file)).onOpen).toEqual([
      {
        kind: 'out_of_order', table: 'audit_log', rowId: 7,
        message: 'Audit log row 7 is out of order: it was written after row 1 but now follows row 6. Rows were moved, or this row was added later with a forged hash.',
      },
    ]);
  });

  it('finds a row with a made-up hash that fits neither its contents nor its place', async () => {
    const file = aFileWithSixAuditRows();
    tamper(file, (raw) =>
      withTriggersDropped(raw, () => {
        raw.prepare("INSERT INTO audit_log (id, at, actor, entity, action, prev_hash, hash) VALUES (7, 'x', 'Mallory', 'team', 'create', ?, ?)").run('a'.repeat(64), 'b'.repeat(64));
      }),
    );
    expect((await findingsOf(file)).onOpen.map((f) => [f.kind, f.rowId])).toEqual([['forged', 7]]);
  });

  it('lists the first 20 damaged rows and counts the rest', async () => {
    const db = aTeamDatabase();
    write(db.writeContext, (audit) => {
      for (let i = 0; i < 30; i++) audit('school', String(100000 + i), 'update', 'Changed: name');
    });
    db.close();
    tamper(db.path, (raw) => withTriggersDropped(raw, () => raw.exec("UPDATE audit_log SET summary = 'Changed: nothing' WHERE entity = 'school'")));
    const { onOpen } = await findingsOf(db.path);
    expect(onOpen).toHaveLength(21);
    expect(onOpen.slice(0, 20).map((f) => [f.kind, f.rowId])).toEqual(Array.from({ length: 20 }, (_, i) => ['changed', i + 2]));
    expect(onOpen[20]).toEqual({ kind: 'more', table: 'audit_log', rowId: null, message: '…and 10 more problems like these.' });
  });
});

describe('the append-only triggers', () => {
  it('a dropped trigger on the audit log or the escalation log is named', async () => {
    const file = aFileWithSixAuditRows();
    tamper(file, (raw) => raw.exec('DROP TRIGGER audit_log_no_delete; DROP TRIGGER escalation_entry_no_update;'));
    const { onOpen, ok } = await findingsOf(file);
    expect(ok).toBe(false);
    expect(onOpen).toEqual([
      {
        kind: 'missing_trigger', table: 'audit_log', rowId: null,
        message: 'The trigger audit_log_no_delete, which keeps the audit log append-only, is missing: the audit log could have been changed without LinkDesk.',
      },
      {
        kind: 'missing_trigger', table: 'escalation_entry', rowId: null,
        message: 'The trigger escalation_entry_no_update, which keeps the escalation log append-only, is missing: the escalation log could have been changed without LinkDesk.',
      },
    ]);
  });

  it('a trigger replaced by one that lets changes through, or an extra trigger, is named', async () => {
    const file = aFileWithSixAuditRows();
    tamper(file, (raw) => {
      raw.exec('DROP TRIGGER escalation_entry_no_delete');
      raw.exec("CREATE TRIGGER escalation_entry_no_delete BEFORE DELETE ON escalation_entry WHEN 0 BEGIN SELECT RAISE(ABORT, 'The escalation log is append-only: an entry cannot be deleted'); END");
      raw.exec('CREATE TRIGGER audit_log_copy AFTER INSERT ON audit_log BEGIN SELECT 1; END');
    });
    expect((await findingsOf(file)).onOpen.map((f) => [f.kind, f.table, f.message])).toEqual([
      ['altered_trigger', 'escalation_entry', 'The trigger escalation_entry_no_delete, which keeps the escalation log append-only, has been altered: the escalation log could have been changed without LinkDesk.'],
      ['unexpected_trigger', 'audit_log', 'The audit log has a trigger LinkDesk did not create (audit_log_copy).'],
    ]);
  });

  it('a new database holds exactly the triggers the migrations create', () => {
    const db = aTeamDatabase();
    const stored = db.db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('audit_log', 'escalation_entry') ORDER BY name").pluck().all();
    expect(stored).toEqual([...Object.keys(AUDIT_TRIGGERS), ...Object.keys(ESCALATION_TRIGGERS), ...Object.keys(ESCALATION_OPEN_TRIGGER)].sort());
    expect(verifyTriggers(db.db)).toEqual([]);
  });

  it('a dropped trigger that keeps the open escalations in step with the log is named too', async () => {
    const file = aFileWithSixAuditRows();
    tamper(file, (raw) => raw.exec('DROP TRIGGER escalation_entry_open'));
    const { onOpen, ok } = await findingsOf(file);
    expect(ok).toBe(false);
    expect(onOpen).toEqual([
      {
        kind: 'missing_trigger', table: 'escalation_entry', rowId: null,
        message: 'The trigger escalation_entry_open, which keeps the list of open escalations in step with the escalation log, is missing: the dashboard could show escalations wrongly as open or closed.',
      },
    ]);
  });
});

describe('opening a database whose history was tampered with', () => {
  it('opens it all the same, with the warnings in the session info, and the check reports them', async () => {
    const file = aFileWithSixAuditRows();
    tamper(file, (raw) => withTriggersDropped(raw, () => raw.exec('DELETE FROM audit_log WHERE id = 2')));
    const session = aSession();
    const info = await handlers['db.unlock'](session, { path: file, passphrase: PASSPHRASE, userName: 'Ivy Inspector' });
    expect(info.teamName).toBe('Coastal Dedicated Schools Team');
    expect(info.integrityWarnings).toEqual([{ kind: 'deleted', table: 'audit_log', rowId: 3, message: 'Audit log row 2 is missing before row 3: deleted.' }]);
    expect(session.info()?.integrityWarnings).toEqual(info.integrityWarnings);
    const report = await handlers['db.check'](session, {});
    expect(report).toMatchObject({ ok: false, integrity: ['ok'], cipherIntegrity: [], history: info.integrityWarnings });
  });
});
