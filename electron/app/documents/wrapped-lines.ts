/**
 * How many printed lines a wrapped spreadsheet cell needs. Excel stores a row's height rather
 * than fitting wrapped text when the file opens (LibreOffice likewise keeps the default), so a
 * row left to itself prints its second line over the next row. The list sets each row's height
 * from this estimate instead: Arial's advance widths (Liberation Sans, which LibreOffice uses for
 * it, has the same), a column's width in Excel's units (7 pixels each for the default Calibri
 * 11, plus 5, less the cell's padding), words filling a line, and a word longer than the line
 * (an email address) broken where it runs out, as Excel and LibreOffice break it. Where the two
 * programs differ, the narrower (Excel's) is assumed: a row a little too tall, never text over
 * the next row.
 */

/** Arial's advance widths, in thousandths of the font size, for space to "~". */
const ARIAL_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space to /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 to ?
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ to O
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P to _
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` to o
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p to ~
];
/** Letters beyond ASCII (accents, curly quotes) are about as wide as an average lowercase letter. */
const OTHER_WIDTH = 556;
/** Bold Arial is about a tenth wider. */
const BOLD_FACTOR = 1.1;
const PIXELS_PER_UNIT = 7;
const COLUMN_EXTRA_PIXELS = 5;
const CELL_PADDING_PIXELS = 7;
const POINTS_PER_PIXEL = 0.75;

function characterWidth(ch: string, size: number, bold: boolean): number {
  const code = ch.codePointAt(0) ?? 0;
  const thousandths = code >= 32 && code <= 126 ? (ARIAL_WIDTHS[code - 32] ?? OTHER_WIDTH) : OTHER_WIDTH;
  return (thousandths / 1000) * size * (bold ? BOLD_FACTOR : 1);
}

/** The text's width in points. */
export function textWidth(text: string, size: number, bold = false): number {
  let width = 0;
  for (const ch of text) width += characterWidth(ch, size, bold);
  return width;
}

/** The points of text a column of this width (Excel's units) holds on one line. */
export function columnTextWidth(units: number): number {
  return (units * PIXELS_PER_UNIT + COLUMN_EXTRA_PIXELS - CELL_PADDING_PIXELS) * POINTS_PER_PIXEL;
}

/** Lines the text takes wrapped in a column of this width; each line break in the text starts a line. */
export function wrappedLines(text: string, units: number, size = 10, bold = false): number {
  const room = columnTextWidth(units);
  const space = characterWidth(' ', size, bold);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines++;
    let used = 0;
    for (const word of paragraph.split(' ').filter(Boolean)) {
      const width = textWidth(word, size, bold);
      if (used > 0 && used + space + width <= room) {
        used += space + width;
        continue;
      }
      if (used > 0) lines++;
      used = 0;
      // A word wider than the column is broken where the line runs out.
      for (const ch of word) {
        const w = characterWidth(ch, size, bold);
        if (used > 0 && used + w > room) {
          lines++;
          used = 0;
        }
        used += w;
      }
    }
  }
  return lines;
}
