import { describe, expect, it } from 'vitest';
import { SchoolQuery } from '../../../shared/domain/schools.ts';
import { aTeamDatabase } from '../testing/builders.ts';
import { aSchool } from '../testing/people-builders.ts';
import { acknowledgeClosure, closeSchool, listSchools, setEnhancedSupport, updateSchoolTeamFields } from './service.ts';

const search = (db: ReturnType<typeof aTeamDatabase>, query: Parameters<typeof SchoolQuery.parse>[0]) => listSchools(db.db, SchoolQuery.parse(query));

describe('the school register', () => {
  it('finds schools by part of the name, URN, town or postcode, whatever the case', () => {
    const db = aTeamDatabase();
    aSchool(db, { urn: '100001', name: 'St Aloysius Catholic Primary', town: 'London', postcode: 'nw1 1tw' });
    aSchool(db, { urn: '100002', name: 'Brookfield Primary School', town: 'Highgate', postcode: 'N19 5DH' });
    expect(search(db, { search: 'aloy' }).rows.map((r) => r.urn)).toEqual(['100001']);
    expect(search(db, { search: '100002' }).rows.map((r) => r.urn)).toEqual(['100002']);
    expect(search(db, { search: 'HIGHGATE' }).rows.map((r) => r.urn)).toEqual(['100002']);
    expect(search(db, { search: 'nw11tw' }).rows.map((r) => r.urn)).toEqual(['100001']);
    expect(search(db, { search: 'primary brook' }).rows.map((r) => r.urn)).toEqual(['100002']);
    // Punctuation separates words and is never a wildcard: "100%" is "100", "br_ok" is "br" and "ok".
    expect(search(db, { search: '100%' }).total).toBe(2);
    expect(search(db, { search: 'br_ok' }).total).toBe(0);
  });

  it('filters by category, status, hub and enhanced support, and sorts', () => {
    const db = aTeamDatabase();
    aSchool(db, { urn: '100010', name: 'Zeta Academy', establishmentType: 'Academy converter', phase: 'Secondary' });
    aSchool(db, { urn: '100011', name: 'Alpha PRU', establishmentType: 'Pupil referral unit', phase: 'Not applicable' });
    aSchool(db, { urn: '100012', name: 'Beta Primary' });
    updateSchoolTeamFields(db.writeContext, '100012', { hub: 'North', dslName: null, dslEmail: null, mainContact: null, notes: null });
    setEnhancedSupport(db.writeContext, '100010', { reasons: ['high_exclusions'], setOn: '2026-10-01' });
    expect(search(db, { categories: ['alternative_provision'] }).rows.map((r) => r.name)).toEqual(['Alpha PRU']);
    expect(search(db, { hub: 'North' }).rows.map((r) => r.urn)).toEqual(['100012']);
    expect(search(db, { enhancedOnly: true }).rows).toMatchObject([{ urn: '100010', enhanced: true }]);
    expect(search(db, { sort: 'name', descending: true }).rows.map((r) => r.name)).toEqual(['Zeta Academy', 'Beta Primary', 'Alpha PRU']);
    closeSchool(db.writeContext, '100012', '2026-08-31');
    expect(search(db, { statuses: ['open'] }).total).toBe(2);
  });

  it('closes a school without deleting it, and refuses to close it twice', () => {
    const db = aTeamDatabase();
    aSchool(db, { urn: '100020' });
    expect(closeSchool(db.writeContext, '100020', '2026-08-31')).toMatchObject({ status: 'closed', closedOn: '2026-08-31' });
    expect(() => closeSchool(db.writeContext, '100020', '2026-09-01')).toThrow(/already closed/);
    expect(search(db, {}).total).toBe(1);
  });

  it('records the team-held fields and who changed them', () => {
    const db = aTeamDatabase();
    aSchool(db, { urn: '100030' });
    updateSchoolTeamFields(db.writeContext, '100030', { hub: 'Coastal', dslName: 'Pat Lead', dslEmail: 'dsl@school.example.sch.uk', mainContact: 'Office', notes: null });
    const audit = db.db.prepare("SELECT summary FROM audit_log WHERE entity = 'school' AND action = 'update'").pluck().get();
    expect(audit).toBe('Changed: hub, dslName, dslEmail, mainContact');
    db.db.prepare("UPDATE school SET closed_in_gias_on = '2026-11-01' WHERE urn = '100030'").run();
    expect(acknowledgeClosure(db.writeContext, '100030').closedInGiasOn).toBeNull();
  });
});
