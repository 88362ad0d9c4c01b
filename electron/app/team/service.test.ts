import { describe, expect, it } from 'vitest';
import { write } from '../db/write.ts';
import { aTeamDatabase } from '../testing/builders.ts';
import { getTeam, updateSettings } from './service.ts';

describe('team settings', () => {
  it('saves changed settings with an audit row naming the fields, not the values', () => {
    const db = aTeamDatabase();
    updateSettings(db.writeContext, { idleLockMinutes: 25, teamName: 'Renamed Team' });
    expect(getTeam(db.db).settings).toMatchObject({ idleLockMinutes: 25, teamName: 'Renamed Team' });
    const last = db.db.prepare('SELECT entity, action, summary FROM audit_log ORDER BY id DESC LIMIT 1').get();
    expect(last).toEqual({ entity: 'settings', action: 'update', summary: 'Changed: teamName, idleLockMinutes' });
  });

  it('writes nothing when nothing changed', () => {
    const db = aTeamDatabase();
    updateSettings(db.writeContext, { idleLockMinutes: 10 });
    expect(db.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(1);
  });

  it('refuses an out-of-range idle lock', () => {
    const db = aTeamDatabase();
    expect(() => updateSettings(db.writeContext, { idleLockMinutes: 0 })).toThrow(/at least 1 minute/);
    expect(getTeam(db.db).settings.idleLockMinutes).toBe(10);
  });

  it('a write that fails keeps neither its change nor its audit row', () => {
    const db = aTeamDatabase();
    expect(() =>
      write(db.writeContext, (audit) => {
        db.db.prepare("UPDATE team SET name = 'Half-written'").run();
        audit('team', null, 'update');
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(getTeam(db.db).settings.teamName).toBe('Coastal Dedicated Schools Team');
    expect(db.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(1);
  });
});
