/**
 * Term-dates calendars in the layouts councils publish, built for tests (no council's file is
 * copied): each describes the same 2026-27 school year, so every layout must import to it.
 */
import { addDays } from '../../../shared/format.ts';

const compact = (iso: string): string => iso.replaceAll('-', '');

/** An all-day event from its first to its last day (DTEND is the day after, as RFC 5545 has it). */
export const allDay = (summary: string, first: string, last = first): string =>
  `BEGIN:VEVENT\r\nUID:${compact(first)}-${summary.replace(/\W/g, '')}@council.example\r\nDTSTART;VALUE=DATE:${compact(first)}\r\nDTEND;VALUE=DATE:${compact(addDays(last, 1))}\r\nSUMMARY:${summary}\r\nEND:VEVENT\r\n`;

/** A timed event; `start` and `end` as the .ics writes them, with their parameters (";TZID=Europe/London:20261026T000000" or ":20260901T230000Z"). */
export const timed = (summary: string, start: string, end: string): string => `BEGIN:VEVENT\r\nDTSTART${start}\r\nDTEND${end}\r\nSUMMARY:${summary}\r\nEND:VEVENT\r\n`;

export const calendar = (...events: string[]): string => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Testshire County Council//Term dates//EN\r\n${events.join('')}END:VCALENDAR\r\n`;

/** The 2026-27 year every layout describes. */
export const YEAR_2026_27 = [
  { name: 'autumn', startsOn: '2026-09-02', endsOn: '2026-12-18', halfTermFrom: '2026-10-26', halfTermTo: '2026-10-30' },
  { name: 'spring', startsOn: '2027-01-04', endsOn: '2027-03-25', halfTermFrom: '2027-02-15', halfTermTo: '2027-02-19' },
  { name: 'summer', startsOn: '2027-04-12', endsOn: '2027-07-22', halfTermFrom: '2027-05-31', halfTermTo: '2027-06-04' },
];

/** "Autumn term" and "October half term": the layout LinkDesk read first. */
export const namedTerms = (): string[] => [
  allDay('Autumn term 2026', '2026-09-02', '2026-12-18'),
  allDay('October half term', '2026-10-26', '2026-10-30'),
  allDay('Christmas holiday', '2026-12-19', '2027-01-03'),
  allDay('Spring term 2027', '2027-01-04', '2027-03-25'),
  allDay('February half-term', '2027-02-15', '2027-02-19'),
  allDay('Summer Term 2027', '2027-04-12', '2027-07-22'),
  allDay('May half term', '2027-05-31', '2027-06-04'),
];

