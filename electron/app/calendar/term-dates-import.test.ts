import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aSchool } from '../testing/people-builders.ts';
import { aTeamDatabase, bytesOf, refusalOf, tempDir } from '../testing/builders.ts';
import { selectInsetDays } from './repo.ts';
import { importTermDates, listYears } from './service.ts';
import { allDay, calendar, EASTER_OR_SPRING_HOLIDAY, LAYOUTS_2026_27, namedTerms, nextYearNamed, YEAR_2026_27, YEAR_2027_28 } from './term-dates-builders.ts';

function write(text: string): string {
  const file = path.join(tempDir(), 'term-dates.ics');
  fs.writeFileSync(file, text);
  return file;
}

const preview = (db: ReturnType<typeof aTeamDatabase>, text: string) => importTermDates(db.writeContext, write(text), { dryRun: true, choices: {}, addInsetDays: false });
const apply = (db: ReturnType<typeof aTeamDatabase>, text: string, choices: Record<string, string> = {}, addInsetDays = false) =>
  importTermDates(db.writeContext, write(text), { dryRun: false, choices, addInsetDays });
const savedTerms = (db: ReturnType<typeof aTeamDatabase>) => listYears(db.db).map((y) => ({ label: y.label, terms: y.terms }));

describe('term dates from any council layout, all giving the same 2026-27 year', () => {
  for (const [layout, text] of Object.entries(LAYOUTS_2026_27)) {
    it(`reads ${layout}`, () => {
      const db = aTeamDatabase();
      const shown = preview(db, text);
      expect(shown.applied).toBe(false);
      expect(shown.years.map((y) => ({ label: y.label, needsChoice: y.needsChoice }))).toEqual([{ label: '2026-27', needsChoice: false }]);
      expect(listYears(db.db)).toEqual([]);
      expect(apply(db, text).applied).toBe(true);
      expect(savedTerms(db)).toEqual([{ label: '2026-27', terms: YEAR_2026_27 }]);
    });
  }

  it('names the event each date came from', () => {
    const db = aTeamDatabase();
    const sources = (layout: string) => preview(db, LAYOUTS_2026_27[layout] ?? '').years[0]?.options[0]?.terms.map((t) => t.sources);
    expect(sources('named terms with half-terms')?.[0]).toEqual({ startsOn: '"Autumn term 2026"', endsOn: '"Autumn term 2026"', halfTerm: '"October half term"' });
    expect(sources('halves as events with no half-term event')?.[2]).toEqual({ startsOn: '"Summer term 1"', endsOn: '"Summer term 2"', halfTerm: 'the gap between "Summer term 1" and "Summer term 2"' });
    expect(sources('holidays only')?.[1]).toEqual({ startsOn: 'after "Christmas holiday"', endsOn: 'before "Easter holidays"', halfTerm: '"February half term"' });
  });

  it('lists what it did not use, by name', () => {
    const db = aTeamDatabase();
    const shown = preview(db, calendar(...namedTerms(), allDay('Early May bank holiday', '2027-05-03'), allDay('Sports day', '2027-06-30')));
    expect(shown.ignored.map((e) => [e.name, e.reason])).toEqual([
      ['Early May bank holiday', 'A day or two off inside a term, not a half-term or a holiday between terms'],
      ['Sports day', 'Not a term, a holiday or an INSET day'],
    ]);
  });

  it('reads a calendar covering two school years, saving both in one go', () => {
    const db = aTeamDatabase();
    const shown = apply(db, calendar(...namedTerms(), ...nextYearNamed()));
    expect(shown.years.map((y) => y.label)).toEqual(['2026-27', '2027-28']);
    expect(savedTerms(db)).toEqual([
      { label: '2026-27', terms: YEAR_2026_27 },
      { label: '2027-28', terms: YEAR_2027_28 },
    ]);
  });

  it('shows a school year the file covers only in part, at its end, as not imported, and saves the whole one', () => {
    const db = aTeamDatabase();
    const text = calendar(...namedTerms(), allDay('Autumn term 2027', '2027-09-01', '2027-12-17'), allDay('October half term 2027', '2027-10-25', '2027-10-29'));
    const saved = apply(db, text);
    expect(saved.years.map((y) => y.label)).toEqual(['2026-27']);
    expect(saved.partYears).toEqual([{ label: '2027-28', reason: '2027-28: no Christmas holiday between two terms was found (the file shows school days from 1 Sep 2027 to 17 Dec 2027)' }]);
    expect(savedTerms(db)).toEqual([{ label: '2026-27', terms: YEAR_2026_27 }]);
  });

  it('offers the INSET days in the file for every school the team serves, adding them only when asked', () => {
    const db = aTeamDatabase();
    const schools = [aSchool(db), aSchool(db)];
    const text = LAYOUTS_2026_27['INSET days inside'] ?? '';
    const shown = preview(db, text);
    expect(shown.insetDays).toEqual([
      { day: '2026-09-01', source: 'INSET day' },
      { day: '2026-11-02', source: 'Staff training day (schools closed to pupils)' },
      { day: '2027-01-04', source: 'INSET day' },
      { day: '2027-07-23', source: 'INSET day' },
    ]);
    expect(shown.servedSchools).toBe(2);
    apply(db, text);
    expect(selectInsetDays(db.db, schools[0]?.urn ?? '')).toEqual([]);
    expect(apply(db, text, {}, true).insetDaysAdded).toBe(8);
    for (const school of schools) expect(selectInsetDays(db.db, school.urn)).toEqual(['2026-09-01', '2026-11-02', '2027-01-04', '2027-07-23']);
  });
});

