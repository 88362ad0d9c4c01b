import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './format.ts';

describe('dates on screen', () => {
  it('writes dates as 23 Nov 2026, with Sep not Sept', () => {
    expect(formatDate('2026-11-23')).toBe('23 Nov 2026');
    expect(formatDate('2023-09-01')).toBe('1 Sep 2023');
  });
  it('keeps a calendar date on its day whatever the time zone', () => {
    expect(formatDate('2026-03-29')).toBe('29 Mar 2026');
  });
  it('adds the time to a moment', () => {
    expect(formatDateTime('2026-11-23T14:05:00')).toBe('23 Nov 2026, 14:05');
  });
});
