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

  it('starts with the practice rules most councils use: INSET days worked, county agreement for APCs, no school nurse flag for nurseries or colleges', () => {
    const db = aTeamDatabase();
    expect(getTeam(db.db).settings).toMatchObject({
      insetDaysAreWorkingDays: true,
      countyAgreementCategories: ['alternative_provision'],
      schoolNurseCategories: ['primary', 'secondary', 'all_through', 'special', 'alternative_provision', 'independent'],
    });
  });

  it('keeps the categories a team names, in the register’s order, and a list given again in another order is no change', () => {
    const db = aTeamDatabase();
    updateSettings(db.writeContext, { countyAgreementCategories: ['special', 'alternative_provision'], insetDaysAreWorkingDays: false });
    expect(getTeam(db.db).settings).toMatchObject({ countyAgreementCategories: ['special', 'alternative_provision'], insetDaysAreWorkingDays: false });
    const audits = () => db.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const before = audits();
    updateSettings(db.writeContext, { countyAgreementCategories: ['alternative_provision', 'special'] });
    expect(audits()).toBe(before);
    expect(() => updateSettings(db.writeContext, { schoolNurseCategories: ['primary', 'primary'] })).toThrow(/each category once/);
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
