import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AllocationProposal } from '../../../shared/domain/allocations.ts';
import type { FirstRunChecklist, FirstRunStepId } from '../../../shared/domain/first-run.ts';
import { ConnectionFields } from '../../../shared/domain/people.ts';
import { allocate } from '../allocations/service.ts';
import { saveYear } from '../calendar/service.ts';
import { DEMO_YEAR } from '../demo/visits.ts';
import { createDispatcher } from '../dispatcher.ts';
import { loadTemplate } from '../documents/word-records.ts';
import { declareConnection } from '../people/service.ts';
import { closeSchool } from '../schools/service.ts';
import { updateSettings } from '../team/service.ts';
import { aSession, aTeamDatabase, PASSPHRASE, tempDir } from '../testing/builders.ts';
import { aPerson, aSchool } from '../testing/people-builders.ts';
import { firstRunChecklist } from './service.ts';

const TODAY = '2026-11-23';
const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

const stateOf = (list: FirstRunChecklist) => Object.fromEntries(list.steps.map((s) => [s.id, s.done])) as Record<FirstRunStepId, boolean>;
const detailOf = (list: FirstRunChecklist, id: FirstRunStepId) => list.steps.find((s) => s.id === id)?.detail;

describe('the first-run checklist', () => {
  it('starts with every step to do, each linking to the screen that does it', () => {
    const db = aTeamDatabase();
    const list = firstRunChecklist(db.db, TODAY);
    expect(list.complete).toBe(false);
    expect(stateOf(list)).toEqual({ schools: false, people: false, schoolYear: false, teamFolder: false, templates: false, allocations: false });
    expect(list.steps.map((s) => [s.id, s.link])).toEqual([
      ['schools', '/schools/import'],
      ['people', '/people/import'],
      ['schoolYear', '/settings?section=calendar'],
      ['teamFolder', '/settings?section=team'],
      ['templates', '/settings?section=templates'],
      ['allocations', '/allocations'],
    ]);
    expect(list.steps.filter((s) => s.optional).map((s) => s.id)).toEqual(['templates']);
  });

  it('ticks each step from what the database holds, and is complete when every step that is not optional is done', () => {
    const db = aTeamDatabase({ now: () => new Date(`${TODAY}T10:00:00Z`) });
    const rhyl = aSchool(db, { urn: '100700', name: 'Rhyl Primary School' });
    const brindle = aSchool(db, { urn: '100701', name: 'Brindle Primary School' });
    const amy = aPerson(db, { name: 'Amy Worker', hub: '' });
    const ben = aPerson(db, { name: 'Ben Second', hub: '' });
    let list = firstRunChecklist(db.db, TODAY);
    expect(stateOf(list)).toMatchObject({ schools: true, people: true, allocations: false });
    expect(detailOf(list, 'schools')).toBe('2 open schools.');
    expect(detailOf(list, 'people')).toBe('2 people, no declared connections yet.');
    expect(detailOf(list, 'allocations')).toBe('0 of 2 open schools have a named link worker.');

    declareConnection(db.writeContext, ConnectionFields.parse({ personId: amy.id, urn: brindle.urn, kind: 'governor_or_trustee', from: '2024-09-01', to: '' }));
    saveYear(db.writeContext, DEMO_YEAR);
    updateSettings(db.writeContext, { teamFolder: tempDir() });
    allocate(db.writeContext, AllocationProposal.parse({ urn: rhyl.urn, namedId: amy.id, secondaryId: ben.id, from: '2026-09-01' }));
    list = firstRunChecklist(db.db, TODAY);
    expect(detailOf(list, 'people')).toBe('2 people, 1 declared connection.');
    expect(detailOf(list, 'schoolYear')).toBe('School year 2026-27 entered.');
    expect(detailOf(list, 'allocations')).toBe('1 of 2 open schools has a named link worker.');
    expect(list.complete).toBe(false);

    // A closed school needs no link worker.
    closeSchool(db.writeContext, brindle.urn, '2026-10-31');
    list = firstRunChecklist(db.db, TODAY);
    expect(stateOf(list)).toEqual({ schools: true, people: true, schoolYear: true, teamFolder: true, templates: false, allocations: true });
    expect(list.complete).toBe(true);

    loadTemplate(db.writeContext, 'visit_record', path.join(ROOT, 'templates', 'visit-record.docx'));
    list = firstRunChecklist(db.db, TODAY);
    expect(stateOf(list).templates).toBe(true);
    expect(detailOf(list, 'templates')).toBe('Your own template for the SPOC visit record.');
  });

  it('does not count a school year that has ended, nor people who have left', () => {
    const db = aTeamDatabase();
    saveYear(db.writeContext, DEMO_YEAR);
    aPerson(db, { activeFrom: '2020-09-01', activeTo: '2026-07-31' });
    const afterTheYear = firstRunChecklist(db.db, '2027-08-01');
    expect(stateOf(afterTheYear)).toMatchObject({ schoolYear: false, people: false });
    expect(stateOf(firstRunChecklist(db.db, '2026-07-31'))).toMatchObject({ schoolYear: true, people: true });
  });

  it('is one method of the API, answered for the open database', async () => {
    const session = aSession(() => new Date(`${TODAY}T10:00:00Z`));
    const dispatch = createDispatcher(session);
    expect(await dispatch('dashboard.firstRun', {})).toMatchObject({ ok: false, error: { code: 'no_open_database' } });
    const created = await dispatch('db.create', { path: path.join(tempDir(), 'new.linkdesk'), teamName: 'North Hub', localAuthority: 'Seashire', passphrase: PASSPHRASE, userName: 'Tess Manager' });
    expect(created.ok).toBe(true);
    const answer = await dispatch('dashboard.firstRun', {});
    expect(answer.ok && (answer.value as FirstRunChecklist).steps.map((s) => s.done)).toEqual([false, false, false, false, false, false]);
  });
});
