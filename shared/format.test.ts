import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, plural } from './format.ts';

describe('dates on screen', () => {
  it('writes dates as 23 Nov 2026, with Sep not Sept', () => {
    expect(formatDate('2026-11-23')).toBe('23 Nov 2026');
    expect(formatDate('2023-09-01')).toBe('1 Sep 2023');
  });
  it('keeps a calendar date on its day whatever the time zone', () => {
    expect(formatDate('2026-03-29')).toBe('29 Mar 2026');
  });
  it('counts in words with the plural right', () => {
    expect(plural(1, 'school')).toBe('1 school');
    expect(plural(0, 'school')).toBe('0 schools');
    expect(plural(1250, 'child', 'children')).toBe('1,250 children');
  });
  it('adds the time to a moment', () => {
    expect(formatDateTime('2026-11-23T14:05:00')).toBe('23 Nov 2026, 14:05');
  });
});