describe('a year the file leaves open', () => {
  it('offers each division, suggests Easter between Terms 4 and 5, and saves only the one chosen', () => {
    const db = aTeamDatabase();
    const [year] = preview(db, EASTER_OR_SPRING_HOLIDAY).years;
    expect(year?.needsChoice).toBe(true);
    expect(year?.options).toHaveLength(4);
    const suggested = year?.options.find((o) => o.id === year.suggested);
    expect(suggested?.terms.map((t) => [t.name, t.endsOn, t.halfTermFrom])).toEqual([
      ['autumn', '2026-12-18', '2026-10-26'],
      ['spring', '2027-03-26', '2027-02-15'],
      ['summer', '2027-07-22', '2027-05-31'],
    ]);
    expect(suggested?.notes).toEqual(['The break of 12 Apr 2027 to 16 Apr 2027 ("Spring holiday") counts as term time: LinkDesk holds one half-term a term.']);
    const before = bytesOf(db.path);
    expect(refusalOf(() => apply(db, EASTER_OR_SPRING_HOLIDAY)).message).toBe('2026-27 can be divided into terms in more than one way: choose one before saving. Nothing was saved.');
    expect(refusalOf(() => apply(db, EASTER_OR_SPRING_HOLIDAY, { '2026-27': 'nonsense' })).message).toMatch(/^2026-27: "nonsense" is not one of the divisions this file offers/);
    expect(bytesOf(db.path).equals(before)).toBe(true);
    const other = year?.options.find((o) => o.terms[1]?.endsOn === '2027-04-09' && o.terms[2]?.halfTermFrom === '2027-05-31');
    apply(db, EASTER_OR_SPRING_HOLIDAY, { '2026-27': other?.id ?? '' });
    expect(listYears(db.db)[0]?.terms[1]).toEqual({ name: 'spring', startsOn: '2027-01-04', endsOn: '2027-04-09', halfTermFrom: '2027-02-15', halfTermTo: '2027-02-19' });
  });
});

describe('files refused with a clear message, saving nothing', () => {
  function refusedUnchanged(text: string): string {
    const db = aTeamDatabase();
    const before = bytesOf(db.path);
    const message = refusalOf(() => apply(db, text)).message;
    expect(bytesOf(db.path).equals(before)).toBe(true);
    return message;
  }

  it('no holidays and no terms', () => {
    expect(refusedUnchanged(calendar(allDay('Sports day', '2027-06-30'), allDay('Parents evening', '2026-11-12')))).toBe(
      'term-dates.ics has no term dates: no event is named like a term ("Autumn term", "Term 1", "Term starts") or a holiday ("Christmas holiday", "October half term") (its events, such as "Sports day", "Parents evening", are none of these). Nothing was saved.',
    );
  });

  it('two overlapping terms', () => {
    const text = calendar(...namedTerms().filter((e) => !e.includes('Spring term')), allDay('Spring term 2027', '2026-12-14', '2027-03-25'));
    expect(refusedUnchanged(text)).toBe(
      'The term dates do not fit together: "Autumn term 2026" (2 Sep 2026 to 18 Dec 2026) and "Spring term 2027" (14 Dec 2026 to 25 Mar 2027) overlap: a day cannot be in two terms. Nothing was saved.',
    );
  });

  it('a year with only two terms', () => {
    const text = calendar(...namedTerms().filter((e) => !/Summer Term|May half/.test(e)));
    expect(refusedUnchanged(text)).toBe(
      'The term dates could not be worked out: 2026-27 has only two terms in this file: the autumn term and, after Christmas, 4 Jan 2027 to 25 Mar 2027; a school year needs autumn, spring and summer terms, each with a half-term. Nothing was saved.',
    );
  });

  it('a term with no half-term, and a file that is not a calendar', () => {
    expect(refusedUnchanged(calendar(...namedTerms().filter((e) => !e.includes('October'))))).toMatch(/2026-27: the autumn term \(2 Sep 2026 to 18 Dec 2026\) has no half-term in this file/);
    expect(refusedUnchanged('Term dates\nAutumn: 2 Sept')).toMatch(/not a calendar/);
    expect(refusedUnchanged(calendar(allDay('Term starts', '2026-09-02'), allDay('Term starts', '2026-11-02')))).toMatch(/"Term starts" on 2 Sep 2026 has no end before "Term starts" on 2 Nov 2026/);
  });
});
