import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BulkTeamFieldsInput } from '../../../shared/domain/school-bulk.ts';
import { createDispatcher } from '../dispatcher.ts';
import { aSession, aTeamDatabase, PASSPHRASE, refusalOf, tempDir } from '../testing/builders.ts';
import { aSchool } from '../testing/people-builders.ts';
import { setTeamFieldsOfMany } from './bulk.ts';
import { selectSchool } from './repo.ts';
import { updateSchoolTeamFields } from './service.ts';

type Db = ReturnType<typeof aTeamDatabase>;
const setMany = (db: Db, input: Parameters<typeof BulkTeamFieldsInput.parse>[0]) => setTeamFieldsOfMany(db.writeContext, BulkTeamFieldsInput.parse(input));
const auditRows = (db: Db, action: string) => db.db.prepare('SELECT entity_id AS urn, summary FROM audit_log WHERE action = ? ORDER BY id').all(action) as { urn: string; summary: string }[];
const tenSchools = (db: Db) => Array.from({ length: 10 }, (_, i) => aSchool(db, { name: `Bulk Primary ${i}` }).urn);

describe('setting the hub of many schools at once', () => {
  it('sets the hub of ten schools in one change, with an audit row each, and leaves their other fields alone', () => {
    const db = aTeamDatabase();
    const urns = tenSchools(db);
    updateSchoolTeamFields(db.writeContext, urns[0]!, { hub: null, dslName: 'Pat Lead', dslEmail: 'dsl@one.example.sch.uk', mainContact: 'Office', notes: 'Keep me' });
    expect(setMany(db, { urns, set: { hub: 'North' } })).toEqual({ dryRun: false, changed: 10, unchanged: 0 });
    expect(urns.map((u) => selectSchool(db.db, u)?.hub)).toEqual(Array(10).fill('North'));
    expect(selectSchool(db.db, urns[0]!)).toMatchObject({ dslName: 'Pat Lead', dslEmail: 'dsl@one.example.sch.uk', mainContact: 'Office', notes: 'Keep me' });
    expect(auditRows(db, 'bulk-update')).toEqual(urns.map((urn) => ({ urn, summary: 'Changed: hub' })));
  });

  it('counts the schools that already have the values as unchanged, and writes nothing for them', () => {
    const db = aTeamDatabase();
    const urns = tenSchools(db);
    setMany(db, { urns: urns.slice(0, 4), set: { hub: 'Coastal' } });
    expect(setMany(db, { urns, set: { hub: 'Coastal' } })).toEqual({ dryRun: false, changed: 6, unchanged: 4 });
    expect(auditRows(db, 'bulk-update')).toHaveLength(10);
    expect(setMany(db, { urns, set: { hub: 'Coastal' } })).toEqual({ dryRun: false, changed: 0, unchanged: 10 });
    expect(auditRows(db, 'bulk-update')).toHaveLength(10);
  });

  it('says how many would change without changing them (the confirmation step)', () => {
    const db = aTeamDatabase();
    const urns = tenSchools(db);
    const before = db.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    expect(setMany(db, { urns, set: { hub: 'North', dslName: 'DSL' }, dryRun: true })).toEqual({ dryRun: true, changed: 10, unchanged: 0 });
    expect(urns.map((u) => selectSchool(db.db, u)?.hub)).toEqual(Array(10).fill(null));
    expect(db.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before);
  });

  it('sets the DSL details, clears a field given empty, and keeps a field left out', () => {
    const db = aTeamDatabase();
    const [a, b] = [aSchool(db).urn, aSchool(db).urn];
    setMany(db, { urns: [a, b], set: { hub: 'North', dslName: 'Sam Safe', dslEmail: 'dsl@example.sch.uk' } });
    setMany(db, { urns: [a, b], set: { dslEmail: '' } });
    expect(selectSchool(db.db, a)).toMatchObject({ hub: 'North', dslName: 'Sam Safe', dslEmail: null });
    expect(auditRows(db, 'bulk-update').map((r) => r.summary)).toEqual(['Changed: hub, dslName, dslEmail', 'Changed: hub, dslName, dslEmail', 'Changed: dslEmail', 'Changed: dslEmail']);
  });

  it('refuses the whole change when a URN is not in the register, naming it, and changes nothing', () => {
    const db = aTeamDatabase();
    const urns = tenSchools(db);
    const refusal = refusalOf(() => setMany(db, { urns: [...urns, '999999'], set: { hub: 'North' } }));
    expect(refusal.code).toBe('invalid_input');
    expect(refusal.message).toBe('1 URN chosen is not in this team database (999999). Nothing was changed.');
    expect(refusal.details?.issues).toEqual([{ path: 'urns.10', message: 'No school has URN 999999 in this team database' }]);
    expect(urns.map((u) => selectSchool(db.db, u)?.hub)).toEqual(Array(10).fill(null));
  });

  it('is one transaction: a failure at the last school leaves every school and the audit log as they were', () => {
    const db = aTeamDatabase();
    const urns = tenSchools(db);
    const audits = db.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    // The tenth school's update fails inside the transaction, after nine have been written.
    db.db.exec(`CREATE TEMP TRIGGER fail_last BEFORE UPDATE OF hub ON main.school WHEN NEW.urn = '${urns[9]}' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    expect(() => setMany(db, { urns, set: { hub: 'North' } })).toThrow(/disk trouble/);
    db.db.exec('DROP TRIGGER temp.fail_last');
    expect(urns.map((u) => selectSchool(db.db, u)?.hub)).toEqual(Array(10).fill(null));
    expect(db.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(audits);
  });
});

describe('schools.setMany through the API', () => {
  it('validates its input with the shared schema and answers with the counts', async () => {
    // The folder first, so it is removed after the session closes (and backs up) the database.
    const folder = tempDir();
    const dispatch = createDispatcher(aSession());
    await dispatch('db.create', { path: path.join(folder, 'bulk.linkdesk'), teamName: 'Bulk Team', localAuthority: 'Bulkshire', passphrase: PASSPHRASE, userName: 'Tess' });
    const urns = ['100101', '100102'];
    for (const urn of urns) await dispatch('schools.create', { urn, name: `School ${urn}`, establishmentType: 'Community school', laCode: '202', laName: 'Camden' });

    expect(await dispatch('schools.setMany', { urns, set: {} })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', details: { issues: [{ path: 'set', message: 'Say what to change: the hub, the DSL name or the DSL email' }] } },
    });
    expect(await dispatch('schools.setMany', { urns: ['100101', '100101'], set: { hub: 'North' } })).toMatchObject({
      ok: false,
      error: { details: { issues: [{ path: 'urns', message: 'A school is chosen more than once' }] } },
    });
    expect(await dispatch('schools.setMany', { urns, set: { dslEmail: 'not an email' } })).toMatchObject({ ok: false, error: { details: { issues: [{ path: 'set.dslEmail' }] } } });
    expect(await dispatch('schools.setMany', { urns, set: { hub: 'North', colour: 'red' } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch('schools.setMany', { urns: [], set: { hub: 'North' } })).toMatchObject({ ok: false, error: { details: { issues: [{ path: 'urns', message: 'Choose at least one school' }] } } });

    expect(await dispatch('schools.setMany', { urns, set: { hub: '  North\u202E ' } })).toEqual({ ok: true, value: { dryRun: false, changed: 2, unchanged: 0 } });
    expect(await dispatch('schools.hubs', {})).toEqual({ ok: true, value: ['North'] });
  });
});
