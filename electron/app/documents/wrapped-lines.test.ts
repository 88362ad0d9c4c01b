import { describe, expect, it } from 'vitest';
import { columnTextWidth, textWidth, wrappedLines } from './wrapped-lines.ts';

describe('lines a wrapped cell of the SPOC list needs', () => {
  it('measures text as Arial sets it', () => {
    expect(textWidth('Secondary', 10)).toBeCloseTo(47.8, 1);
    expect(textWidth('Secondary', 10, true)).toBeGreaterThan(textWidth('Secondary', 10));
    expect(columnTextWidth(18.5)).toBeCloseTo(95.6, 1);
  });

  it('fills lines word by word, and breaks a word longer than the column where it runs out', () => {
    expect(wrappedLines('', 21)).toBe(1);
    expect(wrappedLines('Ashby Academy', 21)).toBe(1);
    expect(wrappedLines('Dunmere West Juniors Primary School', 21)).toBe(2);
    expect(wrappedLines('Alternative provision (APC)', 11.5)).toBe(3);
    expect(wrappedLines('01632 960104', 12.5)).toBe(1);
    expect(wrappedLines('jas.kaur@northshire.example.gov.uk', 18.5)).toBe(2);
    // 41 letters without a space: broken twice in Excel's narrower column.
    expect(wrappedLines('cerys.pritchard@northshire.example.gov.uk', 18.5)).toBe(3);
    expect(wrappedLines('Named link worker (SPOC)', 11.5, 10, true)).toBe(3);
  });

  it('starts a line at every line break', () => {
    expect(wrappedLines('Camden.\nTeam managers: Tess Manager', 143.5)).toBe(2);
    expect(wrappedLines('a\n\nb', 10)).toBe(3);
  });
});
