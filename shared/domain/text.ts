/**
 * Text building blocks for every schema and importer: what a person types or a spreadsheet
 * holds, without the characters that hide or reorder text on screen (bidi overrides and
 * isolates, the "Trojan Source" trick), that end a line in the files LinkDesk writes (a bare CR
 * in an .ics or a CSV), or that are not allowed in Word and Excel XML at all (NUL and the other
 * control characters). They are removed rather than refused: nobody types them on purpose, and
 * a pasted name should not fail for a character nobody can see.
 */
import { z } from 'zod';

/** C0 controls except tab, LF and CR (handled apart), DEL and the C1 controls. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF]/g;
/** Embeddings, overrides and isolates; the plain marks (LRM, RLM) stay: mixed-direction names need them. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** Half a surrogate pair cannot be written as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NEEDS_CLEANING = /[\u0000-\u001F\u007F-\u009F\uFEFF\u2028\u2029\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/;

function withoutHidden(text: string): string {
  return text.replace(CONTROLS, '').replace(BIDI_CONTROLS, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** One line: line breaks and tabs become spaces; control and bidi characters go. */
export function cleanLine(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text;
  return withoutHidden(text.replace(/\r\n|[\r\n\t\u2028\u2029]/g, ' '));
}

/**
 * A name as one line with single spaces: a line break, a tab, a no-break space or a run of
 * spaces inside it (GIAS has names with a line break pasted in) becomes one space, and the ends
 * are trimmed, so the name prints on one line and compares equal to the same name typed.
 */
export function singleSpaced(text: string): string {
  return cleanLine(text).replace(/\s+/gu, ' ').trim();
}

/** Several lines (notes): every kind of line break becomes \n, tabs stay; control and bidi characters go. */
export function cleanLines(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text;
  return withoutHidden(text.replace(/\r\n?|[\u2028\u2029]/g, '\n'));
}

/** True when the text holds a character cleanLine would change (a path must not: it names a real file). */
export function hasHiddenCharacters(text: string): boolean {
  return NEEDS_CLEANING.test(text);
}

/** A one-line text field (names, emails, short answers), cleaned and trimmed; chain .min/.max as usual. */
export const line = (): z.ZodString => z.string().overwrite(cleanLine).trim();

/** A multi-line text field (notes, summaries), cleaned and trimmed, ordinary newlines kept. */
export const lines = (): z.ZodString => z.string().overwrite(cleanLines).trim();

/** Quote marks a path can arrive wrapped in: Windows' "Copy as path", a shell, a word processor's curly quotes. */
const QUOTES = '"\'\u2018\u2019\u201C\u201D';
const QUOTED = new RegExp(`^[${QUOTES}]+|[${QUOTES}]+$`, 'g');

/**
 * A pasted path without the quotes around it, and without one left over when only one end was
 * trimmed: `"C:\Users\tess\people.xlsx"` becomes `C:\Users\tess\people.xlsx`. No real file name
 * starts or ends with a quote mark (Windows forbids `"` anywhere in one), so nothing a person
 * meant is lost, and no error message ever echoes a stray quote back.
 */
export function withoutQuotes(typed: string): string {
  return typed.trim().replace(QUOTED, '').trim();
}

/**
 * A file or folder path: never cleaned (that would name another file) but refused when it holds
 * a control or bidi character, which no real path needs and which can disguise its extension.
 * Surrounding quotes are removed (see withoutQuotes).
 */
export const filePath = (required: string, max = 1024): z.ZodString =>
  z
    .string()
    .overwrite(withoutQuotes)
    .min(1, required)
    .max(max, 'The path is too long')
    .refine((p) => !hasHiddenCharacters(p), 'The path holds a control or hidden character: type it again');