export const LAYOUTS_2026_27: Record<string, string> = {
  'named terms with half-terms': calendar(...namedTerms()),
  'six numbered terms with the holidays as events': calendar(
    allDay('Term 1', '2026-09-02', '2026-10-23'),
    allDay('Half term holiday', '2026-10-24', '2026-11-01'),
    allDay('Term 2', '2026-11-02', '2026-12-18'),
    allDay('Christmas holiday', '2026-12-19', '2027-01-03'),
    allDay('Term 3', '2027-01-04', '2027-02-12'),
    allDay('Half term holiday', '2027-02-13', '2027-02-21'),
    allDay('Term 4', '2027-02-22', '2027-03-25'),
    allDay('Easter holiday', '2027-03-26', '2027-04-11'),
    allDay('Term 5', '2027-04-12', '2027-05-28'),
    allDay('Early May bank holiday', '2027-05-03'),
    allDay('Half term holiday', '2027-05-29', '2027-06-06'),
    allDay('Term 6', '2027-06-07', '2027-07-22'),
  ),
  'halves as events with no half-term event': calendar(
    allDay('Autumn term 1', '2026-09-02', '2026-10-23'),
    allDay('Autumn term 2', '2026-11-02', '2026-12-18'),
    allDay('Christmas holiday', '2026-12-19', '2027-01-03'),
    allDay('Spring term 1', '2027-01-04', '2027-02-12'),
    allDay('Spring term 2', '2027-02-22', '2027-03-25'),
    allDay('Easter holiday', '2027-03-26', '2027-04-09'),
    allDay('Summer term 1', '2027-04-12', '2027-05-28'),
    allDay('Summer term 2', '2027-06-07', '2027-07-22'),
    allDay('Summer holiday', '2027-07-23', '2027-08-31'),
  ),
  'holidays only': calendar(
    allDay('Summer holiday', '2026-07-23', '2026-09-01'),
    allDay('October half term', '2026-10-24', '2026-11-01'),
    allDay('Christmas holiday', '2026-12-19', '2027-01-03'),
    allDay('February half term', '2027-02-15', '2027-02-19'),
    allDay('Easter holidays', '2027-03-26', '2027-04-09'),
    allDay('Early May bank holiday', '2027-05-03'),
    allDay('Spring bank holiday', '2027-05-31'),
    allDay('May half term', '2027-05-31', '2027-06-04'),
    allDay('Summer holiday', '2027-07-23', '2027-08-31'),
  ),
  '"Term starts" and "Term ends" as one-day events': calendar(
    ...[
      ['2026-09-02', '2026-10-23'],
      ['2026-11-02', '2026-12-18'],
      ['2027-01-04', '2027-02-12'],
      ['2027-02-22', '2027-03-25'],
      ['2027-04-12', '2027-05-28'],
      ['2027-06-07', '2027-07-22'],
    ].flatMap(([starts = '', ends = '']) => [allDay('Term starts', starts), allDay('Term ends', ends)]),
  ),
  'INSET days inside': calendar(
    ...namedTerms(),
    allDay('INSET day', '2026-09-01'),
    allDay('Staff training day (schools closed to pupils)', '2026-11-02'),
    allDay('INSET day', '2027-01-04'),
    allDay('INSET day', '2027-07-23'),
  ),
  'timed events rather than all-day dates': calendar(
    // 23:00 UTC on 1 Sep is midnight on 2 Sep in London (BST): the term starts on the 2nd.
    timed('Autumn term', ':20260901T230000Z', ':20261218T153000Z'),
    // Ends at midnight: the last day is the day before.
    timed('October half term', ';TZID=Europe/London:20261026T000000', ';TZID=Europe/London:20261031T000000'),
    timed('Spring term', ':20270104T083000', ':20270325T153000'),
    timed('February half term', ';TZID=Europe/London:20270215T090000', ';TZID=Europe/London:20270219T170000'),
    timed('Summer term', ':20270411T230000Z', ':20270722T143000Z'),
    timed('May half term', ':20270530T230000Z', ':20270604T230000Z'),
  ),
};

/** The next year, named as the first layout, for a calendar covering two school years. */
export const YEAR_2027_28 = [
  { name: 'autumn', startsOn: '2027-09-01', endsOn: '2027-12-17', halfTermFrom: '2027-10-25', halfTermTo: '2027-10-29' },
  { name: 'spring', startsOn: '2028-01-04', endsOn: '2028-03-31', halfTermFrom: '2028-02-14', halfTermTo: '2028-02-18' },
  { name: 'summer', startsOn: '2028-04-18', endsOn: '2028-07-21', halfTermFrom: '2028-05-29', halfTermTo: '2028-06-02' },
];

export const nextYearNamed = (): string[] =>
  YEAR_2027_28.flatMap((t) => [allDay(`${t.name} term`, t.startsOn, t.endsOn), allDay(`${t.name} half term`, t.halfTermFrom, t.halfTermTo)]);

/** Six terms with a week's Easter holiday between Terms 4 and 5 and a week's spring holiday inside Term 5: two breaks could end the spring term. */
export const EASTER_OR_SPRING_HOLIDAY = calendar(
  allDay('Term 1', '2026-09-02', '2026-10-23'),
  allDay('Term 2', '2026-11-02', '2026-12-18'),
  allDay('Term 3', '2027-01-04', '2027-02-12'),
  allDay('Term 4', '2027-02-22', '2027-03-26'),
  allDay('Easter holiday', '2027-03-29', '2027-04-02'),
  allDay('Term 5', '2027-04-05', '2027-05-28'),
  allDay('Spring holiday', '2027-04-12', '2027-04-16'),
  allDay('Term 6', '2027-06-07', '2027-07-22'),
);
