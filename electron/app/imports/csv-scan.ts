/**
 * The CSV scanner every importer reads through: RFC 4180 as Excel writes it, checked as it is
 * read, in one pass over the decoded text.
 *
 * - Quoting is strict: a quote opens a value only at its start, closes it only before a comma,
 *   a line break or the end of the file, and is doubled inside it. Anything else is damage the
 *   file would be read one way or another, so it is refused with the line named, not guessed.
 * - Limits on columns and value length are checked as the text goes by, so a line of a million
 *   commas is refused at the 201st column and a value at its 10,001st character, before a record
 *   is built, and an unfinished record never grows past them.
 * - A line break is CR LF, LF or CR; empty lines are no records.
 * - Only the columns asked for are cut out of the text (`keepOnly`): the national GIAS file has
 *   139 columns of which LinkDesk keeps 25, and a string for each of the other 114 on 50,000 rows
 *   was most of the cost of reading it (bench/README.md).
 * - It resumes where it stopped: a record split between two pieces of text is not read twice.
 */
import path from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import { formatCount, overLimit, type TableLimits } from './limits.ts';

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

export interface ScannedRecord {
  /** Every value, or with `keepOnly` the kept ones in the order asked ('' past the end of a short row). */
  values: string[];
  /** How many values the record has. */
  fields: number;
}

export class CsvScanner {
  /** With `keepOnly`: for each column, where its value goes (undefined: not kept). */
  private slots: number[] | null = null;
  private kept = 0;
  private field = 0;
  private beforeFirst = true;
  /** The unfinished record's text, from its start. */
  private pending = '';
  /** Where scanning goes on, in `pending`. */
  private at = 0;
  private values: string[] = [];
  private fieldStart = 0;
  private quoted = false;
  private escaped = false;
  private inQuotes = false;
  private afterCr = false;
  private line = 1;
  private quotedFrom = 0;
  private readonly name: string;

  /**
   * @param onFirstRecord called with the first record (the header) as soon as it is read, before
   * any other: the place to call `keepOnly`.
   */
  constructor(
    private readonly file: string,
    private readonly limits: TableLimits,
    private readonly onFirstRecord?: (values: string[]) => void,
  ) {
    this.name = path.basename(file);
  }

  /** From the next record on, only these columns' values, in this order. */
  keepOnly(columns: number[]): void {
    const slots: number[] = [];
    columns.forEach((column, slot) => (slots[column] = slot));
    this.slots = slots;
    this.kept = columns.length;
    if (this.field === 0 && this.pending === '') this.values = this.newValues();
  }

  private newValues(): string[] {
    return this.slots ? new Array<string>(this.kept).fill('') : [];
  }

