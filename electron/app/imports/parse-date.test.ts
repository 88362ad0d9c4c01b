import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDate } from './text-file.ts';

/** parseDate as it was, through a Date: the reference the faster arithmetic must match. */
function parseDateThroughDate(value: string): string | null | undefined {
  const v = value.trim();
  if (v === '') return null;
  let y: number, m: number, d: number;
  const uk = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/.exec(v);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (uk) [d, m, y] = [Number(uk[1]), Number(uk[2]), Number(uk[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

const digits = (min: number, max: number) => fc.integer({ min, max }).map(String);
const pad = (n: number, width: number) => fc.integer({ min: 0, max: n }).map((v) => String(v).padStart(width, '0'));

describe('dates in imported files', () => {
  it('reads every dd-mm-yyyy, dd/mm/yyyy and yyyy-mm-dd as the Date-based reader did, leap years and nonsense alike', () => {
    const ukDate = fc.tuple(digits(0, 35), fc.constantFrom('-', '/'), digits(0, 14), fc.constantFrom('-', '/'), pad(9999, 4)).map((p) => p.join(''));
    const isoDate = fc.tuple(pad(9999, 4), pad(13, 2), pad(32, 2)).map(([y, m, d]) => `${y}-${m}-${d}`);
    const anything = fc.string({ unit: fc.constantFrom('0', '1', '2', '9', '-', '/', ' ', 'x'), maxLength: 12 });
    fc.assert(
      fc.property(fc.oneof(ukDate, isoDate, anything), (text) => {
        expect(parseDate(text)).toBe(parseDateThroughDate(text));
      }),
      { numRuns: 20_000 },
    );
    expect(parseDate('29-02-2024')).toBe('2024-02-29');
    expect(parseDate('29-02-1900')).toBeUndefined();
    expect(parseDate('29/02/2000')).toBe('2000-02-29');
    expect(parseDate('01-01-0099')).toBeUndefined();
    expect(parseDate(' 7-3-2026 ')).toBe('2026-03-07');
  });
});
