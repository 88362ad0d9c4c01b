import { statement, type Connection } from '../db/cipher.ts';

export interface TeamRow {
  id: string;
  name: string;
  local_authority: string;
  created_at: string;
  created_by: string;
}

export function insertTeam(db: Connection, row: TeamRow): void {
  statement(db, 'INSERT INTO team (id, name, local_authority, created_at, created_by) VALUES (?, ?, ?, ?, ?)').run(
    row.id, row.name, row.local_authority, row.created_at, row.created_by,
  );
}

export function selectTeam(db: Connection): TeamRow | undefined {
  return statement(db, 'SELECT id, name, local_authority, created_at, created_by FROM team LIMIT 1').get() as TeamRow | undefined;
}

export function updateTeamNames(db: Connection, name: string, localAuthority: string): void {
  statement(db, 'UPDATE team SET name = ?, local_authority = ?').run(name, localAuthority);
}

export function selectSettings(db: Connection): Map<string, unknown> {
  const rows = statement(db, 'SELECT key, value FROM setting').all() as { key: string; value: string }[];
  return new Map(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
}

export function upsertSetting(db: Connection, key: string, value: unknown): void {
  statement(db, 'INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    key, JSON.stringify(value),
  );
}
