/**
 * "Too close to send the pro forma" is a warning about what is still to do: it must clear once
 * the pro forma has gone in time, and never show on a visit already held or written up.
 */
import { describe, expect, it } from 'vitest';
import { MoveVisitStatus, PlanVisitInput } from '../../../shared/domain/visits.ts';
import { saveYear } from '../calendar/service.ts';
import { DEMO_YEAR } from '../demo/visits.ts';
import { createDispatcher } from '../dispatcher.ts';
import { aSession, aTeamDatabase } from '../testing/builders.ts';
import { aSchool } from '../testing/people-builders.ts';
import { checkDate, moveVisitStatus, planVisit } from './service.ts';

const TOO_CLOSE = /^Too close to send the pro forma/;

function setUp() {
  const db = aTeamDatabase({ now: () => new Date('2026-11-02T10:00:00Z') });
  saveYear(db.writeContext, DEMO_YEAR);
  aSchool(db, { urn: '100700', name: 'Ashby Primary School' });
  // Visit on Thursday 19 Nov: the pro forma goes by 5 Nov and is due back by 12 Nov.
  const { visit } = planVisit(db.writeContext, PlanVisitInput.parse({ urn: '100700', yearLabel: '2026-27', term: 'autumn', date: '2026-11-19' }));
  const check = (today: string) => checkDate(db.db, '100700', '2026-11-19', today, 'autumn', '2026-27').warnings;
  const move = (to: 'pro_forma_sent' | 'pro_forma_returned' | 'held' | 'record_written', on: string) => moveVisitStatus(db.writeContext, MoveVisitStatus.parse({ id: visit.id, to, on }));
  return { db, visit, check, move };
}

describe('the pro forma timing warning', () => {
  it('warns before the pro forma is sent, and clears once it was sent in time', () => {
    const { check, move } = setUp();
    expect(check('2026-11-04')).toEqual([]);
    expect(check('2026-11-06')).toEqual([expect.stringMatching(TOO_CLOSE)]);
    move('pro_forma_sent', '2026-11-05');
    expect(check('2026-11-06')).toEqual([]);
    expect(check('2026-11-18')).toEqual([]);
    // Without the year the check is of a date alone, as when planning a new visit.
    expect(checkDate(setUp().db.db, '100700', '2026-11-19', '2026-11-06', 'autumn').warnings).toEqual([expect.stringMatching(TOO_CLOSE)]);
  });

  it('says a late pro forma went late until it is back, then nothing', () => {
    const { check, move } = setUp();
    move('pro_forma_sent', '2026-11-09');
    expect(check('2026-11-10')).toEqual(['The pro forma went on 9 Nov 2026, after 5 Nov 2026: check the school can return it by 12 Nov 2026.']);
    move('pro_forma_returned', '2026-11-12');
    expect(check('2026-11-13')).toEqual([]);
  });

  it('never warns about a visit already held or written up, through the API as the visit page asks', async () => {
    const { db, move } = setUp();
    move('pro_forma_sent', '2026-11-10');
    move('held', '2026-11-19');
    const session = aSession(() => new Date('2026-11-24T10:00:00Z'));
    session.adopt(db);
    const dispatch = createDispatcher(session);
    const ask = () => dispatch('visits.checkDate', { urn: '100700', date: '2026-11-19', term: 'autumn', yearLabel: '2026-27' });
    expect(await ask()).toMatchObject({ ok: true, value: { warnings: [] } });
    move('record_written', '2026-11-20');
    expect(await ask()).toMatchObject({ ok: true, value: { warnings: [] } });
    expect(await dispatch('visits.checkDate', { urn: '100700', date: '2026-11-19', yearLabel: '26-27' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
