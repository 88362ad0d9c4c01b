import { describe, expect, it } from 'vitest';
import { declarationDue, declarationOutOfDate, yearBefore } from './declarations.ts';

describe('annual declarations: who is due', () => {
  it('is due when the worker has never declared', () => {
    expect(declarationDue(null, 9, '2026-12-03')).toBe(true);
  });
  it('is due from the first day of their month when the last declaration came before it that year', () => {
    expect(declarationDue('2026-01-20', 12, '2026-11-30')).toBe(false);
    expect(declarationDue('2026-01-20', 12, '2026-12-01')).toBe(true);
    expect(declarationDue('2026-12-02', 12, '2026-12-03')).toBe(false);
  });
  it('across the new year: a January month is due again on 1 January, and a declaration over a year old is due whatever the month', () => {
    expect(declarationDue('2026-01-20', 1, '2026-12-31')).toBe(false);
    expect(declarationDue('2026-01-20', 1, '2027-01-01')).toBe(true);
    expect(declarationDue('2025-12-15', 12, '2026-11-30')).toBe(false);
    expect(declarationDue('2025-12-15', 9, '2027-01-05')).toBe(true);
    expect(declarationDue('2026-09-10', 9, '2027-01-05')).toBe(false);
  });
  it('counts a year to the same day, and 29 February to 28 February', () => {
    expect(yearBefore('2028-02-29')).toBe('2027-02-28');
    expect(declarationOutOfDate('2025-12-03', '2026-12-03')).toBe(false);
    expect(declarationOutOfDate('2025-12-02', '2026-12-03')).toBe(true);
  });
});