  /** The records completed by `text`, the next part of the file; `last` at its end. */
  scan(text: string, last: boolean): ScannedRecord[] {
    let input = this.pending.length > 0 ? this.pending + text : text;
    const n = input.length;
    const maxLength = this.limits.cellCharacters;
    const maxColumns = this.limits.columns;
    // Read again after each record: the first one's hook may choose the columns.
    let slots = this.slots;
    const records: ScannedRecord[] = [];
    let i = this.at;
    let recordStart = 0;
    let fieldStart = this.fieldStart;
    let values = this.values;
    let field = this.field;
    let { quoted, escaped, inQuotes, line } = this;
    if (this.afterCr && i < n) {
      // The LF of a CR LF split between two pieces.
      if (input.charCodeAt(i) === LF) recordStart = fieldStart = ++i;
      this.afterCr = false;
    }

    for (;;) {
      if (inQuotes) {
        const q = input.indexOf('"', i);
        const end = q < 0 ? n : q;
        for (let k = i; k < end; k++) {
          const c = input.charCodeAt(k);
          if (c === CR || (c === LF && (k === 0 || input.charCodeAt(k - 1) !== CR))) line++;
        }
        if (end - fieldStart > maxLength) throw this.tooLong(line);
        if (q < 0) {
          i = n;
          break;
        }
        if (q + 1 === n && !last) {
          // Whether this quote closes the value or starts a doubled quote is in the next piece.
          i = q;
          break;
        }
        const next = q + 1 < n ? input.charCodeAt(q + 1) : COMMA;
        if (next === QUOTE) {
          escaped = true;
          i = q + 2;
          continue;
        }
        if (next !== COMMA && next !== CR && next !== LF) throw this.damaged(line, 'text follows the closing quote of a value');
        inQuotes = false;
        i = q + 1;
      }
      // Outside quotes: on to the next comma, line break or quote. Most characters are none of them.
      let c = 0;
      for (; i < n; i++) {
        c = input.charCodeAt(i);
        if (c <= COMMA && (c === COMMA || c === LF || c === CR || c === QUOTE)) break;
      }
      if (i - fieldStart > maxLength) throw this.tooLong(line);
      if (i === n) break;
      if (c === QUOTE) {
        if (i !== fieldStart) throw this.damaged(line, 'a quote inside a value that does not start with one (a value with quotes must be in quotes, its quotes doubled)');
        inQuotes = quoted = true;
        this.quotedFrom = line;
        i++;
        continue;
      }
      if (!slots) values.push(valueOf(input, fieldStart, i, quoted, escaped));
      else {
        const slot = slots[field];
        if (slot !== undefined) values[slot] = valueOf(input, fieldStart, i, quoted, escaped);
      }
      field++;
      quoted = escaped = false;
      if (c === COMMA) {
        if (field + 1 > maxColumns) {
          throw overLimit(this.file, `has more than ${formatCount(maxColumns)} columns on line ${line}`, formatCount(maxColumns), { line });
        }
        fieldStart = ++i;
        continue;
      }
      // A line break ends the record; an empty line is none.
      if (i > recordStart) this.emit(records, values, field);
      slots = this.slots;
      values = this.newValues();
      field = 0;
      line++;
      if (c === CR) {
        if (i + 1 < n) {
          if (input.charCodeAt(i + 1) === LF) i++;
        } else if (!last) this.afterCr = true;
      }
      recordStart = fieldStart = ++i;
    }

    if (last) {
      if (inQuotes) {
        throw new AppError('invalid_input', `${this.name} looks cut short or damaged: a quoted value is never closed (from line ${this.quotedFrom}). Download it again.`, {
          file: this.name, line: this.quotedFrom,
        });
      }
      if (n > recordStart) {
        if (!slots) values.push(valueOf(input, fieldStart, n, quoted, escaped));
        else {
          const slot = slots[field];
          if (slot !== undefined) values[slot] = valueOf(input, fieldStart, n, quoted, escaped);
        }
        this.emit(records, values, field + 1);
      }
      input = '';
      recordStart = fieldStart = i = 0;
      values = this.newValues();
      field = 0;
    }
    this.pending = input.slice(recordStart);
    this.at = i - recordStart;
    this.fieldStart = fieldStart - recordStart;
    this.values = values;
    this.field = field;
    this.quoted = quoted;
    this.escaped = escaped;
    this.inQuotes = inQuotes;
    this.line = line;
    return records;
  }

  private emit(records: ScannedRecord[], values: string[], fields: number): void {
    records.push({ values, fields });
    if (this.beforeFirst) {
      this.beforeFirst = false;
      this.onFirstRecord?.(values);
    }
  }

  private tooLong(line: number): AppError {
    const max = formatCount(this.limits.cellCharacters);
    return overLimit(this.file, `has a value longer than ${max} characters on line ${line}`, `${max} characters`, { line });
  }

  private damaged(line: number, what: string): AppError {
    return new AppError('invalid_input', `${this.name} is not valid CSV on line ${line}: ${what}. Nothing was changed.`, { file: this.name, line });
  }
}

/** A value from its text: without its quotes, its doubled quotes single. */
function valueOf(input: string, start: number, end: number, quoted: boolean, escaped: boolean): string {
  if (!quoted) return input.slice(start, end);
  const inner = input.slice(start + 1, end - 1);
  return escaped ? inner.replaceAll('""', '"') : inner;
}
