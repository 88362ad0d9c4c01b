import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SchoolQuery, SCHOOL_CATEGORIES } from '../../../shared/domain/schools.ts';
import { createDispatcher } from '../dispatcher.ts';
import { aSession, aTeamDatabase, PASSPHRASE, tempDir } from '../testing/builders.ts';
import { aSchool } from '../testing/people-builders.ts';
import { getTeam, updateSettings } from '../team/service.ts';
import { planner } from '../visits/service.ts';
import { listSchools, requireSchool, setSchoolScope } from './service.ts';

function setUp() {
  const db = aTeamDatabase();
  aSchool(db, { urn: '100600', name: 'Ashby Primary School' });
  aSchool(db, { urn: '100601', name: 'Brindle College', establishmentType: 'Further education', phase: '16 plus' });
  aSchool(db, { urn: '100602', name: 'Carrow Nursery School', establishmentType: 'Local authority nursery school', phase: 'Nursery' });
  return db;
}

const scopes = (db: ReturnType<typeof setUp>) => Object.fromEntries(listSchools(db.db, SchoolQuery.parse({})).rows.map((r) => [r.urn, r.inScope]));
const lastAudit = (db: ReturnType<typeof setUp>) => db.db.prepare('SELECT entity, entity_id AS entityId, action, summary FROM audit_log ORDER BY id DESC LIMIT 1').get();

describe('the schools in the team’s scope', () => {
  it('holds every category until the team narrows them, and a school’s own choice wins over its category', () => {
    const db = setUp();
    expect(getTeam(db.db).settings.categoriesInScope).toEqual([...SCHOOL_CATEGORIES]);
    expect(scopes(db)).toEqual({ 100600: true, 100601: true, 100602: true });

    updateSettings(db.writeContext, { categoriesInScope: ['secondary', 'primary', 'nursery'] });
    // Kept in the list's own order, so the same choice always reads the same.
    expect(getTeam(db.db).settings.categoriesInScope).toEqual(['primary', 'secondary', 'nursery']);
    expect(lastAudit(db)).toMatchObject({ entity: 'settings', summary: 'Changed: categoriesInScope' });
    expect(scopes(db)).toEqual({ 100600: true, 100601: false, 100602: true });

    setSchoolScope(db.writeContext, '100601', true);
    setSchoolScope(db.writeContext, '100602', false);
    expect(scopes(db)).toEqual({ 100600: true, 100601: true, 100602: false });
    expect(requireSchool(db.db, '100602')).toMatchObject({ inScope: false, inScopeChoice: false });
    expect(lastAudit(db)).toEqual({ entity: 'school', entityId: '100602', action: 'scope', summary: 'Out of scope' });
    expect(planner(db.db, '2026-27', '2026-09-10').map((r) => r.urn)).toEqual(['100600', '100601']);

    setSchoolScope(db.writeContext, '100602', null);
    expect(requireSchool(db.db, '100602')).toMatchObject({ inScope: true, inScopeChoice: null });
    expect(lastAudit(db)).toMatchObject({ action: 'scope', summary: 'Scope follows the category' });
  });

  it('writes nothing when the choice is the one already made, and refuses an unknown school', () => {
    const db = setUp();
    const before = db.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    setSchoolScope(db.writeContext, '100600', null);
    updateSettings(db.writeContext, { categoriesInScope: [...SCHOOL_CATEGORIES].reverse() });
    expect(db.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before);
    expect(() => setSchoolScope(db.writeContext, '999999', false)).toThrow(/no school with URN 999999/);
  });

  it('refuses a team setting with no category, an unknown one or one named twice, and an agree-by week out of range', () => {
    const db = setUp();
    expect(() => updateSettings(db.writeContext, { categoriesInScope: [] })).toThrow(/at least one kind of school/);
    expect(() => updateSettings(db.writeContext, { categoriesInScope: ['primary', 'primary'] })).toThrow(/each kind of school once/);
    expect(() => updateSettings(db.writeContext, { visitAgreeByWeek: 0 })).toThrow(/week 1 or later/);
    expect(getTeam(db.db).settings).toMatchObject({ categoriesInScope: [...SCHOOL_CATEGORIES], visitAgreeByWeek: 2 });
  });

  it('is validated at the API: a school’s choice is true, false or null, and a category must be one LinkDesk knows', async () => {
    const session = aSession();
    const dispatch = createDispatcher(session);
    expect(await dispatch('db.create', { path: path.join(tempDir(), 'scope.linkdesk'), passphrase: PASSPHRASE, teamName: 'Scope Team', localAuthority: 'Seashire', userName: 'Tess Manager' })).toMatchObject({ ok: true });
    await dispatch('schools.create', { urn: '100600', name: 'Ashby Primary School', establishmentType: 'Community school', phase: 'Primary', laCode: '202', laName: 'Camden' });
    expect(await dispatch('schools.setInScope', { urn: '100600', inScope: 'no' })).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { issues: [{ path: 'inScope' }] } } });
    expect(await dispatch('schools.setInScope', { urn: '100600' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch('team.updateSettings', { categoriesInScope: ['primary', 'college'] })).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { issues: [{ path: 'categoriesInScope.1' }] } } });
    expect(await dispatch('schools.setInScope', { urn: '100600', inScope: false })).toMatchObject({ ok: true, value: { urn: '100600', inScope: false, inScopeChoice: false } });
    expect(await dispatch('schools.list', {})).toMatchObject({ ok: true, value: { rows: [{ urn: '100600', inScope: false }] } });
    await dispatch('db.lock', {});
  });
});
