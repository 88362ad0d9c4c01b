import { describe, expect, it } from 'vitest';
import { ALL_ROWS_UP_TO, tableWindow } from './tablePages.ts';

describe('tableWindow', () => {
  it('shows every row, unpaged, up to the limit', () => {
    expect(tableWindow(44, 0)).toEqual({ paged: false, page: 0, pages: 1, start: 0, end: 44, position: '' });
    expect(tableWindow(ALL_ROWS_UP_TO, 3)).toMatchObject({ paged: false, start: 0, end: ALL_ROWS_UP_TO });
  });

  it('pages past the limit and says which rows it shows', () => {
    expect(tableWindow(2340, 0)).toEqual({ paged: true, page: 0, pages: 24, start: 0, end: 100, position: 'Rows 1 to 100 of 2,340' });
    expect(tableWindow(2340, 1)).toMatchObject({ start: 100, end: 200, position: 'Rows 101 to 200 of 2,340' });
  });

  it('ends the last page at the last row and keeps the page inside the pages there are', () => {
    expect(tableWindow(2340, 23)).toMatchObject({ page: 23, start: 2300, end: 2340, position: 'Rows 2,301 to 2,340 of 2,340' });
    // A search that shrinks the list leaves the reader on its last page, not past the end.
    expect(tableWindow(601, 50)).toMatchObject({ page: 6, start: 600, end: 601, position: 'Rows 601 to 601 of 601' });
    expect(tableWindow(601, -1)).toMatchObject({ page: 0, start: 0 });
  });
});
