import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AcademicYear } from '../../../shared/domain/calendar.ts';
import { termOf, type TermDatesImport } from '../../../shared/domain/term-dates.ts';
import { createDispatcher } from '../dispatcher.ts';
import { aSession, PASSPHRASE, tempDir } from '../testing/builders.ts';
import { LAYOUTS_2026_27, YEAR_2026_27 } from './term-dates-builders.ts';

/** `linkdesk api calendar.importTermDates` and the Settings screen both come this way. */
describe('calendar.importTermDates through the API', () => {
  it('shows the years first, then saves them and the INSET days for every school served', async () => {
    const dispatch = createDispatcher(aSession(() => new Date('2026-07-01T10:00:00Z')));
    const ok = async <T,>(method: string, input: unknown): Promise<T> => {
      const result = await dispatch(method, input);
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.value as T;
    };
    await ok('db.create', { path: path.join(tempDir(), 'api.linkdesk'), teamName: 'API Team', localAuthority: 'Testshire', passphrase: PASSPHRASE, userName: 'Tess' });
    await ok('schools.create', { urn: '100600', name: 'Rhyl Primary School', establishmentType: 'Community school', phase: 'Primary', laCode: '202', laName: 'Camden' });
    const file = path.join(tempDir(), 'term-dates.ics');
    fs.writeFileSync(file, LAYOUTS_2026_27['INSET days inside'] ?? '');

    const shown = await ok<TermDatesImport>('calendar.importTermDates', { path: file });
    expect(shown).toMatchObject({ applied: false, servedSchools: 1, insetDaysAdded: 0 });
    expect(shown.years[0]?.options[0]?.terms.map(termOf)).toEqual(YEAR_2026_27);
    expect(await ok<AcademicYear[]>('calendar.years', {})).toEqual([]);

    expect(await dispatch('calendar.importTermDates', { path: file, choices: { '26-27': 'x' } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch('calendar.importTermDates', { path: file, addInsetDays: 'yes' })).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { issues: [{ path: 'addInsetDays' }] } } });

    fs.appendFileSync(file, '\r\n');
    expect(await dispatch('calendar.importTermDates', { path: file, dryRun: false, expected: { bytes: shown.file.bytes, modifiedAt: shown.file.modifiedAt } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'term-dates.ics has changed since it was checked. Check it again before saving; nothing was saved.' },
    });
    expect(await ok<AcademicYear[]>('calendar.years', {})).toEqual([]);

    const checked = await ok<TermDatesImport>('calendar.importTermDates', { path: file });
    const saved = await ok<TermDatesImport>('calendar.importTermDates', { path: file, dryRun: false, addInsetDays: true, expected: { bytes: checked.file.bytes, modifiedAt: checked.file.modifiedAt } });
    expect(saved).toMatchObject({ applied: true, insetDaysAdded: 4 });
    expect((await ok<AcademicYear[]>('calendar.years', {})).map((y) => y.terms)).toEqual([YEAR_2026_27]);
    expect(await ok<string[]>('calendar.insetDays', { urn: '100600' })).toEqual(['2026-09-01', '2026-11-02', '2027-01-04', '2027-07-23']);
  });
});
