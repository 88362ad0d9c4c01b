/**
 * The few pieces of Word layout (WordprocessingML) the report lays out itself: headings,
 * paragraphs and tables whose columns vary from table to table, which a template's loops cannot
 * do. Every piece of text goes through `escapeXml`, so a label can never become layout.
 */

const FONT = 'Arial';
/** A4 portrait between the template's 2.54 cm margins, in twentieths of a point. */
export const TEXT_WIDTH = 9026;
const BORDER = 'B1B4B6';
const HEADER_FILL = 'D9D9D9';
const BAR_COLOUR = '1D70B8';

export function escapeXml(text: string): string {
  // Characters XML 1.0 cannot hold at all are dropped (labels are cleaned already; this is the last guard).
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

interface RunStyle {
  bold?: boolean;
  italic?: boolean;
  /** Half-points: 22 is 11pt. */
  size?: number;
  colour?: string;
}

function run(text: string, style: RunStyle = {}): string {
  const size = style.size ?? 22;
  const props = [
    `<w:rFonts w:ascii="${FONT}" w:hAnsi="${FONT}" w:cs="${FONT}" w:eastAsia="${FONT}"/>`,
    style.bold ? '<w:b/><w:bCs/>' : '',
    style.italic ? '<w:i/><w:iCs/>' : '',
    style.colour ? `<w:color w:val="${style.colour}"/>` : '',
    `<w:sz w:val="${size}"/><w:szCs w:val="${size}"/>`,
  ].join('');
  return `<w:r><w:rPr>${props}</w:rPr><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

interface ParagraphStyle extends RunStyle {
  style?: string;
  align?: 'left' | 'right' | 'center';
  before?: number;
  after?: number;
  keepNext?: boolean;
}

export function paragraph(text: string, p: ParagraphStyle = {}): string {
  const props = [
    p.style ? `<w:pStyle w:val="${p.style}"/>` : '',
    p.keepNext ? '<w:keepNext/>' : '',
    `<w:spacing w:before="${p.before ?? 0}" w:after="${p.after ?? 120}"/>`,
    p.align && p.align !== 'left' ? `<w:jc w:val="${p.align}"/>` : '',
  ].join('');
  return `<w:p><w:pPr>${props}</w:pPr>${text ? run(text, p) : ''}</w:p>`;
}

/** A heading in the template's own heading style (a council's template keeps its look), kept with what follows. */
export function heading(text: string, level: 1 | 2): string {
  return paragraph(text, { style: `Heading${level}`, bold: true, size: level === 1 ? 30 : 24, before: level === 1 ? 360 : 240, after: 120, keepNext: true });
}

export interface Cell {
  text: string;
  align?: 'left' | 'right' | 'center';
  /** Drawn as a bar in the chart's colour. */
  bar?: boolean;
  /** Columns this cell spans (a heading over a group of columns). */
  span?: number;
}

function cellXml(cell: Cell, width: number, header: boolean): string {
  const shading = header ? `<w:shd w:val="clear" w:color="auto" w:fill="${HEADER_FILL}"/>` : '';
  const span = cell.span && cell.span > 1 ? `<w:gridSpan w:val="${cell.span}"/>` : '';
  const text = paragraph(cell.text, { bold: header, size: cell.bar ? 14 : header ? 16 : 18, align: cell.align ?? 'left', after: 0, ...(cell.bar ? { colour: BAR_COLOUR } : {}) });
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${span}${shading}</w:tcPr>${text}</w:tc>`;
}

/** A table whose first rows are its header (repeated on every page), rows kept whole across pages. */
export function table(headerRows: Cell[][], rows: Cell[][], widths: number[]): string {
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="${BORDER}"/>`;
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('');
  const props = `<w:tblPr><w:tblW w:w="${widths.reduce((a, b) => a + b, 0)}" w:type="dxa"/><w:tblBorders>${borders}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr>`;
  const grid = `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  const row = (cells: Cell[], isHeader: boolean) => {
    let column = 0;
    const xml = cells.map((c) => {
      const span = c.span ?? 1;
      const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
      column += span;
      return cellXml(c, width, isHeader);
    });
    return `<w:tr><w:trPr><w:cantSplit/>${isHeader ? '<w:tblHeader/>' : ''}</w:trPr>${xml.join('')}</w:tr>`;
  };
  return `<w:tbl>${props}${grid}${headerRows.map((h) => row(h, true)).join('')}${rows.map((r) => row(r, false)).join('')}</w:tbl>`;
}
